import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GNU_TIME } from "./paths";

/** One timed run of a command. */
export interface Sample {
  /** Wall-clock time from spawn to exit. */
  readonly wallMs: number;
  /** User + system CPU time of the process and its children (GNU time; NaN without it). */
  readonly cpuMs: number;
  /** Peak resident memory (GNU time's maximum RSS; NaN without it). */
  readonly rssMb: number;
}

export interface RunResult extends Sample {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Text for the command's standard input (default: none, stdin closed). */
  readonly input?: string;
}

const timeDir = mkdtempSync(join(tmpdir(), "mig-bench-time-"));
process.on("exit", () => rmSync(timeDir, { recursive: true, force: true }));

/**
 * Runs `command args…` to completion and measures it: wall clock around the spawn, CPU and peak
 * RSS from GNU time (`%U %S %M`) when it is installed. Colours are off (`NO_COLOR=1`).
 */
export function runMeasured(command: string, args: readonly string[], options: RunOptions): RunResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const timeFile = join(timeDir, "time.txt");
  const [file, argv] = GNU_TIME ? [GNU_TIME, ["-f", "%U %S %M", "-o", timeFile, command, ...args]] : [command, [...args]];
  const start = process.hrtime.bigint();
  const child = spawnSync(file, argv, {
    cwd: options.cwd,
    env: env as NodeJS.ProcessEnv,
    input: options.input ?? "",
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.error) throw child.error;
  let cpuMs = Number.NaN;
  let rssMb = Number.NaN;
  if (GNU_TIME) {
    // The last line holds the figures ("Command exited with non-zero status" may precede it).
    const line = readFileSync(timeFile, "utf8").trim().split("\n").pop() ?? "";
    const [user, system, rssKb] = line.split(" ").map(Number);
    cpuMs = ((user ?? Number.NaN) + (system ?? Number.NaN)) * 1000;
    rssMb = (rssKb ?? Number.NaN) / 1024;
  }
  return { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr, wallMs, cpuMs, rssMb };
}

/** Runs a command that must succeed (setup, checks): throws with its output when it fails. */
export function runChecked(command: string, args: readonly string[], options: RunOptions): RunResult {
  const result = runMeasured(command, args, options);
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(" ")} (in ${options.cwd}) exited with ${result.code}\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-4000)}`);
  }
  return result;
}
