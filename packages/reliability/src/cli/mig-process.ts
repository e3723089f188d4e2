import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/**
 * The built `mig` binary (`pnpm --filter @mig/cli build`), as a user runs it; `MIG_RELIABILITY_BIN`
 * points at another (a frozen copy, see `freezeBuild`).
 */
export function migBin(): string {
  return process.env.MIG_RELIABILITY_BIN ?? join(dirname(require.resolve("@mig/cli/package.json")), "bin/mig.cjs");
}

export interface MigResult {
  readonly code: number | null;
  /** Set when the process was killed by a signal. */
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly durationMs: number;
}

export interface MigOptions {
  readonly cwd: string;
  /** Added to the environment (which never has DATABASE_URL unless given here). */
  readonly env?: Readonly<Record<string, string>>;
}

/** A running `mig` process: its output so far, a way to wait for a line, and kill -9. */
export interface MigProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  output(): { readonly stdout: string; readonly stderr: string };
  /**
   * Resolves when stdout or stderr matches `pattern`, or when `pattern` (a function of both) says
   * so; rejects if the process ends first or after `timeoutMs`.
   */
  waitFor(pattern: RegExp | ((stdout: string, stderr: string) => boolean), timeoutMs?: number): Promise<void>;
  /** SIGKILL: no cleanup of any kind runs in the process. */
  kill9(): void;
  done: Promise<MigResult>;
}

function environment(options: MigOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", MIG_CACHE: "0", ...options.env };
  if (!options.env?.DATABASE_URL) delete env.DATABASE_URL;
  return env;
}

/** Starts `mig ...args` with no terminal (stdin closed). */
export function startMig(args: readonly string[], options: MigOptions): MigProcess {
  const started = performance.now();
  const child = spawn(process.execPath, [migBin(), ...args], { cwd: options.cwd, env: environment(options), stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  child.stdout!.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    notify();
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    notify();
  });
  const done = new Promise<MigResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      notify();
      resolve({ code, signal, stdout, stderr, durationMs: performance.now() - started });
    });
  });
  let finished = false;
  void done.then(() => (finished = true), () => (finished = true));
  return {
    child,
    pid: child.pid!,
    output: () => ({ stdout, stderr }),
    done,
    kill9: () => {
      if (!finished) child.kill("SIGKILL");
    },
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise<void>((resolve, reject) => {
        const matches = typeof pattern === "function" ? () => pattern(stdout, stderr) : () => pattern.test(stdout) || pattern.test(stderr);
        const check = () => {
          if (matches()) return settle(resolve);
          if (finished) settle(() => reject(new Error(`mig ended before printing ${String(pattern)}:\n${stdout}\n${stderr}`)));
        };
        const timer = setTimeout(() => settle(() => reject(new Error(`mig did not print ${String(pattern)} within ${timeoutMs} ms:\n${stdout}\n${stderr}`))), timeoutMs);
        const settle = (fn: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          fn();
        };
        listeners.add(check);
        check();
      });
    },
  };
}

/** Runs `mig ...args` to the end. */
export function runMig(args: readonly string[], options: MigOptions): Promise<MigResult> {
  return startMig(args, options).done;
}

/** The `MIG_E_…` codes in a process's output. */
export function errorCodes(result: { readonly stdout: string; readonly stderr: string }): string[] {
  return [...new Set(`${result.stdout}\n${result.stderr}`.match(/MIG_E_[A-Z_]+/g) ?? [])];
}

/** Output of a process for an assertion message. */
export function shown(result: { readonly stdout: string; readonly stderr: string; readonly code?: number | null }): string {
  return `exit ${String(result.code)}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}
