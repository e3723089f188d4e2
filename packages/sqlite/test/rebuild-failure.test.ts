import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { diff } from "@mig/core";
import { type MigError, type Statement, isMigError } from "@mig/core/dialect";
import { type TableSpec, col, schema } from "@mig/core/testing";
import { dialect, type Db, album, artist, audit, migration, musicDb, openDb, rebuildFailure, rebuildPlan, track, v1 } from "./rebuild-fixtures";

const withArtist = (change: Partial<TableSpec>) => schema({ ...artist, ...change }, album, track, audit);
/** artist.name becomes NOT NULL; the data has a NULL name. */
const notNullName = withArtist({ columns: [col("id", "serial"), col("name", "varchar", { length: 50 }), col("country", "text", { nullable: true }), col("rating", "integer", { default: { kind: "value", value: 0 } })] });

let db: Db;
beforeEach(async () => {
  db = await musicDb();
});
afterEach(() => db.cleanup());

async function expectUntouched(run: () => Promise<unknown>): Promise<void> {
  const before = db.state();
  await run();
  expect(db.state()).toEqual(before);
  expect(db.all("PRAGMA foreign_keys")).toEqual([{ foreign_keys: 1 }]);
  expect(diff(await db.introspect(), db.normalised(v1))).toEqual([]);
}

describe("a rebuild that would break the data fails cleanly, leaving the table and its data as they were", () => {
  it("NOT NULL on a column holding NULLs, without a backfill", async () => {
    let error: MigError | undefined;
    await expectUntouched(async () => {
      const result = await db.forwards([migration(1, []), migration(2, rebuildPlan(v1, notNullName))]);
      error = rebuildFailure(result);
    });
    expect(error?.meta).toMatchObject({ table: "artist", step: "copy" });
    expect(error?.message).toContain('"artist"');
    expect(db.all("SELECT name FROM mig_migrations")).toEqual([{ name: migration(1, []).id }]);
    // Foreign keys are enforced again: the cascade still works.
    db.exec("DELETE FROM artist WHERE id = 3");
    expect(db.all("SELECT count(*) AS n FROM album WHERE artist = 3")).toEqual([{ n: 0 }]);
  });

  it("a unique constraint over duplicate values", async () => {
    db.exec("UPDATE artist SET country = 'UK'");
    const unique = withArtist({ uniques: [...(artist.uniques ?? []), { name: "artist_country_key", columns: ["country"] }] });
    await expectUntouched(async () => {
      expect(rebuildFailure(await db.forwards([migration(1, []), migration(2, rebuildPlan(v1, unique))])).meta).toMatchObject({ table: "artist", step: "copy" });
    });
  });

  it("a new foreign key that rows already break: the error names the table whose rows break it", async () => {
    const loose = await openDb();
    try {
      const plain = schema({ name: "artist", columns: [col("id", "serial")] }, { name: "album", columns: [col("id", "serial"), col("artist", "integer")] });
      const strict = schema({ name: "artist", columns: [col("id", "serial")] }, { ...album, columns: [col("id", "serial"), col("artist", "integer")], indexes: [] });
      expect((await loose.forwards([migration(1, plain.tables().map((table) => ({ kind: "create_table", schema: table })))])).ok).toBe(true);
      loose.exec("INSERT INTO artist (id) VALUES (1); INSERT INTO album (artist) VALUES (1), (2), (2)");
      const before = loose.state();
      const error = rebuildFailure(await loose.forwards([migration(1, []), migration(2, rebuildPlan(plain, strict))]));
      expect(error.meta).toMatchObject({ table: "album", step: "foreign-key-check", tables: ["album"], violations: [{ table: "album", parent: "artist", rows: 2 }] });
      expect(loose.state()).toEqual(before);
    } finally {
      await loose.cleanup();
    }
  });

  it("a trigger that cannot be re-created on the new table", async () => {
    db.exec("CREATE TRIGGER artist_country AFTER UPDATE ON artist BEGIN INSERT INTO audit (what) VALUES (new.country); END");
    const dropped = withArtist({ columns: [col("id", "serial"), col("name", "varchar", { length: 50, nullable: true }), col("rating", "integer", { default: { kind: "value", value: 0 } })], indexes: [], checks: [] });
    await expectUntouched(async () => {
      const error = rebuildFailure(await db.forwards([migration(1, []), migration(2, rebuildPlan(v1, dropped))]));
      expect(error.meta).toMatchObject({ table: "artist", step: "restore-dependents" });
    });
  });
});

describe("a rebuild never runs with foreign keys enforced", () => {
  const plan = () => rebuildPlan(v1, withArtist({ checks: [] }));

  it("refuses inside a transaction that still enforces foreign keys (the runner did not switch them off)", async () => {
    const statements = plan().flatMap((op) => (op.kind === "raw" ? [] : dialect.emitter.emit(op))).filter((s: Statement) => s.outsideTransaction === undefined);
    await expectUntouched(async () => {
      try {
        await db.connection.transaction(async (tx) => {
          for (const statement of statements) await tx.execute(statement);
        });
        expect.unreachable();
      } catch (error) {
        if (!isMigError(error, "MIG_E_REBUILD")) throw error;
        expect(error.meta).toMatchObject({ table: "artist", step: "guard" });
      }
    });
  });

  it("refuses outside a transaction (a migration with wrapInTransaction: false)", async () => {
    await expectUntouched(async () => {
      const error = rebuildFailure(await db.forwards([migration(1, []), migration(2, plan(), { wrapInTransaction: false })]));
      expect(error.meta).toMatchObject({ table: "artist", step: "guard" });
    });
  });
});
