import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { type MigrationSource, Snapshot, array, diff, isMigError, replayMigrations, runBackwards, runForwards, snapshotFromTables, table, text, timestamp, varchar } from "@mig/core";
import { type Connection } from "@mig/core/dialect";
import { schemaDifferences, testMigration, testMigrationId } from "@mig/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { introspectApp, progressRows } from "../src/cli/database-state";
import { dyingConnection } from "../src/dying-connection";
import { jitiLoader, loadMigrationSource, writeAutoMigration } from "../src/migration-files";
import { planAutoMigration } from "../src/roundtrip/plan-auto-migration";
import { writtenValue } from "../src/roundtrip/stored-values";
import { type TestDatabase, createTestDatabase } from "../src/test-database";
import { WORK_DIR } from "./support/work-dir";

/** A database and a folder of written migrations for one regression, made before its tests and removed after. */
function regressionTrial(dialectName: "postgres" | "mysql" | "sqlite"): { db: TestDatabase; dir: string } {
  const trial = {} as { db: TestDatabase; dir: string };
  beforeAll(async () => {
    trial.db = await createTestDatabase(dialectName, "mig_rel_regression");
    trial.dir = mkdtempSync(join(WORK_DIR, "regression-"));
  });
  afterAll(async () => {
    await trial.db?.drop();
    if (trial.dir) rmSync(trial.dir, { recursive: true, force: true });
  });
  return trial;
}

/** Writes and loads migration `n` of `trial` (the auto migration from `from` to `to`, rebuilds allowed), its ID on day `day`. */
async function writeTrialMigration(trial: { db: TestDatabase; dir: string }, day: string, n: number, from: Snapshot, to: Snapshot): Promise<MigrationSource> {
  const operations = await planAutoMigration({ dialect: trial.db.dialect, from, to, allowRebuild: true });
  return loadMigrationSource(writeAutoMigration(trial.dir, { appName: "music", id: `2026-03-${day}T00:00:00:00000${n}`, operations }).path, "music", jitiLoader());
}

/** Bugs the reliability suite found and that were fixed: each keeps its smallest reproduction. */
describe("sqlite: a dropped column that SQLite could not add back (found by the round trips)", () => {
  const trial = regressionTrial("sqlite");

  const a = { Band: table("band", { name: varchar({ length: 50 }), seen: timestamp().defaultNow() }) };
  const b = { Band: table("band", { name: varchar({ length: 50 }) }) };

  it("mig new refuses it without --allow-rebuild (its backwards could not run), and with it the migration goes both ways", async () => {
    const from = snapshotFromTables(a);
    const to = snapshotFromTables(b);
    const refused = await planAutoMigration({ dialect: trial.db.dialect, from, to }).catch((error: unknown) => error);
    expect(isMigError(refused, "MIG_E_UNSUPPORTED")).toBe(true);
    expect((refused as { problems: { column?: string; message: string }[] }).problems).toEqual([expect.objectContaining({ column: "seen", message: expect.stringContaining("going backwards") })]);

    const load = jitiLoader();
    const first = await loadMigrationSource(writeAutoMigration(trial.dir, { appName: "music", id: "2026-03-01T00:00:00:000001", operations: await planAutoMigration({ dialect: trial.db.dialect, from: Snapshot.empty(), to: from }) }).path, "music", load);
    const operations = await planAutoMigration({ dialect: trial.db.dialect, from, to, allowRebuild: true });
    // The file holds the logical drop, with consent: SQLite drops the column in place, and going
    // backwards (where it cannot add a now() column to a table with rows) rebuilds the table.
    expect(operations).toEqual([expect.objectContaining({ kind: "drop_column", allowRebuild: true })]);
    const second = await loadMigrationSource(writeAutoMigration(trial.dir, { appName: "music", id: "2026-03-01T00:00:00:000002", operations }).path, "music", load);
    const connection = await trial.db.connect();
    const sources = [first, second];
    expect((await runForwards({ dialect: trial.db.dialect, connection, sources, target: first.id })).ok).toBe(true);
    await connection.query(`INSERT INTO "band" ("name") VALUES ('a'), ('b')`);
    expect((await runForwards({ dialect: trial.db.dialect, connection, sources })).ok).toBe(true);
    expect(schemaDifferences(trial.db.dialect, replayMigrations([first.manager, second.manager]), await introspectApp(trial.db.dialect, connection))).toEqual([]);
    const back = await runBackwards({ dialect: trial.db.dialect, connection, sources, target: "1" });
    expect(back.error?.message ?? "").toBe("");
    expect(schemaDifferences(trial.db.dialect, replayMigrations([first.manager]), await introspectApp(trial.db.dialect, connection))).toEqual([]);
    const { rows } = await connection.query<{ name: string; seen: unknown }>(`SELECT "name", "seen" FROM "band" ORDER BY "id"`);
    expect(rows.map((r) => r.name)).toEqual(["a", "b"]);
    expect(rows.every((r) => r.seen !== null)).toBe(true);
  });
});

describe.each(["postgres", "sqlite"] as const)("%s: reversing the drop of a NOT NULL column without a default, on a table with rows (found by the round trips)", (dialectName) => {
  const trial = regressionTrial(dialectName);

  it("brings the column back with a placeholder in existing rows (its data does not come back) instead of failing", async () => {
    const a = snapshotFromTables({ Band: table("band", { name: varchar({ length: 50 }), code: varchar({ length: 10 }) }) });
    const b = snapshotFromTables({ Band: table("band", { name: varchar({ length: 50 }) }) });
    const write = (n: number, from: Snapshot, to: Snapshot) => writeTrialMigration(trial, "02", n, from, to);
    const sources = [await write(1, Snapshot.empty(), a), await write(2, a, b)];
    const connection = await trial.db.connect();
    expect((await runForwards({ dialect: trial.db.dialect, connection, sources, target: sources[0]!.id })).ok).toBe(true);
    await connection.query(`INSERT INTO "band" ("name", "code") VALUES ('a', 'x'), ('b', 'y')`);
    expect((await runForwards({ dialect: trial.db.dialect, connection, sources })).ok).toBe(true);
    const back = await runBackwards({ dialect: trial.db.dialect, connection, sources });
    expect(back.error?.message ?? "", "backwards of the drop of band.code").toBe("");
    expect(schemaDifferences(trial.db.dialect, a, await introspectApp(trial.db.dialect, connection))).toEqual([]);
    const { rows } = await connection.query<{ name: string; code: string }>(`SELECT "name", "code" FROM "band" ORDER BY "id"`);
    expect(rows).toEqual([{ name: "a", code: "" }, { name: "b", code: "" }]);
  });
});

describe.each(["postgres", "mysql", "sqlite"] as const)("%s: reversing the drop of a NOT NULL array column, on a table with rows (found by the round trips)", (dialectName) => {
  const trial = regressionTrial(dialectName);

  it("brings the column back holding an empty array (native, or JSON where the fallback stores it) instead of failing", async () => {
    // An array takes no literal default, so it had no placeholder either: the reversed ADD COLUMN
    // (or the rebuild's copy) failed on NOT NULL.
    const a = snapshotFromTables({ Band: table("band", { name: varchar({ length: 50 }), tags: array(text(), { fallback: "json" }) }) }, { dialect: trial.db.dialect });
    const b = snapshotFromTables({ Band: table("band", { name: varchar({ length: 50 }) }) }, { dialect: trial.db.dialect });
    const write = (n: number, from: Snapshot, to: Snapshot) => writeTrialMigration(trial, "03", n, from, to);
    const sources = [await write(1, Snapshot.empty(), a), await write(2, a, b)];
    const connection = await trial.db.connect();
    expect((await runForwards({ dialect: trial.db.dialect, connection, sources, target: sources[0]!.id })).ok).toBe(true);
    const q = trial.db.dialect.emitter.hooks.quoteIdentifier;
    const tags = writtenValue(trial.db.dialect, { type: "array", element: { type: "text" }, fallback: "json" }, ["x, y", 'q"']);
    await connection.query(`INSERT INTO ${q("band")} (${q("name")}, ${q("tags")}) VALUES (${trial.db.dialect.placeholder(1)}, ${trial.db.dialect.placeholder(2)})`, ["a", tags]);
    expect((await runForwards({ dialect: trial.db.dialect, connection, sources })).ok).toBe(true);
    const back = await runBackwards({ dialect: trial.db.dialect, connection, sources });
    expect(back.error?.message ?? "", "backwards of the drop of band.tags").toBe("");
    expect(schemaDifferences(trial.db.dialect, a, await introspectApp(trial.db.dialect, connection))).toEqual([]);
    const { rows } = await connection.query<{ name: string; tags: unknown }>(`SELECT ${q("name")}, ${q("tags")} FROM ${q("band")}`);
    expect(rows.map((r) => [r.name, typeof r.tags === "string" ? JSON.parse(r.tags) : r.tags])).toEqual([["a", []]]);
  });
});

describe("mysql: killed right after a statement ran (MariaDB commits DDL at once; found by the crash trials)", () => {
  let db: TestDatabase;
  let connection: Connection;
  beforeAll(async () => {
    db = await createTestDatabase("mysql", "mig_rel_gap");
    connection = await db.connect();
  });
  afterAll(() => db?.drop());

  it("the statement and its progress record commit together, so the re-run resumes after it", async () => {
    const one = snapshotFromTables({ Band: table("band", { name: varchar({ length: 50 }) }) });
    const two = snapshotFromTables({ Genre: table("genre", { label: varchar({ length: 50 }) }) });
    const sources = [
      testMigration({ appName: "music", id: testMigrationId(1), operations: diff(Snapshot.empty(), one) }),
      testMigration({ appName: "music", id: testMigrationId(2), operations: diff(one, two, { renames: { tables: [], columns: [] } }) }),
    ];
    expect((await runForwards({ dialect: db.dialect, connection, sources, target: testMigrationId(1) })).ok).toBe(true);
    // Migration 2 drops band, then creates genre; the "kill" comes right after DROP TABLE.
    const dying = dyingConnection(await db.connect(), (sql) => /^DROP TABLE/i.test(sql.trim()));
    const killed = await runForwards({ dialect: db.dialect, connection: dying, sources }).catch((error: unknown) => error);
    expect(dying.died).toBe(true);
    expect(killed).toBeDefined();
    const [progress] = await progressRows(db.dialect, connection);
    expect(progress?.id).toBe(testMigrationId(2));

    const rerun = await runForwards({ dialect: db.dialect, connection, sources });
    expect(rerun.error?.message ?? "").toBe("");
    expect(schemaDifferences(db.dialect, two, await introspectApp(db.dialect, connection))).toEqual([]);
    expect(await progressRows(db.dialect, connection)).toEqual([]);
  });
});
