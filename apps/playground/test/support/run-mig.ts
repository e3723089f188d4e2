import { spawn } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The playground folder and the built `mig` binary it uses. */
export const PLAYGROUND = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = resolve(PLAYGROUND, "../../packages/cli/bin/mig.cjs");

export interface MigResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `mig ...args` in the playground, with no terminal and the given DATABASE_URL. */
export function runMig(args: readonly string[], databaseUrl?: string): Promise<MigResult> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1", DATABASE_URL: databaseUrl };
  if (!databaseUrl) delete env.DATABASE_URL;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: PLAYGROUND, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", fail);
    child.on("close", (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}
