import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type MigrationSource,
  type RunnerEvent,
  runBackwards,
  runForwards,
} from "@mig/core";
import { type Connection, type TableSchema, isMigError } from "@mig/core/dialect";
import { type TableSpec, col, schema, testMigration, testMigrationId, value } from "@mig/core/testing";
import { sqliteDialect } from "@mig/sqlite";

const dialect = sqliteDialect;
const id = testMigrationId;

const tableOf = (spec: TableSpec): TableSchema => schema(spec).table(spec.name) as TableSchema;
const band = tableOf({ name: "band", columns: [col("id", "serial"), col("name", "varchar", { length: 50 })] });
const manager = tableOf({ name: "manager", columns: [col("id", "serial"), col("name", "varchar", { length: 50 })] });
const venue = tableOf({ name: "venue", columns: [col("id", "serial"), col("city", "text", { default: value("Paris") })] });

const create = (appName: string, n: number, table: TableSchema, extra: Partial<Parameters<typeof testMigration>[0]> = {}): MigrationSource =>
  testMigration({ appName, id: id(n), description: `create ${table.table.name}`, operations: [{ kind: "create_table", schema: table }], ...extra });

let dir: string;
let connection: Connection;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "mig-runner-"));
  connection = await dialect.connect({ filename: join(dir, "test.db") });
});

afterEach(async () => {
  await connection.close();
  rmSync(dir, { recursive: true, force: true });
});

async function tables(): Promise<string[]> {
  return [...(await dialect.introspector.introspect(connection)).tableNames()];
}

async function tracking(): Promise<{ app_name: string; name: string; checksum: string; duration_ms: number }[]> {
  const { rows } = await connection.query<{ app_name: string; name: string; checksum: string; duration_ms: number }>(
    "SELECT app_name, name, checksum, duration_ms, ran_on FROM mig_migrations ORDER BY id",
  );
  return rows;
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("forwards and backwards", () => {
  const sources = [create("music", 1, band), create("music", 2, manager), create("music", 3, venue)];

  it("applies every pending migration, records each, and reverses them all", async () => {
    const events: RunnerEvent[] = [];
    const result = await runForwards({ dialect, connection, sources, onEvent: (e) => events.push(e) });
    expect(result.ok).toBe(true);
    expect(result.migrations.map((m) => m.status)).toEqual(["applied", "applied", "applied"]);
    expect(await tables()).toEqual(["band", "manager", "venue"]);
    const rows = await tracking();
    expect(rows.map((r) => [r.app_name, r.name])).toEqual(sources.map((s) => ["music", s.id]));
    expect(rows.map((r) => r.checksum)).toEqual(sources.map((s) => s.checksum));
    expect(events.filter((e) => e.type === "migration-finish").map((e) => e.type === "migration-finish" && e.status)).toEqual(["applied", "applied", "applied"]);

    const again = await runForwards({ dialect, connection, sources });
    expect(again).toMatchObject({ ok: true, nothingToDo: true, migrations: [] });

    const back = await runBackwards({ dialect, connection, sources, target: "all" });
    expect(back.migrations.map((m) => [m.id, m.status])).toEqual([[id(3), "applied"], [id(2), "applied"], [id(1), "applied"]]);
    expect(await tables()).toEqual([]);
    expect(await tracking()).toEqual([]);
    expect(await runBackwards({ dialect, connection, sources })).toMatchObject({ ok: true, nothingToDo: true });
  });

  it("forwards 1 runs the next one; an ID runs up to it; an applied ID is 'already run'", async () => {
    expect((await runForwards({ dialect, connection, sources, target: "1" })).migrations.map((m) => m.id)).toEqual([id(1)]);
    expect((await runForwards({ dialect, connection, sources, target: id(2) })).migrations.map((m) => m.id)).toEqual([id(2)]);
    const already = await runForwards({ dialect, connection, sources, target: id(1) });
    expect(already).toMatchObject({ ok: true, alreadyApplied: { appName: "music", id: id(1) }, migrations: [] });
    expect(await tables()).toEqual(["band", "manager"]);
  });

  it("runs older never-run migrations too (a merged branch)", async () => {
    await runForwards({ dialect, connection, sources: [sources[0], sources[2]] as MigrationSource[] });
    const result = await runForwards({ dialect, connection, sources });
    expect(result.migrations.map((m) => m.id)).toEqual([id(2)]);
    expect(await tables()).toEqual(["band", "manager", "venue"]);
  });

  it("backwards 1 reverses the last applied; an ID reverses back to and including it", async () => {
    await runForwards({ dialect, connection, sources });
    expect((await runBackwards({ dialect, connection, sources })).migrations.map((m) => m.id)).toEqual([id(3)]);
    await runForwards({ dialect, connection, sources });
    expect((await runBackwards({ dialect, connection, sources, target: id(2) })).migrations.map((m) => m.id)).toEqual([id(3), id(2)]);
    expect(await tables()).toEqual(["band"]);
  });

  it("unknown IDs are usage errors, thrown", async () => {
    expect(isMigError(await caught(runForwards({ dialect, connection, sources, target: "2020-01-01T00:00:00" })), "MIG_E_UNKNOWN_MIGRATION")).toBe(true);
    await runForwards({ dialect, connection, sources });
    expect(isMigError(await caught(runBackwards({ dialect, connection, sources, target: "2020-01-01T00:00:00" })), "MIG_E_UNKNOWN_MIGRATION")).toBe(true);
  });

  it("refuses two sources with the same app and ID", async () => {
    const duplicate = create("music", 1, manager);
    expect(isMigError(await caught(runForwards({ dialect, connection, sources: [...sources, duplicate] })), "MIG_E_MIGRATION_FILE")).toBe(true);
    expect(await tables()).toEqual([]);
  });

  it("keeps apps apart: the same ID in two apps, and backwards only touches the given app", async () => {
    const shop = [create("shop", 1, tableOf({ name: "product", columns: [col("id", "serial")] }))];
    await runForwards({ dialect, connection, sources: [...sources, ...shop] });
    expect((await tracking()).map((r) => `${r.app_name}/${r.name}`)).toContain(`shop/${id(1)}`);
    const back = await runBackwards({ dialect, connection, sources: shop, target: "all" });
    expect(back.migrations.map((m) => `${m.appName}/${m.id}`)).toEqual([`shop/${id(1)}`]);
    expect(await tables()).toEqual(["band", "manager", "venue"]);
  });
});

describe("a failing migration", () => {
  it("stops the run: earlier ones stay applied and recorded, the failing one leaves no trace, later ones do not run", async () => {
    const failing = testMigration({
      appName: "music",
      id: id(2),
      operations: [{ kind: "create_table", schema: manager }],
      raw: async (db) => {
        await db.raw("INSERT INTO manager (name) VALUES ({})", "Guido");
        await db.raw("INSERT INTO no_such_table (x) VALUES (1)");
      },
    });
    const result = await runForwards({ dialect, connection, sources: [create("music", 1, band), failing, create("music", 3, venue)] });
    expect(result.ok).toBe(false);
    expect(result.migrations.map((m) => m.status)).toEqual(["applied", "failed", "skipped"]);
    expect(result.error?.code).toBe("MIG_E_MIGRATION_FAILED");
    expect(result.migrations[1]?.error?.code).toBe("MIG_E_MIGRATION_FAILED");
    expect(await tables()).toEqual(["band"]);
    expect((await tracking()).map((r) => r.name)).toEqual([id(1)]);
  });

  it("refuses an operation the dialect cannot run before running anything", async () => {
    const before = band.columns[1];
    if (!before) throw new Error("fixture");
    const alter = testMigration({
      appName: "music",
      id: id(2),
      operations: [{ kind: "alter_column", table: "band", from: before, to: { ...before, length: 80 } }],
    });
    const result = await runForwards({ dialect, connection, sources: [create("music", 1, band), alter] });
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe("MIG_E_UNSUPPORTED");
    expect(result.migrations.map((m) => m.status)).toEqual(["skipped", "failed"]);
    expect(await tables()).toEqual([]);
  });
});

describe("raw functions, preview, fake, transactions", () => {
  const withRaw = testMigration({
    appName: "music",
    id: id(2),
    raw: async (db) => {
      await db.table("band").insert([{ name: "Pythonistas" }, { name: "Rustaceans" }]);
    },
    rawBackwards: async (db) => {
      await db.table("band").delete({ name: "Pythonistas" });
    },
  });

  it("runs raw functions forwards, and raw-backwards only backwards", async () => {
    await runForwards({ dialect, connection, sources: [create("music", 1, band), withRaw] });
    expect((await connection.query("SELECT name FROM band ORDER BY name")).rows).toEqual([{ name: "Pythonistas" }, { name: "Rustaceans" }]);
    await runBackwards({ dialect, connection, sources: [create("music", 1, band), withRaw] });
    expect((await connection.query("SELECT name FROM band")).rows).toEqual([{ name: "Rustaceans" }]);
  });

  it("preview returns the SQL, skips raw functions, and changes nothing (not even the tracking table)", async () => {
    const result = await runForwards({ dialect, connection, sources: [create("music", 1, band), withRaw], preview: true });
    expect(result).toMatchObject({ ok: true, preview: true });
    expect(result.migrations[0]?.statements?.map((s) => s.sql)).toEqual(dialect.emitter.emit({ kind: "create_table", schema: band }).map((s) => s.sql));
    expect(result.migrations[1]).toMatchObject({ statements: [], rawFunctions: 1, status: "skipped" });
    expect((await connection.query("SELECT name FROM sqlite_master")).rows).toEqual([]);
  });

  it("fake records without running (the option, and a fake manager)", async () => {
    const fakeManager = create("music", 2, manager, { fake: true });
    const result = await runForwards({ dialect, connection, sources: [create("music", 1, band), fakeManager] });
    expect(result.migrations.map((m) => [m.status, m.fake ?? false])).toEqual([["applied", false], ["applied", true]]);
    expect(await tables()).toEqual(["band"]);
    const rawLater = testMigration({ appName: "music", id: id(3), raw: async (db) => void (await db.table("band").insert({ name: "x" })) });
    const faked = await runForwards({ dialect, connection, sources: [create("music", 1, band), fakeManager, rawLater], fake: true });
    expect(faked.migrations.map((m) => [m.id, m.status, m.fake])).toEqual([[id(3), "applied", true]]);
    expect((await connection.query("SELECT * FROM band")).rows).toEqual([]);
    expect((await tracking()).map((r) => r.name)).toEqual([id(1), id(2), id(3)]);
    const back = await runBackwards({ dialect, connection, sources: [create("music", 1, band), fakeManager, rawLater], target: id(2) });
    expect(back.migrations.map((m) => [m.id, m.fake ?? false])).toEqual([[id(3), false], [id(2), true]]);
    expect(await tables()).toEqual(["band"]);
  });

  it("wrapInTransaction: true rolls raw work back with the migration; false keeps what ran", async () => {
    const failAfterInsert = (wrapInTransaction: boolean) =>
      testMigration({
        appName: "music",
        id: id(2),
        wrapInTransaction,
        raw: async (db) => {
          await db.table("band").insert({ name: "Pythonistas" });
          throw new Error("boom");
        },
      });
    await runForwards({ dialect, connection, sources: [create("music", 1, band)] });
    const wrapped = await runForwards({ dialect, connection, sources: [create("music", 1, band), failAfterInsert(true)] });
    expect(wrapped.migrations.map((m) => m.status)).toEqual(["failed"]);
    expect((await connection.query("SELECT * FROM band")).rows).toEqual([]);
    const unwrapped = await runForwards({ dialect, connection, sources: [create("music", 1, band), failAfterInsert(false)] });
    expect(unwrapped.migrations[0]).toMatchObject({ status: "failed", statementsRun: 0 });
    expect((await connection.query("SELECT name FROM band")).rows).toEqual([{ name: "Pythonistas" }]);
    expect((await tracking()).map((r) => r.name)).toEqual([id(1)]);
  });
});
