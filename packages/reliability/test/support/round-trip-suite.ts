import { afterAll, beforeAll, expect, it } from "vitest";
import { PROFILES, typeLabel } from "../../src/roundtrip/dialect-profile";
import { checkRoundTrips } from "../../src/roundtrip/round-trip-property";
import { type DialectName, type TestDatabase, createTestDatabase } from "../../src/test-database";
import { WORK_DIR } from "./work-dir";

/** Cases per dialect in CI; `MIG_ROUNDTRIP_RUNS` and `MIG_ROUNDTRIP_SEED` change them (the soak script runs thousands). */
export const DEFAULT_RUNS = 20;
export const DEFAULT_SEED = 20261122;

/**
 * The randomized round trip on one dialect: a fresh database, `runs` generated cases from a fixed
 * seed, the figures printed. On failure fast-check prints the seed and path that replay it.
 */
export function defineRoundTripSuite(dialectName: DialectName): void {
  process.env.TZ = "UTC";
  const runs = Number(process.env.MIG_ROUNDTRIP_RUNS ?? DEFAULT_RUNS);
  const seed = Number(process.env.MIG_ROUNDTRIP_SEED ?? DEFAULT_SEED);
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialectName);
  });
  afterAll(() => database?.drop());

  it(`${dialectName}: ${runs} random schema evolutions with rows go forwards and back intact (seed ${seed})`, async () => {
    const figures = await checkRoundTrips({ database, numRuns: runs, seed, workDir: WORK_DIR });
    console.log(`round trips ${JSON.stringify(figures)}`);
    expect(figures.cases).toBe(runs);
    // Most cases must run both ways: a generator whose cases mig refuses proves little.
    expect(figures.passed).toBeGreaterThanOrEqual(Math.ceil(runs * 0.7));
    // The column types of issue 15 are exercised where the dialect takes them: char, enums, arrays
    // (native or as JSON), an interval, and NaN / Infinity defaults.
    const profile = PROFILES[dialectName];
    for (const spec of profile.types.filter((t) => ["char", "enum", "array", "interval"].includes(t.type))) {
      expect(figures.types[typeLabel(spec)] ?? 0, `columns of type ${typeLabel(spec)}`).toBeGreaterThan(0);
    }
    if (profile.nonFiniteDefaults) expect(figures.nonFiniteDefaults).toBeGreaterThan(0);
  });
}
