import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
/** What the end-to-end tests load built: the `mig` binary, the packages it imports, and this plugin. */
const BUILT = [
  { dir: "packages/core", output: "dist/index.js" },
  { dir: "packages/postgres", output: "dist/index.js" },
  { dir: "packages/cli", output: "dist/bin.cjs" },
  { dir: "examples/mig-dialect-pglite", output: "dist/index.js" },
];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function stale({ dir, output }: { dir: string; output: string }): boolean {
  const built = join(ROOT, dir, output);
  if (!existsSync(built)) return true;
  const sources = Math.max(newest(join(ROOT, dir, "src")), newest(join(ROOT, dir, "package.json")), newest(join(ROOT, dir, "tsup.config.ts")));
  return statSync(built).mtimeMs < sources;
}

/** Builds the CLI and this plugin (with what they depend on) when a build is missing or older than its sources. */
export default function setup(): void {
  const outdated = BUILT.filter(stale);
  if (outdated.length === 0) return;
  process.stderr.write(`building mig-dialect-pglite and @mig/cli (stale: ${outdated.map((p) => p.dir).join(", ")})\n`);
  execFileSync("npx", ["turbo", "run", "build", "--filter=@mig/cli...", "--filter=mig-dialect-pglite...", "--output-logs=errors-only"], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", npm_config_nodedir: process.env.npm_config_nodedir ?? "/usr" },
  });
}
