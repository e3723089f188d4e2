import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { Snapshot, isMigError, replayMigrations, runBackwards, runForwards, snapshotFromTables, table, timestamp, varchar } from "@mig/core";
import { schemaDifferences } from "@mig/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { introspectApp } from "../src/cli/database-state";
import { jitiLoader, loadMigrationSource, writeAutoMigration } from "../src/migration-files";
import { planAutoMigration } from "../src/roundtrip/plan-auto-migration";
import { type TestDatabase, createTestDatabase } from "../src/test-database";
import { WORK_DIR } from "./support/work-dir";

/** Bugs the reliability suite found and that were fixed: each keeps its smallest reproduction. */
describe("sqlite: a dropped column that SQLite could not add back (found by the round trips)", () => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDatabase("sqlite", "mig_rel_regression");
    dir = mkdtempSync(join(WORK_DIR, "regression-"));
  });
  afterAll(async () => {
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const a = { Band: table("band", { name: varchar({ length: 50 }), seen: timestamp().defaultNow() }) };
  const b = { Band: table("band", { name: varchar({ length: 50 }) }) };

  it("mig new refuses it without --allow-rebuild (its backwards could not run), and with it the migration goes both ways", async () => {
    const from = snapshotFromTables(a);
    const to = snapshotFromTables(b);
    const refused = await planAutoMigration({ dialect: db.dialect, from, to }).catch((error: unknown) => error);
    expect(isMigError(refused, "MIG_E_UNSUPPORTED")).toBe(true);
    expect((refused as { problems: { column?: string; message: string }[] }).problems).toEqual([expect.objectContaining({ column: "seen", message: expect.stringContaining("going backwards") })]);

    const load = jitiLoader();
    const first = await loadMigrationSource(writeAutoMigration(dir, { appName: "music", id: "2026-03-01T00:00:00:000001", operations: await planAutoMigration({ dialect: db.dialect, from: Snapshot.empty(), to: from }) }).path, "music", load);
    const operations = await planAutoMigration({ dialect: db.dialect, from, to, allowRebuild: true });
    expect(operations.map((o) => o.kind)).toEqual(["rebuild_table"]);
    const second = await loadMigrationSource(writeAutoMigration(dir, { appName: "music", id: "2026-03-01T00:00:00:000002", operations }).path, "music", load);
    const connection = await db.connect();
    const sources = [first, second];
    expect((await runForwards({ dialect: db.dialect, connection, sources, target: first.id })).ok).toBe(true);
    await connection.query(`INSERT INTO "band" ("name") VALUES ('a'), ('b')`);
    expect((await runForwards({ dialect: db.dialect, connection, sources })).ok).toBe(true);
    expect(schemaDifferences(db.dialect, replayMigrations([first.manager, second.manager]), await introspectApp(db.dialect, connection))).toEqual([]);
    const back = await runBackwards({ dialect: db.dialect, connection, sources, target: "1" });
    expect(back.error?.message ?? "").toBe("");
    expect(schemaDifferences(db.dialect, replayMigrations([first.manager]), await introspectApp(db.dialect, connection))).toEqual([]);
    const { rows } = await connection.query<{ name: string; seen: unknown }>(`SELECT "name", "seen" FROM "band" ORDER BY "id"`);
    expect(rows.map((r) => r.name)).toEqual(["a", "b"]);
    expect(rows.every((r) => r.seen !== null)).toBe(true);
  });
});
