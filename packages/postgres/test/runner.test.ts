import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { migrationStatus, runBackwards, runForwards } from "@mig/core";
import { type Connection, type Dialect, type TableSchema } from "@mig/core/dialect";
import { col, schema, testMigration, testMigrationId } from "@mig/core/testing";
import { postgresDialect } from "@mig/postgres";
import { type TestDatabase, createTestDatabase } from "./support/test-database";

const dialect = postgresDialect;
const id = testMigrationId;
const tableOf = (name: string): TableSchema => schema({ name, columns: [col("id", "serial"), col("name", "text", { nullable: true })] }).table(name) as TableSchema;

let database: TestDatabase;
let connection: Connection;
const extra: Connection[] = [];
beforeAll(async () => {
  database = await createTestDatabase("mig_pg_runner");
});
afterAll(async () => {
  await database?.drop();
});
beforeEach(async () => {
  connection = await dialect.connect(database.url);
  await connection.query("DROP SCHEMA public CASCADE");
  await connection.query("CREATE SCHEMA public");
});
afterEach(async () => {
  for (const c of extra.splice(0)) await c.close();
  await connection.close();
});

const tracked = async (c = connection) =>
  (await c.query<{ name: string }>("SELECT name FROM mig_migrations ORDER BY id")).rows.map((r) => r.name);

describe("the tracking row", () => {
  it("is written inside the migration's transaction (a raw function sees it before commit)", async () => {
    const seen: unknown[] = [];
    const observer = await dialect.connect(database.url);
    extra.push(observer);
    const sources = [
      testMigration({
        appName: "music",
        id: id(1),
        operations: [{ kind: "create_table", schema: tableOf("band") }],
        raw: async (db) => {
          seen.push(...(await db.raw("SELECT name FROM mig_migrations WHERE app_name = {}", "music")));
          // Another session does not see it yet: it commits together with the DDL.
          seen.push((await observer.query("SELECT count(*)::int AS n FROM mig_migrations")).rows[0]);
        },
      }),
    ];
    expect((await runForwards({ dialect, connection, sources })).ok).toBe(true);
    expect(seen).toEqual([{ name: id(1) }, { n: 0 }]);
    expect(await tracked()).toEqual([id(1)]);
  });

  it("is not written when the migration fails, and the DDL rolls back with it", async () => {
    const failing = testMigration({
      appName: "music",
      id: id(1),
      operations: [
        { kind: "create_table", schema: tableOf("band") },
        { kind: "add_column", table: "no_such_table", column: { kind: "column", table: "no_such_table", name: "x", type: "integer", nullable: true, default: null } },
      ],
    });
    const result = await runForwards({ dialect, connection, sources: [failing] });
    expect(result.error?.code).toBe("MIG_E_MIGRATION_FAILED");
    expect(result.error?.meta).toMatchObject({ step: 2, steps: 2, statement: expect.stringContaining("no_such_table") });
    expect(await tracked()).toEqual([]);
    expect((await connection.query("SELECT to_regclass('public.band') AS t")).rows).toEqual([{ t: null }]);
  });
});

describe("a migration's statements in one batch", () => {
  const addColumn = (table: string, name: string) =>
    ({ kind: "add_column", table, column: { kind: "column", table, name, type: "integer", nullable: true, default: null } }) as const;

  it("names the failing statement exactly: a syntax error in the third of four statements", async () => {
    const failing = testMigration({
      appName: "music",
      id: id(1),
      operations: [
        { kind: "create_table", schema: tableOf("band") },
        addColumn("band", "year"),
        { kind: "add_check", check: { kind: "check", table: "band", name: "band_year_check", sql: "year >" } },
        addColumn("band", "rank"),
      ],
    });
    const result = await runForwards({ dialect, connection, sources: [failing] });
    expect(result.error?.code).toBe("MIG_E_MIGRATION_FAILED");
    expect(result.error?.message).toContain("at statement 3 of 4");
    expect(result.error?.meta).toMatchObject({ step: 3, steps: 4, statement: expect.stringContaining("band_year_check") });
    // The driver's own error for that statement alone: its position points into that statement.
    const cause = result.error?.cause as { code?: string; position?: string };
    expect(cause.code).toBe("42601");
    expect(Number(cause.position)).toBeLessThanOrEqual((result.error?.meta as { statement: string }).statement.length + 1);
    expect(await tracked()).toEqual([]);
    expect((await connection.query("SELECT to_regclass('public.band') AS t")).rows).toEqual([{ t: null }]);
  });

  it("names the failing statement exactly: an error while running the second of three", async () => {
    const failing = testMigration({
      appName: "music",
      id: id(1),
      operations: [{ kind: "create_table", schema: tableOf("band") }, addColumn("band", "name"), addColumn("band", "rank")],
    });
    const result = await runForwards({ dialect, connection, sources: [failing] });
    expect(result.error?.meta).toMatchObject({ step: 2, steps: 3, statement: expect.stringContaining('"name"') });
    expect(result.error?.message).toContain("already exists");
    expect(await tracked()).toEqual([]);
    expect((await connection.query("SELECT to_regclass('public.band') AS t")).rows).toEqual([{ t: null }]);
  });

  it("sends one batch and the tracking row with its duration, inside one transaction", async () => {
    const sent: string[] = [];
    const counting: Connection = {
      query: (sql, params) => (sent.push(sql.split(" ").slice(0, 2).join(" ")), connection.query(sql, params)),
      execute: (statement) => (sent.push(statement.sql.split(" ").slice(0, 2).join(" ")), connection.execute(statement)),
      executeBatch: (statements) => (sent.push(`batch of ${statements.length}`), connection.executeBatch!(statements)),
      transaction: (fn) => (sent.push("transaction"), connection.transaction(() => fn(counting))),
      withMigrationLock: (fn, options) => connection.withMigrationLock(fn, options),
      close: () => connection.close(),
    };
    const sources = [testMigration({ appName: "music", id: id(1), operations: [{ kind: "create_table", schema: tableOf("band") }, addColumn("band", "year"), addColumn("band", "rank")] })];
    expect((await runForwards({ dialect, connection: counting, sources })).ok).toBe(true);
    const inside = sent.slice(sent.indexOf("transaction"));
    // A migration without raw functions writes its tracking row last, with its duration.
    expect(inside).toEqual(["transaction", "batch of 3", "INSERT INTO"]);
    expect(await tracked()).toEqual([id(1)]);
    const columns = await connection.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'band' ORDER BY ordinal_position");
    expect(columns.rows.map((r) => r.column_name)).toEqual(["id", "name", "year", "rank"]);
  });

  it("runs the batch all or nothing: after a failure, the one-at-a-time run starts from the same state", async () => {
    await connection.transaction(async (tx) => {
      await tx.query("CREATE TABLE kept (id integer)");
      await expect(tx.executeBatch!([{ sql: "CREATE TABLE gone (id integer)" }, { sql: "CREATE TABLE kept (id integer)" }])).rejects.toMatchObject({ code: "42P07" });
      // The transaction is usable, and holds nothing of the batch.
      expect((await tx.query("SELECT to_regclass('public.gone') AS t")).rows).toEqual([{ t: null }]);
      await tx.executeBatch!([{ sql: "CREATE TABLE a (id integer) -- a line comment" }, { sql: "CREATE TABLE b (id integer);" }]);
    });
    const tables = await connection.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
    expect(tables.rows.map((r) => r.tablename)).toEqual(["a", "b", "kept"]);
  });
});

describe("a migration of statements only, with its tracking row, as one transaction in one query", () => {
  const addColumn = (table: string, name: string) =>
    ({ kind: "add_column", table, column: { entity: "column", table, name, type: "integer", nullable: true, default: null } }) as const;

  it("sends BEGIN, the statements, the tracking row and COMMIT as one query: one round trip per migration", async () => {
    const sent: string[] = [];
    const counting: Connection = {
      query: (sql, params) => (sent.push(sql.split(" ").slice(0, 2).join(" ")), connection.query(sql, params)),
      execute: (statement) => (sent.push(statement.sql.split(" ").slice(0, 2).join(" ")), connection.execute(statement)),
      executeBatch: (statements) => (sent.push(`batch of ${statements.length}`), connection.executeBatch!(statements)),
      executeTransaction: (statements, record) => (sent.push(`transaction of ${statements.length}`), connection.executeTransaction!(statements, record)),
      transaction: (fn) => (sent.push("transaction"), connection.transaction(() => fn(counting))),
      withMigrationLock: (fn, options) => connection.withMigrationLock(fn, options),
      close: () => connection.close(),
    };
    const sources = [
      testMigration({ appName: "music", id: id(1), operations: [{ kind: "create_table", schema: tableOf("band") }, addColumn("band", "year")] }),
      testMigration({ appName: "music", id: id(2), operations: [addColumn("band", "rank")] }),
    ];
    const result = await runForwards({ dialect, connection: counting, sources });
    expect(result.ok).toBe(true);
    const first = sent.indexOf("transaction of 2");
    expect(sent.slice(first)).toEqual(["transaction of 2", "transaction of 1"]);
    expect(await tracked()).toEqual([id(1), id(2)]);
    const columns = await connection.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'band' ORDER BY ordinal_position");
    expect(columns.rows.map((r) => r.column_name)).toEqual(["id", "name", "year", "rank"]);
    const rows = await connection.query<{ checksum: string; duration_ms: number }>("SELECT checksum, duration_ms FROM mig_migrations ORDER BY id");
    expect(rows.rows.map((r) => r.checksum)).toEqual(sources.map((s) => s.checksum));
  });

  it("records the duration with the server's time for the statements", async () => {
    await connection.query("CREATE TABLE timing (ms integer)");
    await connection.executeTransaction!([{ sql: "SELECT pg_sleep(0.15)" }], {
      statement: (durationSql) => ({ sql: `INSERT INTO timing (ms) VALUES (${durationSql})` }),
      elapsedMs: () => 7,
    });
    const ms = (await connection.query<{ ms: number }>("SELECT ms FROM timing")).rows[0]?.ms ?? 0;
    expect(ms).toBeGreaterThanOrEqual(7 + 150);
    expect(ms).toBeLessThan(7 + 150 + 5_000);
  });

  it("is all or nothing, and leaves no transaction open: a run-time error and a syntax error", async () => {
    await connection.query("CREATE TABLE kept (id integer)");
    const record = { statement: () => ({ sql: "CREATE TABLE recorded (id integer)" }), elapsedMs: () => 0 };
    await expect(connection.executeTransaction!([{ sql: "CREATE TABLE gone (id integer)" }, { sql: "CREATE TABLE kept (id integer)" }], record)).rejects.toMatchObject({ code: "42P07" });
    await expect(connection.executeTransaction!([{ sql: "CREATE TABLE gone (id integer)" }, { sql: "CREATE TABLE (" }], record)).rejects.toMatchObject({ code: "42601" });
    // Outside a transaction block a SAVEPOINT is refused: nothing was left open.
    await expect(connection.query("SAVEPOINT probe")).rejects.toMatchObject({ code: "25P01" });
    const tables = await connection.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
    expect(tables.rows.map((r) => r.tablename)).toEqual(["kept"]);
  });

  it("a failing migration is run again one statement at a time: the error names the statement, nothing stays", async () => {
    const failing = testMigration({
      appName: "music",
      id: id(1),
      operations: [{ kind: "create_table", schema: tableOf("band") }, addColumn("band", "year"), addColumn("band", "year")],
    });
    const result = await runForwards({ dialect, connection, sources: [failing] });
    expect(result.error?.meta).toMatchObject({ step: 3, steps: 3, statement: expect.stringContaining('"year"') });
    expect(await tracked()).toEqual([]);
    expect((await connection.query("SELECT to_regclass('public.band') AS t")).rows).toEqual([{ t: null }]);
  });
});

describe("exactly once", () => {
  const sources = ["a", "b", "c", "d", "e", "f"].map((name, i) =>
    testMigration({
      appName: "music",
      id: id(i + 1),
      operations: [{ kind: "create_table", schema: tableOf(name) }],
      raw: async (db) => {
        await db.raw("SELECT pg_sleep(0.02)");
      },
    }),
  );

  async function runEight(using: Dialect, list = sources) {
    const connections = await Promise.all(Array.from({ length: 8 }, () => using.connect(database.url)));
    extra.push(...connections);
    return Promise.all(connections.map((c) => runForwards({ dialect: using, connection: c, sources: list })));
  }

  /** The dialect with a migration lock that locks nothing. */
  const withoutLock = (): Dialect => ({
    ...dialect,
    connect: async (config) => {
      const real = await dialect.connect(config);
      return Object.assign(Object.create(real) as Connection, {
        query: real.query.bind(real),
        execute: real.execute.bind(real),
        transaction: real.transaction.bind(real),
        close: real.close.bind(real),
        withMigrationLock: <T>(fn: () => Promise<T>) => fn(),
      });
    },
  });

  it("eight runs at once under the advisory lock", async () => {
    const results = await runEight(dialect);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.flatMap((r) => r.migrations.filter((m) => m.status === "applied").map((m) => m.id)).sort()).toEqual(sources.map((s) => s.id));
    expect(await tracked()).toEqual(sources.map((s) => s.id));
  });

  it("eight runs at once without any lock: the tracking row's unique key still lets only one apply each migration", async () => {
    const results = await runEight(withoutLock());
    expect(results.map((r) => r.error?.message ?? "ok")).toEqual(Array(8).fill("ok"));
    const applied = results.flatMap((r) => r.migrations.filter((m) => m.status === "applied").map((m) => m.id));
    expect(applied.sort()).toEqual(sources.map((s) => s.id));
    const skipped = results.flatMap((r) => r.migrations.filter((m) => m.status === "skipped"));
    expect(skipped.every((m) => m.concurrent)).toBe(true);
    expect(await tracked()).toEqual(sources.map((s) => s.id));
    const status = await migrationStatus({ dialect, connection, sources });
    expect(status.migrations.every((m) => m.applied)).toBe(true);
  });

  it("eight runs at once without any lock, migrations of statements only (tracking row written last): each applied once", async () => {
    const statementsOnly = ["g", "h", "i", "j", "k", "l"].map((name, i) =>
      testMigration({
        appName: "music",
        id: id(i + 1),
        operations: [
          { kind: "create_table", schema: tableOf(name) },
          { kind: "add_column", table: name, column: { kind: "column", table: name, name: "rank", type: "integer", nullable: true, default: null } },
        ],
      }),
    );
    const results = await runEight(withoutLock(), statementsOnly);
    expect(results.map((r) => r.error?.message ?? "ok")).toEqual(Array(8).fill("ok"));
    const applied = results.flatMap((r) => r.migrations.filter((m) => m.status === "applied").map((m) => m.id));
    expect(applied.sort()).toEqual(statementsOnly.map((s) => s.id));
    const skipped = results.flatMap((r) => r.migrations.filter((m) => m.status === "skipped"));
    expect(skipped.every((m) => m.concurrent)).toBe(true);
    expect(await tracked()).toEqual(statementsOnly.map((s) => s.id));
  });
});

it("backwards runs the exact reverse plan: rename a table and add a column to it", async () => {
  const band = tableOf("band");
  const sources = [
    testMigration({ appName: "music", id: id(1), operations: [{ kind: "create_table", schema: band }] }),
    testMigration({
      appName: "music",
      id: id(2),
      operations: [
        { kind: "rename_table", from: "band", to: "music_group" },
        { kind: "add_column", table: "music_group", column: { kind: "column", table: "music_group", name: "genre", type: "text", nullable: true, default: null } },
      ],
    }),
  ];
  expect((await runForwards({ dialect, connection, sources })).ok).toBe(true);
  const back = await runBackwards({ dialect, connection, sources });
  expect(back.ok).toBe(true);
  const columns = await connection.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'band' ORDER BY ordinal_position");
  expect(columns.rows).toEqual([{ column_name: "id" }, { column_name: "name" }]);
});
