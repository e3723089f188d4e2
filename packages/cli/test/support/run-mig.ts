import { spawn } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The `mig` binary (the package's `bin`), as a user runs it. */
export const BIN = resolve(dirname(fileURLToPath(import.meta.url)), "../../bin/mig.cjs");

export interface MigResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `mig ...args` in `cwd` with no terminal (stdin closed), the environment cleaned of DATABASE_URL unless given. */
export function runMig(args: readonly string[], options: { cwd: string; env?: Record<string, string> }): Promise<MigResult> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1", ...options.env };
  if (!options.env?.DATABASE_URL) delete env.DATABASE_URL;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code: code ?? -1, stdout, stderr }));
  });
}
