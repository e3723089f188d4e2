import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** The built `mig` binary, as a user runs it. */
export const MIG_BIN = resolve(PACKAGE_DIR, "../../packages/cli/bin/mig.cjs");

export interface MigResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * A blank user project with this plugin installed in its `node_modules` (a link to this package,
 * as `npm install` of a local folder makes). It lives inside this package, so that its own
 * imports of `@mig/core` resolve to the workspace.
 */
export interface Project {
  readonly dir: string;
  write(path: string, text: string): void;
  list(path: string): string[];
  mig(...args: string[]): Promise<MigResult>;
  remove(): void;
}

export function createProject(files: Readonly<Record<string, string>>): Project {
  const dir = join(PACKAGE_DIR, ".tmp", `project-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(join(dir, "node_modules"), { recursive: true });
  symlinkSync(PACKAGE_DIR, join(dir, "node_modules", "mig-dialect-pglite"), "dir");
  const project: Project = {
    dir,
    write(path, text) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    list(path) {
      try {
        return readdirSync(join(dir, path)).sort();
      } catch {
        return [];
      }
    },
    mig: (...args) => runMig(args, dir),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  for (const [path, text] of Object.entries(files)) project.write(path, text);
  return project;
}

/** Runs `mig ...args` in `cwd` with no terminal (stdin closed) and no DATABASE_URL. */
export function runMig(args: readonly string[], cwd: string): Promise<MigResult> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1" };
  delete env.DATABASE_URL;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [MIG_BIN, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code: code ?? -1, stdout, stderr }));
  });
}

export const readText = (path: string): string => readFileSync(path, "utf8");
