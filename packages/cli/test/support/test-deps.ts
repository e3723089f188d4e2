import { pathToFileURL } from "node:url";
import type { CliDeps } from "../../src/deps";
import type { Prompter } from "../../src/prompts/prompter";

export interface TestDepsOptions {
  readonly cwd: string;
  /** Standard input is a terminal (prompts allowed). Default false. */
  readonly tty?: boolean;
  /** Answers to confirm() questions, in order. */
  readonly confirms?: readonly boolean[];
  /** Answers to text() questions, in order. */
  readonly texts?: readonly string[];
  readonly env?: Record<string, string | undefined>;
  /** Fixed migration IDs, in order (default: the real clock). */
  readonly ids?: readonly string[];
}

export interface TestIo {
  readonly deps: CliDeps;
  stdout(): string;
  stderr(): string;
  /** Every question asked, in order. */
  readonly asked: string[];
}

let loads = 0;

/**
 * Deps for calling a command's `run()` in-process: captured output, a scripted terminal, and a
 * module loader that goes through vitest (so user files share the `@mig/core` under test).
 */
export function testDeps(options: TestDepsOptions): TestIo {
  let out = "";
  let err = "";
  const asked: string[] = [];
  const confirms = [...(options.confirms ?? [])];
  const texts = [...(options.texts ?? [])];
  const ids = [...(options.ids ?? [])];
  const prompter: Prompter = {
    async confirm(message) {
      asked.push(message);
      const answer = confirms.shift();
      if (answer === undefined) throw new Error(`unexpected question: ${message}`);
      return answer;
    },
    async text(message) {
      asked.push(message);
      const answer = texts.shift();
      if (answer === undefined) throw new Error(`unexpected question: ${message}`);
      return answer;
    },
  };
  const deps: CliDeps = {
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    stdoutIsTTY: false,
    stdinIsTTY: options.tty === true,
    prompter,
    cwd: options.cwd,
    env: options.env ?? {},
    now: () => new Date(),
    elapsed: () => performance.now(),
    // A fresh URL each time: files written during a test are read again, not from a cache.
    loadModule: async (path) => (await import(/* @vite-ignore */ `${pathToFileURL(path).href}?load=${++loads}`)) as Record<string, unknown>,
    resolveConditions: ["source", "import", "default"],
    ...(options.ids ? { newMigrationId: () => ids.shift() ?? "2099-01-01T00:00:00:000000" } : {}),
  };
  return { deps, stdout: () => out, stderr: () => err, asked };
}
