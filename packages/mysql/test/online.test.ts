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
  ({ kind: "column", table: "t", name, type, nullable: extra.nullable ?? false, default: null, ...(extra.length ? { length: extra.length } : {}) }) as const;

const changes: SchemaOperation[] = [
  { kind: "add_index", index: { kind: "index", table: "t", name: "t_n_idx", columns: ["n"], method: "btree" }, online: true },
  { kind: "add_unique", unique: { kind: "unique", table: "t", name: "t_s_key", columns: ["s"] }, online: true },
  { kind: "add_column", table: "t", column: col("extra", "integer", { nullable: true }), online: true },
  { kind: "alter_column", table: "t", from: col("m", "integer", { nullable: true }), to: col("m", "integer"), online: true },
];

describe("online operations on MariaDB", () => {
  it("name ALGORITHM=INSTANT or INPLACE, LOCK=NONE, which the server accepts, and reverse online too", async () => {
    const sources = [base, testMigration({ appName: "online", id: testMigrationId(1), operations: changes })];
    const preview = await runForwards({ dialect, connection, sources, preview: true });
    expect(preview.migrations[0]?.statements?.map((s) => s.sql)).toEqual([
      "SET STATEMENT lock_wait_timeout=1 FOR ALTER TABLE `t` ADD INDEX `t_n_idx` (`n`), ALGORITHM=INPLACE, LOCK=NONE",
      "SET STATEMENT lock_wait_timeout=1 FOR ALTER TABLE `t` ADD CONSTRAINT `t_s_key` UNIQUE (`s`), ALGORITHM=INPLACE, LOCK=NONE",
      "SET STATEMENT lock_wait_timeout=1 FOR ALTER TABLE `t` ADD COLUMN `extra` INT NULL, ALGORITHM=INSTANT",
      "SET STATEMENT lock_wait_timeout=1 FOR ALTER TABLE `t` MODIFY COLUMN `m` INT NOT NULL, ALGORITHM=INPLACE, LOCK=NONE",
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

  it("refuses what only a table copy can do (a CHECK, a type change) with MIG_E_NOT_ONLINE, before running anything", async () => {
    const refused: SchemaOperation[] = [
      { kind: "add_check", check: { kind: "check", table: "t", name: "t_n_check", sql: "n >= 0" }, online: true },
      { kind: "alter_column", table: "t", from: col("n", "integer"), to: { ...col("n", "integer"), type: "bigint" }, online: true },
    ];
    for (const [i, operation] of refused.entries()) {
      const result = await runForwards({ dialect, connection, sources: [base, testMigration({ appName: "online", id: testMigrationId(10 + i), operations: [operation] })] });
      expect(result.error?.code).toBe("MIG_E_NOT_ONLINE");
      expect(result.error?.hint).toMatch(/--allow-locking/);
    }
    const { rows } = await connection.query("SELECT COUNT(*) AS n FROM mig_migrations WHERE app_name = 'online'");
    expect(rows).toEqual([{ n: 1 }]);
  });

  it("makes those changes in their locking form with consent: allowLocking on the operation (the file) or for the run (forwards --allow-locking)", async () => {
    const check: SchemaOperation = { kind: "add_check", check: { kind: "check", table: "t", name: "t_n_check", sql: "n >= 0" }, online: true };
    const retype: SchemaOperation = { kind: "alter_column", table: "t", from: col("n", "integer"), to: { ...col("n", "integer"), type: "bigint" }, online: true, allowLocking: true };
    const consented = testMigration({ appName: "online", id: testMigrationId(20), operations: [{ ...check, allowLocking: true } as SchemaOperation, retype] });
    const preview = await runForwards({ dialect, connection, sources: [base, consented], preview: true });
    // The locking form is the ordinary one: no ALGORITHM clause the server would refuse.
    expect(preview.migrations[0]?.statements?.map((s) => s.sql).join("\n")).not.toMatch(/ALGORITHM/);
    const result = await runForwards({ dialect, connection, sources: [base, consented] });
    expect(result.error?.message ?? "ok").toBe("ok");
    const t = (await dialect.introspector.introspect(connection)).table("t");
    expect(t?.checks.map((c) => c.name)).toEqual(["t_n_check"]);
    expect(t?.columns.find((c) => c.name === "n")?.type).toBe("bigint");

    // Backwards carries the consent: the type change back is locking too, the drops are online.
    expect((await runBackwards({ dialect, connection, sources: [base, consented] })).error?.message ?? "ok").toBe("ok");
    expect((await dialect.introspector.introspect(connection)).table("t")?.checks).toEqual([]);

    // The same change without consent in the file: refused, then run with consent for the run.
    const unconsented = [base, testMigration({ appName: "online", id: testMigrationId(21), operations: [check] })];
    expect((await runForwards({ dialect, connection, sources: unconsented })).error?.code).toBe("MIG_E_NOT_ONLINE");
    const run = await runForwards({ dialect, connection, sources: unconsented, allowLocking: true });
    expect(run.error?.message ?? "ok").toBe("ok");
    expect((await dialect.introspector.introspect(connection)).table("t")?.checks.map((c) => c.name)).toEqual(["t_n_check"]);
    expect((await runBackwards({ dialect, connection, sources: unconsented, allowLocking: true })).ok).toBe(true);
  });

  it("adds a foreign key online: in place unchecked, then the rows checked by a read; a run that finds orphan rows stops there and resumes once they are fixed", async () => {
    const fk: SchemaOperation = {
      kind: "add_foreign_key",
      foreignKey: { kind: "foreign_key", table: "t", name: "t_p_fkey", columns: ["p"], references: { table: "parent", columns: ["id"] }, onDelete: "no action", onUpdate: "no action" },
      online: true,
    };
    const sources = [base, testMigration({ appName: "online", id: testMigrationId(30), operations: [fk] })];
    // Every row of t references parent 1, which does not exist yet.
    expect((await connection.query("SELECT COUNT(*) AS n FROM parent WHERE id = 1")).rows).toEqual([{ n: 0 }]);
    const preview = await runForwards({ dialect, connection, sources, preview: true });
    expect(preview.migrations[0]?.statements?.map((s) => s.sql)).toEqual([
      "SET STATEMENT lock_wait_timeout=1, foreign_key_checks=0 FOR ALTER TABLE `t` ADD INDEX `t_p_fkey` (`p`), ADD CONSTRAINT `t_p_fkey` FOREIGN KEY (`p`) REFERENCES `parent` (`id`) ON DELETE NO ACTION ON UPDATE NO ACTION, ALGORITHM=INPLACE, LOCK=NONE",
      expect.stringMatching(/^BEGIN NOT ATOMIC IF EXISTS \(SELECT 1 FROM `t` AS mig_child LEFT JOIN `parent` AS mig_parent ON .* THEN SIGNAL SQLSTATE '23000'/),
    ]);
    const failed = await runForwards({ dialect, connection, sources });
    expect(failed.ok).toBe(false);
    expect(failed.error?.message).toMatch(/t_p_fkey: rows of t reference no row of parent/);
    // The key is in place (new writes are checked); the migration is not recorded as applied.
    expect((await dialect.introspector.introspect(connection)).table("t")?.foreignKeys.map((f) => f.name)).toEqual(["t_p_fkey"]);
    await expect(connection.query("INSERT INTO t (n, m, s, p) VALUES (1, 1, 'x', 2)")).rejects.toThrow();
    expect((await connection.query("SELECT COUNT(*) AS n FROM mig_migrations WHERE app_name = 'online'")).rows).toEqual([{ n: 1 }]);

    await connection.query("INSERT INTO parent (id) VALUES (1)");
    const resumed = await runForwards({ dialect, connection, sources });
    expect(resumed.error?.message ?? "ok").toBe("ok");
    expect(resumed.migrations[0]).toMatchObject({ status: "applied" });
    expect((await runBackwards({ dialect, connection, sources })).error?.message ?? "ok").toBe("ok");
    expect((await dialect.introspector.introspect(connection)).table("t")?.foreignKeys).toEqual([]);
  });
});
