import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MigrationSource, runBackwards, runForwards } from "@mig/core";
import { type Connection, type SchemaOperation } from "@mig/core/dialect";
import { col as spec, schema, testMigration, testMigrationId } from "@mig/core/testing";
import { mysqlDialect } from "@mig/mysql";
import { type TestDatabase, createTestDatabase } from "./support/test-database";

const dialect = mysqlDialect;
let database: TestDatabase;
let connection: Connection;
let base: MigrationSource;
beforeAll(async () => {
  database = await createTestDatabase("mig_my_online");
  connection = await dialect.connect(database.url);
  const tables = schema(
    { name: "parent", columns: [spec("id", "integer")] },
    { name: "t", columns: [spec("id", "serial"), spec("n", "integer"), spec("m", "integer", { nullable: true }), spec("s", "varchar", { length: 10 }), spec("p", "integer")] },
  );
  const create = (name: string): SchemaOperation => ({ kind: "create_table", schema: tables.table(name)! });
  base = testMigration({ appName: "online", id: testMigrationId(0), operations: [create("parent"), create("t")] });
  expect((await runForwards({ dialect, connection, sources: [base] })).ok).toBe(true);
  // Rows generated in the database (a recursive CTE), so that a table copy would take a while.
  await connection.query("SET SESSION max_recursive_iterations = 30000");
  await connection.query(
    "INSERT INTO t (n, m, s, p) WITH RECURSIVE g (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < 20000) SELECT i % 100, i, CONCAT('s', i), 1 FROM g",
  );
});
afterAll(async () => {
  await connection?.close();
  await database?.drop();
});

const col = (name: string, type: "integer" | "varchar", extra: { nullable?: boolean; length?: number } = {}) =>
  ({ entity: "column", table: "t", name, type, nullable: extra.nullable ?? false, default: null, ...(extra.length ? { length: extra.length } : {}) }) as const;

const changes: SchemaOperation[] = [
  { kind: "add_index", index: { entity: "index", table: "t", name: "t_n_idx", columns: ["n"], method: "btree" }, online: true },
  { kind: "add_unique", unique: { entity: "unique", table: "t", name: "t_s_key", columns: ["s"] }, online: true },
  { kind: "add_column", table: "t", column: col("extra", "integer", { nullable: true }), online: true },
  { kind: "alter_column", table: "t", from: col("m", "integer", { nullable: true }), to: col("m", "integer"), online: true },
];

describe("online operations on MariaDB", () => {
  it("name ALGORITHM=INSTANT or INPLACE, LOCK=NONE, which the server accepts, and reverse online too", async () => {
    const sources = [base, testMigration({ appName: "online", id: testMigrationId(1), operations: changes })];
    const preview = await runForwards({ dialect, connection, sources, preview: true });
    expect(preview.migrations[0]?.statements?.map((s) => s.sql)).toEqual([
      "ALTER TABLE `t` ADD INDEX `t_n_idx` (`n`), ALGORITHM=INPLACE, LOCK=NONE",
      "ALTER TABLE `t` ADD CONSTRAINT `t_s_key` UNIQUE (`s`), ALGORITHM=INPLACE, LOCK=NONE",
      "ALTER TABLE `t` ADD COLUMN `extra` INT NULL, ALGORITHM=INSTANT",
      "ALTER TABLE `t` MODIFY COLUMN `m` INT NOT NULL, ALGORITHM=INPLACE, LOCK=NONE",
    ]);
    const result = await runForwards({ dialect, connection, sources });
    expect(result.error?.message ?? "ok").toBe("ok");
    const snapshot = await dialect.introspector.introspect(connection);
    expect(snapshot.table("t")?.indexes.map((i) => i.name)).toContain("t_n_idx");
    expect(snapshot.table("t")?.columns.find((c) => c.name === "m")?.nullable).toBe(false);

    const back = await runBackwards({ dialect, connection, sources, preview: true });
    expect(back.error?.message ?? "ok").toBe("ok");
    expect(back.migrations[0]?.statements?.every((s) => / ALGORITHM=(INSTANT|INPLACE, LOCK=NONE)$/.test(s.sql))).toBe(true);
    expect((await runBackwards({ dialect, connection, sources })).ok).toBe(true);
    expect((await dialect.introspector.introspect(connection)).table("t")?.indexes).toEqual([]);
  });

  it("refuses what only a table copy can do (a CHECK, a checked foreign key, a type change) with MIG_E_NOT_ONLINE, before running anything", async () => {
    const refused: SchemaOperation[] = [
      { kind: "add_check", check: { entity: "check", table: "t", name: "t_n_check", sql: "n >= 0" }, online: true },
      {
        kind: "add_foreign_key",
        foreignKey: { entity: "foreign_key", table: "t", name: "t_p_fkey", columns: ["p"], references: { table: "parent", columns: ["id"] }, onDelete: "no action", onUpdate: "no action" },
        online: true,
      },
      { kind: "alter_column", table: "t", from: col("n", "integer"), to: { ...col("n", "integer"), type: "bigint" }, online: true },
    ];
    for (const [i, operation] of refused.entries()) {
      const result = await runForwards({ dialect, connection, sources: [base, testMigration({ appName: "online", id: testMigrationId(10 + i), operations: [operation] })] });
      expect(result.error?.code).toBe("MIG_E_NOT_ONLINE");
      expect(result.error?.hint).toMatch(/--no-online/);
    }
    const { rows } = await connection.query("SELECT COUNT(*) AS n FROM mig_migrations WHERE app_name = 'online'");
    expect(rows).toEqual([{ n: 1 }]);
  });
});
