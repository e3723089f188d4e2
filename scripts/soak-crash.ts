/**
 * Soak run of mig's crash safety: kill -9 of `mig forwards` and `mig backwards` (the built binary)
 * at random points of a six-migration run, then a plain re-run, per dialect. After each kill the
 * tracking table must hold exactly the first k migrations and the schema be exactly theirs (or,
 * on MariaDB, the progress table name the one migration that stopped part-way); the re-run must
 * end in exactly the target schema with a consistent tracking table.
 *
 *   pnpm --filter @mig/cli build && eval "$(bash scripts/db-servers.sh env)"
 *   node --conditions=source --import tsx scripts/soak-crash.ts [--trials 50] [--seed 7] [--dialect sqlite,postgres,mysql] [--direction forwards,backwards]
 *
 * Prints the figures of each dialect and direction (and writes .test-results/soak-crash-<dialects>.json);
 * on a broken guarantee prints the trial, its kill time and the seed, and exits 1.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { freezeBuild } from "../packages/reliability/src/cli/freeze-build.ts";
import type { CrashDirection } from "../packages/reliability/src/crash/crash-trial.ts";
import { type CrashFigures, runCrashTrials } from "../packages/reliability/src/crash/crash-trials.ts";
import { DIALECT_NAMES, type DialectName, createTestDatabase } from "../packages/reliability/src/test-database.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

const trials = Number(option("trials", "50"));
const seed = Number(option("seed", "7"));
const dialects = option("dialect", DIALECT_NAMES.join(",")).split(",") as DialectName[];
const directions = option("direction", "forwards,backwards").split(",") as CrashDirection[];
// A frozen copy of the build: a rebuild in the work tree during the soak cannot swap the binary.
const frozenDir = join(ROOT, "packages/reliability/.tmp", `frozen-soak-${process.pid}`);
const { bin, workDir } = freezeBuild(ROOT, frozenDir);
process.env.MIG_RELIABILITY_BIN = bin;

const results: CrashFigures[] = [];
let failed = false;
for (const dialect of dialects) {
  for (const direction of directions) {
    const db = await createTestDatabase(dialect, "mig_soak_crash");
    process.stdout.write(`[soak-crash] ${dialect} ${direction}: ${trials} trials, seed ${seed}\n`);
    try {
      const figures = await runCrashTrials({
        db,
        workDir,
        direction,
        trials,
        seed,
      });
      results.push(figures);
      process.stdout.write(
        `[soak-crash] ${dialect} ${direction}: ${figures.trials} trials passed; killed while running ${figures.killedWhileRunning}; ` +
          `applied at the kill ${JSON.stringify(figures.appliedAtKill)}; part-way and resumed ${figures.partial}; ` +
          `kills from the start at ${figures.killWindowMs.join("-")} ms, ~${figures.migrationMs} ms a migration; ${(figures.durationMs / 1000).toFixed(1)} s\n`,
      );
    } catch (error) {
      failed = true;
      process.stdout.write(`[soak-crash] ${dialect} ${direction}: FAILED (seed ${seed})\n${error instanceof Error ? error.message : String(error)}\n`);
    } finally {
      await db.drop();
    }
  }
}
rmSync(frozenDir, { recursive: true, force: true });
mkdirSync(join(ROOT, ".test-results"), { recursive: true });
writeFileSync(join(ROOT, `.test-results/soak-crash-${dialects.join("-")}.json`), `${JSON.stringify({ trials, seed, failed, results }, null, 2)}\n`);
process.exit(failed ? 1 : 0);
