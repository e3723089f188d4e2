/**
 * The end-to-end tests (CLI, playground, reliability) spawn the built `mig` binary. Their vitest
 * global setups call `buildCliWhenStale()`: it builds `@mig/cli` and the packages it loads with
 * turbo when a `dist/` is missing or older than any of its sources, and does nothing otherwise.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root folder. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const PACKAGES = ["core", "sqlite", "postgres", "mysql", "cli"];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** True when a package's dist is missing or older than its sources. */
function stale(name: string): boolean {
  const dir = join(ROOT, "packages", name);
  const built = join(dir, "dist", name === "cli" ? "bin.cjs" : "index.js");
  if (!existsSync(built)) return true;
  const sources = Math.max(newest(join(dir, "src")), newest(join(dir, "package.json")), newest(join(dir, "tsup.config.ts")));
  return statSync(built).mtimeMs < sources;
}

/**
 * Builds the CLI and what it loads when any of them is stale. A failed build throws, unless
 * `failSoft` is set: then it is reported on stderr and the caller goes on with whatever `dist/`
 * holds (its tests then fail with the binary's own error).
 */
export function buildCliWhenStale(options: { readonly failSoft?: boolean } = {}): void {
  const outdated = PACKAGES.filter(stale);
  if (outdated.length === 0) return;
  process.stderr.write(`building @mig/cli and its dependencies (stale: ${outdated.join(", ")})\n`);
  try {
    execFileSync("npx", ["turbo", "run", "build", "--filter=@mig/cli...", "--output-logs=errors-only"], {
      cwd: ROOT,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", npm_config_nodedir: process.env.npm_config_nodedir ?? "/usr" },
    });
  } catch (error) {
    if (!options.failSoft) throw error;
    process.stderr.write(`warning: the build failed (${error instanceof Error ? error.message.split("\n")[0] : String(error)}); the tests use whatever dist/ holds\n`);
  }
}
