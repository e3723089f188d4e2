import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diff } from "../diff/diff";
import { replayMigrations } from "../manager/replay-migrations";
import type { Operation } from "../operations/operation";
import { arbitrarySnapshot } from "../snapshot/arbitrary-snapshot.test-helper";
import { Snapshot } from "../snapshot/snapshot";
import { migrationLoader } from "./load-migration.test-helper";
import { serialiseMigration } from "./serialise-migration";

const loader = migrationLoader();
beforeAll(() => loader.warmUp(), 120_000);
afterAll(() => loader.dispose());

const ID = "2026-11-22T13:58:23:024723";
let files = 0;

/**
 * Random schemas the table DSL accepts: validation refuses blank SQL in checks and SQL defaults
 * (and so does the manager), which the generator can produce.
 */
const schemas = arbitrarySnapshot({ names: "any" }).filter((snapshot) =>
  snapshot.entities.every((entity) =>
    entity.kind === "check" ? entity.sql.trim() !== "" : entity.kind !== "column" || entity.default?.kind !== "sql" || entity.default.sql.trim() !== ""),
);

/** Operations → file text → loaded file → forwards() → replay: the snapshot the file describes. */
async function throughFile(operations: readonly Operation[], base = Snapshot.empty()): Promise<{ snapshot: Snapshot; source: string }> {
  const source = serialiseMigration({ id: ID, appName: "app", description: "", version: "0.1.0", operations });
  const loaded = await loader.load(`app_${++files}.ts`, source);
  return { snapshot: replayMigrations([await loaded.forwards()], base), source };
}

describe("round trip through a migration file, random schemas", () => {
  it("create_table per table → file → load → replay gives the snapshot back", async () => {
    await fc.assert(
      fc.asyncProperty(schemas, async (snapshot) => {
        const operations = snapshot.tables().map((schema): Operation => ({ kind: "create_table", schema }));
        const { snapshot: back, source } = await throughFile(operations);
        expect(back.entities).toEqual(snapshot.entities);
        expect(serialiseMigration({ id: ID, appName: "app", description: "", version: "0.1.0", operations })).toBe(source);
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it("diff(empty, schema) → file → load → replay gives the schema back", async () => {
    await fc.assert(
      fc.asyncProperty(schemas, async (snapshot) => {
        const { snapshot: back } = await throughFile(diff(Snapshot.empty(), snapshot));
        expect(back.entities).toEqual(snapshot.entities);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
