/**
 * Soak run of mig's randomized round trips: thousands of generated schema evolutions with rows,
 * per dialect, from a fixed seed. Each case is written by mig new --auto's code path, applied with
 * forwards, checked by introspection and by the rows' data, reversed, and checked again.
 *
 *   eval "$(bash scripts/db-servers.sh env)"     # or: start
 *   node --conditions=source --import tsx scripts/soak-roundtrip.ts [--runs 2000] [--seed 42] [--dialect sqlite,postgres,mysql]
 *
 * On a failure: fast-check's report (seed and path replay the case, shrunk to a small one) and the
 * case's schemas, and exit code 1. The figures of each dialect are printed and written to
 * .test-results/soak-roundtrip-<dialects>.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type RoundTripFigures, checkRoundTrips } from "../packages/reliability/src/roundtrip/round-trip-property.ts";
import { DIALECT_NAMES, type DialectName, createTestDatabase } from "../packages/reliability/src/test-database.ts";

process.env.TZ = "UTC";
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

const runs = Number(option("runs", "2000"));
const seed = Number(option("seed", "42"));
const dialects = option("dialect", DIALECT_NAMES.join(",")).split(",") as DialectName[];
const workDir = join(ROOT, "packages/reliability/.tmp");
mkdirSync(workDir, { recursive: true });

const results: RoundTripFigures[] = [];
let failed = false;
for (const dialect of dialects) {
  if (!DIALECT_NAMES.includes(dialect)) throw new Error(`unknown dialect ${dialect} (one of ${DIALECT_NAMES.join(", ")})`);
  const database = await createTestDatabase(dialect, "mig_soak");
  process.stdout.write(`[soak-roundtrip] ${dialect}: ${runs} cases, seed ${seed}\n`);
  try {
    const figures = await checkRoundTrips({ database, numRuns: runs, seed, workDir });
    results.push(figures);
    const refused = Object.entries(figures.refused).map(([code, n]) => `${n} ${code}`).join(", ") || "none";
    process.stdout.write(
      `[soak-roundtrip] ${dialect}: ${figures.passed} passed, ${figures.unchanged} without changes, refused by mig new: ${refused}; ` +
        `${figures.rows} rows; ${(figures.durationMs / 1000).toFixed(1)} s\n` +
        `[soak-roundtrip] ${dialect}: operations ${JSON.stringify(figures.operations)}\n`,
    );
  } catch (error) {
    failed = true;
    process.stdout.write(`[soak-roundtrip] ${dialect}: FAILED with seed ${seed}\n${error instanceof Error ? error.message : String(error)}\n`);
    if (error instanceof Error && error.cause instanceof Error) process.stdout.write(`${error.cause.message}\n`);
  } finally {
    await database.drop();
  }
}
mkdirSync(join(ROOT, ".test-results"), { recursive: true });
writeFileSync(join(ROOT, `.test-results/soak-roundtrip-${dialects.join("-")}.json`), `${JSON.stringify({ runs, seed, failed, results }, null, 2)}\n`);
process.exit(failed ? 1 : 0);
