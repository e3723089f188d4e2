import { MigError, type Dialect } from "@mig/core";
import { type Connection } from "@mig/core/dialect";
import { closestMatch, orderApps } from "@mig/core/internal";
import { connectionOf, loadConfig, type LoadedConfig, type ResolvedApp } from "./config/load-config";
import type { CliDeps } from "./deps";
import { toCodedError } from "./output/coded-error";
import { EXIT, exitCodeFor, type ExitCode } from "./output/exit-code";
import { Output } from "./output/output";
import { resolveDialect } from "./registry/resolve-dialect";

/** Options every command takes. */
export interface GlobalOptions {
  /** `--config PATH`. */
  readonly config?: string | undefined;
  /** `--json`. */
  readonly json?: boolean | undefined;
}

/** What a command works with: the output, the config, the dialect, a connection. */
export class CommandContext {
  readonly deps: CliDeps;
  readonly output: Output;
  readonly #options: GlobalOptions;
  #config: LoadedConfig | undefined;

  constructor(deps: CliDeps, options: GlobalOptions) {
    this.deps = deps;
    this.#options = options;
    this.output = new Output(deps, { json: options.json });
  }

  async config(): Promise<LoadedConfig> {
    this.#config ??= await loadConfig(this.deps, this.#options.config);
    this.output.protectSecretsOf(this.#config.config.connection);
    this.output.protectSecretsOf(this.deps.env.DATABASE_URL);
    return this.#config;
  }

  /** One app by name (`MIG_E_USAGE` with a suggestion when unknown). */
  async app(name: string): Promise<ResolvedApp> {
    const { apps } = await this.config();
    const app = apps.find((a) => a.name === name);
    if (app) return app;
    const suggestion = closestMatch(name, apps.map((a) => a.name));
    throw new MigError("MIG_E_USAGE", `Unknown app "${name}"${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`, {
      hint: `Apps in the config: ${apps.map((a) => a.name).join(", ")}`,
      meta: { app: name },
    });
  }

  /** `all` → every app in dependency order; a name → that app. */
  async apps(nameOrAll: string): Promise<ResolvedApp[]> {
    if (nameOrAll !== "all") return [await this.app(nameOrAll)];
    return orderApps((await this.config()).apps);
  }

  async dialect(): Promise<{ dialect: Dialect; connection: ReturnType<typeof connectionOf> }> {
    const connection = connectionOf(await this.config(), this.deps);
    return { dialect: await this.resolveDialect(connection.dialect), connection };
  }

  /** A dialect by registry name (or a dialect object, checked), looked up with the config's plugins. */
  async resolveDialect(spec: string | Dialect): Promise<Dialect> {
    const loaded = await this.config();
    return resolveDialect(spec, loaded.config.plugins ?? [], {
      cwd: loaded.dir,
      ...(this.deps.resolveConditions ? { conditions: this.deps.resolveConditions } : {}),
    });
  }

  /**
   * Every database the migrations must run on: the configured dialect first, then the config's
   * `targets` (names or dialect objects, resolved through the registry), each dialect once.
   */
  async targets(): Promise<Dialect[]> {
    const loaded = await this.config();
    const { dialect } = await this.dialect();
    const targets = [dialect];
    for (const spec of loaded.config.targets ?? []) {
      const target = await resolveDialect(spec, loaded.config.plugins ?? [], {
        cwd: loaded.dir,
        ...(this.deps.resolveConditions ? { conditions: this.deps.resolveConditions } : {}),
      });
      if (!targets.some((t) => t.name === target.name)) targets.push(target);
    }
    return targets;
  }

  /** Opens a connection, runs `fn`, and always closes it. */
  async withConnection<T>(fn: (dialect: Dialect, connection: Connection) => Promise<T>): Promise<T> {
    const { dialect, connection: resolved } = await this.dialect();
    const connection = await dialect.connect(resolved.connection);
    try {
      return await fn(dialect, connection);
    } finally {
      await connection.close();
    }
  }
}

/**
 * Runs a command body and turns whatever it throws into one coded error line (or `{ error }` with
 * `--json`) and the matching exit code. Commands return their exit code; they never exit.
 */
export async function runCommand(deps: CliDeps, options: GlobalOptions, body: (context: CommandContext) => Promise<ExitCode>): Promise<ExitCode> {
  const context = new CommandContext(deps, options);
  try {
    return await body(context);
  } catch (error) {
    const coded = toCodedError(error);
    context.output.error(coded);
    if (coded.code === "MIG_E_INTERNAL" && deps.env.MIG_DEBUG && error instanceof Error && error.stack) {
      context.output.note(error.stack);
    }
    return exitCodeFor(coded.code);
  }
}

export { EXIT };
