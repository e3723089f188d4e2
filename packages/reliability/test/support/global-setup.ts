import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const PACKAGES = ["core", "sqlite", "postgres", "mysql", "cli"];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function stale(name: string): boolean {
  const dir = join(ROOT, "packages", name);
  const built = join(dir, "dist", name === "cli" ? "bin.js" : "index.js");
  if (!existsSync(built)) return true;
  const sources = Math.max(newest(join(dir, "src")), newest(join(dir, "package.json")), newest(join(dir, "tsup.config.ts")));
  return statSync(built).mtimeMs < sources;
}

/** The CLI tests spawn the built `mig` binary: build it (and what it loads) when missing or older than its sources. */
export default function setup(): void {
  const outdated = PACKAGES.filter(stale);
  if (outdated.length === 0) return;
  process.stderr.write(`building @mig/cli and its dependencies (stale: ${outdated.join(", ")})\n`);
  execFileSync("npx", ["turbo", "run", "build", "--filter=@mig/cli...", "--output-logs=errors-only"], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", npm_config_nodedir: process.env.npm_config_nodedir ?? "/usr" },
  });
}
