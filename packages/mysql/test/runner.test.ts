import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { migrationStatus, runBackwards, runForwards } from "@mig/core";
import { type Connection, type TableSchema } from "@mig/core/dialect";
import { col, schema, testMigration, testMigrationId } from "@mig/core/testing";
import { mysqlDialect } from "@mig/mysql";
import { type TestDatabase, createTestDatabase } from "./support/test-database";

const dialect = mysqlDialect;
const id = testMigrationId;
const tableOf = (name: string): TableSchema => schema({ name, columns: [col("id", "serial"), col("name", "varchar", { length: 40, nullable: true })] }).table(name) as TableSchema;

let database: TestDatabase;
let connection: Connection;
const extra: Connection[] = [];
beforeAll(async () => {
  database = await createTestDatabase("mig_my_runner");
});
afterAll(async () => {
  await database?.drop();
});
beforeEach(async () => {
  connection = await dialect.connect(database.url);
  const { rows } = await connection.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()");
  await connection.query("SET FOREIGN_KEY_CHECKS = 0");
  for (const { name } of rows) await connection.query(`DROP TABLE \`${name}\``);
  await connection.query("SET FOREIGN_KEY_CHECKS = 1");
});
afterEach(async () => {
  for (const c of extra.splice(0)) await c.close();
  await connection.close();
});

const tables = async () => [...(await dialect.introspector.introspect(connection)).tableNames()];
const tracked = async () => (await connection.query<{ name: string }>("SELECT name FROM mig_migrations ORDER BY id")).rows.map((r) => r.name);
const progress = async () => (await connection.query("SELECT name, direction, statements_done, total, error FROM mig_migrations_progress")).rows;

describe("DDL that commits statement by statement", () => {
  const broken = (text: string) =>
    testMigration({
      appName: "music",
      id: id(2),
      text,
      operations: [
        { kind: "create_table", schema: tableOf("manager") },
        { kind: "add_column", table: "no_such_table", column: { kind: "column", table: "no_such_table", name: "x", type: "integer", nullable: true, default: null } },
        { kind: "create_table", schema: tableOf("venue") },
      ],
    });
  const first = testMigration({ appName: "music", id: id(1), operations: [{ kind: "create_table", schema: tableOf("band") }] });
  const third = testMigration({ appName: "music", id: id(3), operations: [{ kind: "create_table", schema: tableOf("ticket") }] });

  it("reports exactly which statements ran, and check shows it", async () => {
    const result = await runForwards({ dialect, connection, sources: [first, broken("v1"), third] });
    expect(result.migrations.map((m) => m.status)).toEqual(["applied", "failed", "skipped"]);
    expect(result.migrations[1]).toMatchObject({ statementsRun: 1, statementsTotal: 3 });
    expect(result.error?.meta).toMatchObject({ step: 2, statement: expect.stringContaining("no_such_table") });
    expect(await tables()).toEqual(["band", "manager"]);
    expect(await tracked()).toEqual([id(1)]);
    expect(await progress()).toEqual([{ name: id(2), direction: "forwards", statements_done: 1, total: 3, error: expect.stringContaining("no_such_table") }]);
    const status = await migrationStatus({ dialect, connection, sources: [first, broken("v1"), third] });
    expect(status.migrations.map((m) => m.partial?.statementsDone ?? null)).toEqual([null, 1, null]);
  });

  it("resumes after the completed statements once the cause is fixed outside the file; refuses when the file changed", async () => {
    await runForwards({ dialect, connection, sources: [first, broken("v1"), third] });
    expect((await runForwards({ dialect, connection, sources: [first, broken("v2"), third] })).error?.code).toBe("MIG_E_PARTIAL");
    expect((await runBackwards({ dialect, connection, sources: [first, broken("v1"), third] })).error?.code).toBe("MIG_E_PARTIAL");
    // The operator creates the missing table by hand; the re-run resumes at statement 2.
    await connection.query("CREATE TABLE no_such_table (id INT PRIMARY KEY)");
    const resumed = await runForwards({ dialect, connection, sources: [first, broken("v1"), third] });
    expect(resumed.ok).toBe(true);
    expect(resumed.migrations.map((m) => [m.id, m.statementsRun])).toEqual([[id(2), 3], [id(3), 1]]);
    expect(await progress()).toEqual([]);
    expect(await tracked()).toEqual([id(1), id(2), id(3)]);
  });
});

it("eight runs at once under GET_LOCK apply every migration exactly once", async () => {
  const sources = ["a", "b", "c", "d", "e"].map((name, i) =>
    testMigration({ appName: "music", id: id(i + 1), operations: [{ kind: "create_table", schema: tableOf(name) }] }),
  );
  const connections = await Promise.all(Array.from({ length: 8 }, () => dialect.connect(database.url)));
  extra.push(...connections);
  const results = await Promise.all(connections.map((c) => runForwards({ dialect, connection: c, sources })));
  expect(results.map((r) => r.error?.message ?? "ok")).toEqual(Array(8).fill("ok"));
  expect(results.flatMap((r) => r.migrations.filter((m) => m.status === "applied").map((m) => m.id)).sort()).toEqual(sources.map((s) => s.id));
  expect(await tracked()).toEqual(sources.map((s) => s.id));
});

describe("a step and its progress update in one round trip (executeStep, MariaDB's anonymous blocks)", () => {
  const steps = testMigration({
    appName: "music",
    id: id(1),
    operations: [
      { kind: "create_table", schema: tableOf("band") },
      { kind: "add_column", table: "band", column: { kind: "column", table: "band", name: "genre", type: "varchar", length: 40, nullable: true, default: { kind: "value", value: "it's; -- not a comment" } } },
    ],
  });
  /** The connection, with every call to the driver counted (`query` and `executeStep`), and executeStep failing when `fail` says so. */
  const counted = (fail: (call: number) => boolean = () => false) => {
    const calls: string[] = [];
    let blocks = 0;
    const wrapped: Connection = {
      query: (sql, params) => (calls.push(`query ${sql.slice(0, 20)}`), connection.query(sql, params)),
      execute: (statement) => (calls.push(`query ${statement.sql.slice(0, 20)}`), connection.execute(statement)),
      transaction: (fn) => connection.transaction(() => fn(wrapped)),
      withMigrationLock: (fn, options) => connection.withMigrationLock(fn, options),
      close: () => connection.close(),
      executeStep: (statements) => {
        calls.push(`step of ${statements.length}`);
        if (fail(++blocks)) return Promise.reject(new Error("refused"));
        return connection.executeStep!(statements);
      },
    };
    return { wrapped, calls };
  };

  it("sends each statement with its progress update, and the tracking row with the progress row's removal, one call each", async () => {
    expect(typeof connection.executeStep).toBe("function");
    const { wrapped, calls } = counted();
    const result = await runForwards({ dialect, connection: wrapped, sources: [steps] });
    expect(result.error?.message).toBeUndefined();
    const run = calls.slice(calls.indexOf("step of 2") - 1);
    expect(run).toEqual([expect.stringMatching(/^query SELECT/), "step of 2", "step of 2", "step of 2"]);
    expect(await tracked()).toEqual([id(1)]);
    expect(await progress()).toEqual([]);
    // The literal default went through the block as written.
    const { rows } = await connection.query<{ d: string }>("SELECT column_default AS d FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'band' AND column_name = 'genre'");
    expect(rows[0]?.d).toContain("it''s; -- not a comment");
  });

  it("after a refused block, runs the same statements one at a time: the run ends as without the hook", async () => {
    for (const failing of [1, 2, 3]) {
      const { wrapped } = counted((call) => call === failing);
      const result = await runForwards({ dialect, connection: wrapped, sources: [steps] });
      expect(result.ok).toBe(true);
      expect(await tracked()).toEqual([id(1)]);
      expect(await progress()).toEqual([]);
      await connection.query("DROP TABLE band");
      await connection.query("DELETE FROM mig_migrations");
    }
  });

  it("a first statement that fails leaves the progress row at 0 with the error, exactly as without the hook", async () => {
    const failing = testMigration({
      appName: "music",
      id: id(1),
      operations: [
        { kind: "add_column", table: "no_such_table", column: { kind: "column", table: "no_such_table", name: "x", type: "integer", nullable: true, default: null } },
        { kind: "create_table", schema: tableOf("venue") },
      ],
    });
    const result = await runForwards({ dialect, connection, sources: [failing] });
    expect(result.migrations[0]).toMatchObject({ status: "failed", statementsRun: 0 });
    expect(result.error?.meta).toMatchObject({ step: 1, statement: expect.stringContaining("no_such_table") });
    expect(await progress()).toEqual([{ name: id(1), direction: "forwards", statements_done: 0, total: 2, error: expect.stringContaining("no_such_table") }]);
    expect(await tracked()).toEqual([]);
  });
});
