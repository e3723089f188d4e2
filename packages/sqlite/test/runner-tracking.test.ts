import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type MigrationSource, cleanOrphans, migrationStatus, runBackwards, runForwards } from "@mig/core";
import { type Connection, type TableSchema, isMigError } from "@mig/core/dialect";
import { createRawDb } from "@mig/core/internal";
import { col, schema, testMigration, testMigrationId } from "@mig/core/testing";
import { sqliteDialect } from "@mig/sqlite";

const dialect = sqliteDialect;
const id = testMigrationId;
const tableOf = (name: string): TableSchema => schema({ name, columns: [col("id", "serial")] }).table(name) as TableSchema;
const create = (appName: string, n: number, table: string, text?: string): MigrationSource =>
  testMigration({ appName, id: id(n), description: `create ${table}`, path: `${appName}/m${n}.ts`, operations: [{ kind: "create_table", schema: tableOf(table) }], ...(text ? { text } : {}) });

let dir: string;
let connection: Connection;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "mig-tracking-"));
  connection = await dialect.connect({ filename: join(dir, "test.db") });
});
afterEach(async () => {
  await connection.close();
  rmSync(dir, { recursive: true, force: true });
});

const trackedNames = async () => (await connection.query<{ app_name: string; name: string }>("SELECT app_name, name FROM mig_migrations ORDER BY id")).rows.map((r) => `${r.app_name}/${r.name}`);

describe("the tracking table", () => {
  it("has the contract's columns, a unique (app_name, name) and is created once", async () => {
    await runForwards({ dialect, connection, sources: [create("music", 1, "band")] });
    await runForwards({ dialect, connection, sources: [create("music", 1, "band"), create("music", 2, "venue")] });
    const { rows } = await connection.query<{ name: string }>("SELECT name FROM pragma_table_info('mig_migrations')");
    expect(rows.map((r) => r.name)).toEqual(["id", "app_name", "name", "checksum", "ran_on", "duration_ms"]);
    const insert = () => connection.query("INSERT INTO mig_migrations (app_name, name, checksum) VALUES ('music', ?, 'x')", [id(1)]);
    await expect(insert()).rejects.toThrow();
    const row = (await connection.query<{ ran_on: unknown; duration_ms: number }>("SELECT ran_on, duration_ms FROM mig_migrations")).rows[0];
    expect(row?.ran_on).toBeTruthy();
    expect(typeof row?.duration_ms).toBe("number");
  });

  it("takes its name from the options", async () => {
    await runForwards({ dialect, connection, sources: [create("music", 1, "band")], trackingTable: "my_migrations" });
    expect((await connection.query("SELECT name FROM my_migrations")).rows).toEqual([{ name: id(1) }]);
  });
});

describe("checksums", () => {
  it("refuses to run forwards while an applied file was edited, and records the new checksum when accepted", async () => {
    await runForwards({ dialect, connection, sources: [create("music", 1, "band", "original")] });
    const edited = [create("music", 1, "band", "edited"), create("music", 2, "venue")];
    const refused = await runForwards({ dialect, connection, sources: edited });
    expect(refused.ok).toBe(false);
    expect(refused.error?.code).toBe("MIG_E_CHECKSUM");
    expect(refused.error?.message).toContain("music/m1.ts");
    expect(await trackedNames()).toEqual([`music/${id(1)}`]);

    const status = await migrationStatus({ dialect, connection, sources: edited });
    expect(status.migrations.map((m) => [m.id, m.applied, m.checksumMismatch])).toEqual([[id(1), true, true], [id(2), false, false]]);

    const accepted = await runForwards({ dialect, connection, sources: edited, acceptChecksums: true });
    expect(accepted.ok).toBe(true);
    const after = await migrationStatus({ dialect, connection, sources: edited });
    expect(after.migrations.map((m) => [m.applied, m.checksumMismatch])).toEqual([[true, false], [true, false]]);
  });

  it("refuses to reverse an edited migration unless the change is accepted", async () => {
    await runForwards({ dialect, connection, sources: [create("music", 1, "band", "original")] });
    const edited = [create("music", 1, "band", "edited")];
    const refused = await runBackwards({ dialect, connection, sources: edited });
    expect(refused.error?.code).toBe("MIG_E_CHECKSUM");
    expect(await trackedNames()).toEqual([`music/${id(1)}`]);
    expect((await runBackwards({ dialect, connection, sources: edited, acceptChecksums: true })).ok).toBe(true);
    expect(await trackedNames()).toEqual([]);
  });

  it("does not count line endings, a BOM or trailing whitespace", async () => {
    await runForwards({ dialect, connection, sources: [create("music", 1, "band", "a\nb\n")] });
    const status = await migrationStatus({ dialect, connection, sources: [create("music", 1, "band", "\uFEFFa  \r\nb\r\n\r\n")] });
    expect(status.migrations[0]).toMatchObject({ applied: true, checksumMismatch: false });
  });
});

describe("broken migration files are refused before anything runs", () => {
  it("a file that cannot be loaded, and a manager whose ID is not the file's", async () => {
    const broken: MigrationSource = { ...create("music", 2, "venue"), load: () => Promise.reject(new SyntaxError("Unexpected token")) };
    const result = await runForwards({ dialect, connection, sources: [create("music", 1, "band"), broken] });
    expect(result.error?.code).toBe("MIG_E_MIGRATION_FILE");
    expect(result.migrations.map((m) => m.status)).toEqual(["skipped", "failed"]);
    expect((await connection.query("SELECT name FROM mig_migrations")).rows).toEqual([]);

    const other = create("music", 3, "venue");
    const mismatched: MigrationSource = { ...create("music", 2, "venue"), load: other.load };
    expect((await runForwards({ dialect, connection, sources: [mismatched] })).error?.code).toBe("MIG_E_MIGRATION_FILE");
  });

  it("reversing an applied migration whose file is gone", async () => {
    await runForwards({ dialect, connection, sources: [create("music", 1, "band"), create("music", 2, "venue")] });
    const result = await runBackwards({ dialect, connection, sources: [create("music", 1, "band")], apps: ["music"] });
    expect(result.error?.code).toBe("MIG_E_MIGRATION_FILE");
    expect(result.migrations.map((m) => [m.id, m.status])).toEqual([[id(2), "failed"]]);
    expect(await trackedNames()).toEqual([`music/${id(1)}`, `music/${id(2)}`]);
  });
});

describe("status and clean", () => {
  it("lists every migration with its description, and applied migrations whose file is gone", async () => {
    const empty = await migrationStatus({ dialect, connection, sources: [create("music", 1, "band")] });
    expect(empty.migrations).toEqual([{ appName: "music", id: id(1), description: "create band", path: "music/m1.ts", applied: false, checksumMismatch: false }]);
    expect((await connection.query("SELECT name FROM sqlite_master")).rows).toEqual([]);

    await runForwards({ dialect, connection, sources: [create("music", 1, "band"), create("music", 2, "venue"), create("shop", 2, "product")] });
    const status = await migrationStatus({ dialect, connection, sources: [create("music", 1, "band")], apps: ["music"] });
    expect(status.migrations.map((m) => m.applied)).toEqual([true]);
    expect(status.orphans.map((o) => `${o.appName}/${o.id}`)).toEqual([`music/${id(2)}`]);
  });

  it("clean deletes orphaned rows of the given app only", async () => {
    await runForwards({ dialect, connection, sources: [create("music", 1, "band"), create("music", 2, "venue"), create("shop", 2, "product")] });
    const dry = await cleanOrphans({ dialect, connection, sources: [create("music", 1, "band")], apps: ["music"], dryRun: true });
    expect(dry.removed.map((o) => o.id)).toEqual([id(2)]);
    expect(await trackedNames()).toHaveLength(3);
    // shop has no file for id(2) in these sources either, but only music is cleaned.
    const { removed } = await cleanOrphans({ dialect, connection, sources: [create("music", 1, "band")], apps: ["music"] });
    expect(removed.map((o) => `${o.appName}/${o.id}`)).toEqual([`music/${id(2)}`]);
    expect(await trackedNames()).toEqual([`music/${id(1)}`, `shop/${id(2)}`]);
  });
});

describe("createRawDb", () => {
  it("binds {} as parameters and never splices values", async () => {
    const db = createRawDb(connection, dialect);
    await db.raw("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, note TEXT)");
    const hostile = "x'); DROP TABLE t; --";
    await db.raw("INSERT INTO t (name, note) VALUES ({}, '{}')", hostile);
    expect(await db.raw("SELECT name, note FROM t WHERE name = {}", hostile)).toEqual([{ name: hostile, note: "{}" }]);
    await expect(db.raw("SELECT {}")).rejects.toSatisfy((e) => isMigError(e, "MIG_E_USAGE"));
    await expect(db.raw("SELECT 1", 1)).rejects.toSatisfy((e) => isMigError(e, "MIG_E_USAGE"));
  });

  it("db.table() inserts, updates, selects and deletes with equality filters, quoting every name", async () => {
    const db = createRawDb(connection, dialect);
    await db.raw('CREATE TABLE "we""ird; table" (id INTEGER PRIMARY KEY, "sel ect" TEXT, n INTEGER)');
    const t = db.table({ name: 'we"ird; table' });
    expect(await t.insert([{ "sel ect": "a", n: 1 }, { "sel ect": "b", n: 2 }, { "sel ect": "c", n: null }])).toBe(3);
    expect(await t.update({ n: 10 }, { "sel ect": "a" })).toBe(1);
    expect(await t.select({ n: 10 })).toEqual([{ id: 1, "sel ect": "a", n: 10 }]);
    expect(await t.select({ n: null })).toEqual([{ id: 3, "sel ect": "c", n: null }]);
    expect(await t.delete({ "sel ect": "b" })).toBe(1);
    expect((await t.select()).map((r) => r["sel ect"])).toEqual(["a", "c"]);
    expect(await db.table('we"ird; table').delete()).toBe(2);
  });
});

it("an applied migration's app is read from the sources: other apps' rows are left alone", async () => {
  await runForwards({ dialect, connection, sources: [create("shop", 1, "product")] });
  const result = await runForwards({ dialect, connection, sources: [create("music", 1, "band")] });
  expect(result.migrations.map((m) => m.appName)).toEqual(["music"]);
  expect(isMigError(result.error)).toBe(false);
});
