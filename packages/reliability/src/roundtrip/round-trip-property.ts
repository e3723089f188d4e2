import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { jitiLoader } from "../migration-files";
import type { TestDatabase } from "../test-database";
import { PROFILES, typeLabel } from "./dialect-profile";
import { type RoundTripCase, generateCase } from "./generate-case";
import { randFromGen } from "./rand";
import { type RoundTripOutcome, runRoundTrip } from "./run-round-trip";
import { describeModel } from "./schema-model";

export interface RoundTripFigures {
  readonly dialect: string;
  readonly seed: number;
  readonly cases: number;
  readonly passed: number;
  readonly unchanged: number;
  /** Refusals by `mig new` (coded, before anything was written), by code. */
  readonly refused: Readonly<Record<string, number>>;
  /** Operations run forwards and backwards, by kind. */
  readonly operations: Readonly<Record<string, number>>;
  /** Generated columns (of A and B) by type label (`integer[]`, `interval`, ...), foreign keys left out. */
  readonly types: Readonly<Record<string, number>>;
  /** Generated NaN, Infinity and -Infinity defaults. */
  readonly nonFiniteDefaults: number;
  readonly rows: number;
  readonly durationMs: number;
}

export interface RoundTripRunOptions {
  readonly database: TestDatabase;
  readonly numRuns: number;
  readonly seed: number;
  /** Where migration files are written (inside the workspace, so that their imports resolve). */
  readonly workDir: string;
  /** Print every refusal's message (soak runs). */
  readonly onRefusal?: (message: string) => void;
}

/** A failing case in a form a person can read: the seed to replay it, A, B and the flags. */
export function describeCase(c: RoundTripCase): string {
  return [
    `rows per table: ${c.rows}`,
    "schema A:", describeModel(c.a),
    "schema B:", describeModel(c.b),
    `--rename ${c.renames.join(" ") || "(none)"}`,
    `--backfill ${c.backfill.join(" ") || "(none)"}`,
  ].join("\n");
}

/**
 * The randomized round-trip property for one database: `numRuns` cases from `seed`. Throws
 * fast-check's report (seed, path, shrunk counterexample) on the first failure; returns the figures.
 */
export async function checkRoundTrips(options: RoundTripRunOptions): Promise<RoundTripFigures> {
  const { database } = options;
  const profile = PROFILES[database.dialectName];
  const connection = await database.connect();
  const load = jitiLoader();
  const dir = mkdtempSync(join(options.workDir, `rt-${database.dialectName}-`));
  const counts = { cases: 0, passed: 0, unchanged: 0, rows: 0 };
  const refused: Record<string, number> = {};
  const operations: Record<string, number> = {};
  const types: Record<string, number> = {};
  let nonFiniteDefaults = 0;
  const started = Date.now();
  // Every attempt (shrinking included) writes its files to a folder of its own: loaded modules are cached by path.
  let attempts = 0;
  const tally = (c: RoundTripCase, outcome: RoundTripOutcome) => {
    counts.cases++;
    for (const column of [...c.a.tables, ...c.b.tables].flatMap((t) => t.columns)) {
      if (column.references) continue;
      types[typeLabel(column.type)] = (types[typeLabel(column.type)] ?? 0) + 1;
      const value = column.default?.kind === "value" ? column.default.value : undefined;
      if (value === "NaN" || value === "Infinity" || value === "-Infinity") nonFiniteDefaults++;
    }
    counts.rows += c.rows * c.a.tables.length;
    if (outcome.kind === "passed") {
      counts.passed++;
      for (const kind of outcome.operations) operations[kind] = (operations[kind] ?? 0) + 1;
    } else if (outcome.kind === "unchanged") counts.unchanged++;
    else {
      refused[outcome.code] = (refused[outcome.code] ?? 0) + 1;
      options.onRefusal?.(outcome.message);
    }
  };
  try {
    await fc.assert(
      fc.asyncProperty(fc.gen(), async (g) => {
        const c = generateCase(randFromGen(g), profile);
        try {
          tally(c, await runRoundTrip({ dialectName: database.dialectName, dialect: database.dialect, connection, dir: join(dir, `case-${++attempts}`), load, allowRebuild: profile.allowRebuild }, c));
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          throw new Error(`${message}\n${describeCase(c)}`, { cause: error });
        }
      }),
      { numRuns: options.numRuns, seed: options.seed, endOnFailure: false },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { dialect: database.dialectName, seed: options.seed, ...counts, refused, operations, types, nonFiniteDefaults, durationMs: Date.now() - started };
}
