import { afterEach, beforeEach, expect, it } from "vitest";
import { runForwards } from "@mig/core";
import { type Connection, type Dialect, type Statement, type TableSchema } from "@mig/core/dialect";
import { col, schema, testMigration, testMigrationId } from "@mig/core/testing";
import { sqliteDialect } from "@mig/sqlite";

type OutsideStatement = Statement & { readonly outsideTransaction: "before" | "after" };

/**
 * SQLite whose create_table is wrapped in statements marked to run outside the migration's
 * transaction (as its table rebuild wraps `PRAGMA foreign_keys`): they log into `log`.
 */
function wrapped(after = "INSERT INTO log (at) VALUES ('after')"): Dialect {
  const outside = (sql: string, where: "before" | "after"): OutsideStatement => ({ sql, outsideTransaction: where });
  return {
    ...sqliteDialect,
    emitter: {
      hooks: sqliteDialect.emitter.hooks,
      emit: (operation) =>
        operation.kind === "create_table" && !operation.schema.table.name.startsWith("mig_migrations")
          ? [outside("PRAGMA foreign_keys = OFF", "before"), outside("INSERT INTO log (at) VALUES ('before')", "before"), ...sqliteDialect.emitter.emit(operation), outside(after, "after"), outside("PRAGMA foreign_keys = ON", "after")]
          : sqliteDialect.emitter.emit(operation),
    },
  };
}

const tableOf = (name: string): TableSchema => schema({ name, columns: [col("id", "serial")] }).table(name) as TableSchema;
const seen: unknown[] = [];
const migration = (fail: boolean) =>
  testMigration({
    appName: "music",
    id: testMigrationId(1),
    operations: [{ kind: "create_table", schema: tableOf("band") }, { kind: "create_table", schema: tableOf("venue") }],
    raw: async (db) => {
      seen.push(...(await db.raw("PRAGMA foreign_keys")));
      if (fail) throw new Error("raw failed");
    },
  });

let connection: Connection;
beforeEach(async () => {
  seen.length = 0;
  connection = await sqliteDialect.connect({ filename: ":memory:" });
  await connection.query("CREATE TABLE log (n INTEGER PRIMARY KEY, at TEXT)");
});
afterEach(() => connection.close());

const log = async () => (await connection.query<{ at: string }>("SELECT at FROM log ORDER BY n")).rows.map((r) => r.at);
const foreignKeys = async () => (await connection.query("PRAGMA foreign_keys")).rows;

it("runs each distinct outside statement once, before the transaction begins and after it ends", async () => {
  const dialect = wrapped();
  const preview = await runForwards({ dialect, connection, sources: [migration(false)], preview: true });
  expect(preview.migrations[0]?.statements?.map((s) => s.sql.split(" ")[0])).toEqual(["PRAGMA", "INSERT", "CREATE", "CREATE", "INSERT", "PRAGMA"]);

  const result = await runForwards({ dialect, connection, sources: [migration(false)] });
  expect(result.ok).toBe(true);
  expect(seen).toEqual([{ foreign_keys: 0 }]);
  expect(await log()).toEqual(["before", "after"]);
  expect(await foreignKeys()).toEqual([{ foreign_keys: 1 }]);
});

it("runs the after statements when the migration fails, and they are not rolled back with it", async () => {
  const result = await runForwards({ dialect: wrapped(), connection, sources: [migration(true)] });
  expect(result.migrations.map((m) => m.status)).toEqual(["failed"]);
  expect(await log()).toEqual(["before", "after"]);
  expect(await foreignKeys()).toEqual([{ foreign_keys: 1 }]);
  expect((await connection.query("SELECT name FROM sqlite_master WHERE name IN ('band', 'venue')")).rows).toEqual([]);
});

it("reports a failing after statement, though the migration stays applied", async () => {
  const result = await runForwards({ dialect: wrapped("INSERT INTO no_such_log (at) VALUES (1)"), connection, sources: [migration(false)] });
  expect(result.ok).toBe(false);
  expect(result.migrations[0]).toMatchObject({ status: "applied", error: { code: "MIG_E_MIGRATION_FAILED" } });
  expect((await connection.query("SELECT name FROM mig_migrations")).rows).toEqual([{ name: testMigrationId(1) }]);
  expect(await foreignKeys()).toEqual([{ foreign_keys: 1 }]);
});
