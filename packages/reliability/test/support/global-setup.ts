import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { freezeBuild } from "../../src/cli/freeze-build";

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

function build(): void {
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
    process.stderr.write(`warning: the build failed (${error instanceof Error ? error.message.split("\n")[0] : String(error)}); the CLI tests use whatever dist/ holds\n`);
  }
}

/**
 * The CLI tests spawn the built `mig` binary: build it (and what it loads) when missing or older
 * than its sources, then freeze a copy for this run, so that a rebuild in the work tree during the
 * run cannot swap the binary under a test. A failed build is reported and the tests run anyway:
 * the round trips need no build, and the CLI tests then fail with the binary's own error.
 * `MIG_RELIABILITY_NO_BUILD=1` skips the build (a tree where someone is mid-edit).
 */
export default function setup(): () => void {
  if (process.env.MIG_RELIABILITY_NO_BUILD !== "1") build();
  const frozen = freezeBuild(ROOT, join(ROOT, "packages/reliability/.tmp", `frozen-${process.pid}`));
  process.env.MIG_RELIABILITY_BIN = frozen.bin;
  process.env.MIG_RELIABILITY_WORK_DIR = frozen.workDir;
  return () => rmSync(dirname(dirname(dirname(frozen.workDir))), { recursive: true, force: true });
}
