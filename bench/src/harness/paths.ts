import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
/** The bench package. */
export const BENCH = join(ROOT, "bench");
/** Generated projects (git-ignored; emptied per case). */
export const WORK = join(BENCH, ".work");
/** Smoke runs' results and report (git-ignored). */
export const RESULTS = join(BENCH, ".results");
/** The last full result of each case, kept in git: BENCHMARKS.md is written from these, so a fresh clone running one case keeps the others. */
export const RECORDED = join(BENCH, "results");
/** The built mig binary, as a user runs it. */
export const MIG_BIN = join(ROOT, "packages/cli/bin/mig.cjs");
/** drizzle-kit's own CLI entry. */
export const DRIZZLE_KIT_BIN = join(BENCH, "node_modules/drizzle-kit/bin.cjs");
/** GNU time: wall, CPU and peak memory of a child process. */
export const GNU_TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

/** A path as shown in the report: relative to the repository root. */
export function shown(path: string): string {
  return path.startsWith(`${ROOT}/`) ? path.slice(ROOT.length + 1) : path;
}
