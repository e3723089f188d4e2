import { CommanderError } from "commander";
import type { CliDeps } from "./deps";
import { EXIT, type ExitCode } from "./output/exit-code";
import { Output } from "./output/output";
import { buildProgram, type CommandName } from "./program";

type Runner = (options: Record<string, unknown>, deps: CliDeps) => Promise<ExitCode>;

/** Each command is imported only when it runs, so `mig --help` loads no database code. */
const COMMANDS: Readonly<Record<CommandName, () => Promise<Runner>>> = {
  new: async () => (await import("./commands/new/run")).run as unknown as Runner,
  forwards: async () => (await import("./commands/forwards/run")).run as unknown as Runner,
  backwards: async () => (await import("./commands/backwards/run")).run as unknown as Runner,
  check: async () => (await import("./commands/check/run")).run as unknown as Runner,
  clean: async () => (await import("./commands/clean/run")).run as unknown as Runner,
  lint: async () => (await import("./commands/lint/run")).run as unknown as Runner,
  pull: async () => (await import("./commands/pull/run")).run as unknown as Runner,
};

/** With `--fleet`, these commands run on every target of the config's fleet (`src/fleet/`). */
const FLEET_COMMANDS: Readonly<Partial<Record<CommandName, () => Promise<Runner>>>> = {
  forwards: async () => (await import("./fleet/fleet-forwards")).run as unknown as Runner,
  backwards: async () => (await import("./fleet/fleet-backwards")).run as unknown as Runner,
  check: async () => (await import("./fleet/fleet-check")).run as unknown as Runner,
};

/**
 * Runs `mig` with `argv` (without `node` and the script) and returns the exit code. Never exits.
 *
 * @example
 * ```ts
 * const code = await main(["check", "--json"], nodeDeps());
 * ```
 */
export async function main(argv: readonly string[], deps: CliDeps): Promise<ExitCode> {
  let exitCode: ExitCode = EXIT.ok;
  const program = buildProgram(async (name, options) => {
    // `--concurrency` alone goes to the fleet command too, which refuses it without `--fleet`.
    const fleet = options.fleet !== undefined || options.concurrency !== undefined;
    const load = (fleet ? FLEET_COMMANDS[name] : undefined) ?? COMMANDS[name];
    exitCode = await (await load())(options, deps);
  });
  program.exitOverride();
  program.configureOutput({
    writeOut: (text) => deps.stdout(text),
    writeErr: (text) => deps.stderr(text),
    outputError: () => {},
  });
  for (const command of program.commands) {
    command.exitOverride();
    command.configureOutput({ writeOut: (text) => deps.stdout(text), writeErr: (text) => deps.stderr(text), outputError: () => {} });
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.exitCode === 0 || error.code === "commander.helpDisplayed" || error.code === "commander.version") return EXIT.ok;
    // `mig` alone: the help is already on stderr.
    if (error.code === "commander.help") return EXIT.usage;
    const output = new Output(deps, { json: argv.includes("--json") });
    output.error({
      code: "MIG_E_USAGE",
      message: error.message.replace(/^error: /, ""),
      hint: "Run mig --help (or mig <command> --help) for usage and examples",
    });
    return EXIT.usage;
  }
  return exitCode;
}
