import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { diff } from "@mig/core";
import { Snapshot, type TableSchema } from "@mig/core/dialect";
import { type SqliteConnection, sqliteDialect } from "../src/index";
import { createTables, entitiesOfSchemas, plain, tableSchema, tempDatabase } from "./fixtures";

let db: Awaited<ReturnType<typeof tempDatabase>>;
let connection: SqliteConnection;
beforeEach(async () => {
  db = await tempDatabase();
  connection = db.connection;
});
afterEach(async () => db.cleanup());

async function roundTrip(schemas: TableSchema[]) {
  await createTables(connection, schemas);
  const expected = sqliteDialect.normalise!(Snapshot.fromEntities(entitiesOfSchemas(schemas)));
  const actual = await sqliteDialect.introspector.introspect(connection);
  expect(plain(actual)).toEqual(plain(expected));
  // What the runner's round trip relies on: the diff between the two is empty, both ways.
  expect(diff(actual, expected)).toEqual([]);
  expect(diff(expected, actual)).toEqual([]);
  return actual;
}

describe("introspection round trip", () => {
  it("reads back every contract type", async () => {
    const actual = await roundTrip([
      tableSchema("every_type", [
        { name: "id", type: "serial" },
        { name: "v", type: "varchar", length: 100 },
        { name: "v_free", type: "varchar" },
        { name: "t", type: "text" },
        { name: "i", type: "integer" },
        { name: "b", type: "bigint" },
        { name: "s", type: "smallint" },
        { name: "bo", type: "boolean" },
        { name: "r", type: "real" },
        { name: "d", type: "doublePrecision" },
        { name: "n", type: "numeric", precision: 5, scale: 2 },
        { name: "n_p", type: "numeric", precision: 7 },
        { name: "n_free", type: "numeric" },
        { name: "ts", type: "timestamp" },
        { name: "tz", type: "timestamptz" },
        { name: "da", type: "date" },
        { name: "ti", type: "time" },
        { name: "u", type: "uuid" },
        { name: "j", type: "json" },
        { name: "jb", type: "jsonb" },
        { name: "by", type: "bytea", nullable: true },
      ]),
    ]);
    expect(actual.column("every_type", "tz")?.type).toBe("timestamp");
    expect(actual.column("every_type", "jb")?.type).toBe("json");
    expect(actual.column("every_type", "id")?.type).toBe("serial");
    expect(actual.column("every_type", "by")?.nullable).toBe(true);
  });

  it("reads a bigserial primary key back as serial (one 64-bit rowid)", async () => {
    const actual = await roundTrip([tableSchema("big", [{ name: "id", type: "bigserial" }])]);
    expect(actual.column("big", "id")?.type).toBe("serial");
  });

  it("keeps an integer primary key an integer, and a composite primary key in key order", async () => {
    const actual = await roundTrip([
      tableSchema("plain_pk", [{ name: "id", type: "integer" }]),
      tableSchema("member", [{ name: "person", type: "varchar", length: 80 }, { name: "band", type: "integer" }], { primaryKey: ["band", "person"] }),
    ]);
    expect(actual.table("member")?.table.primaryKey).toEqual(["band", "person"]);
    expect(actual.column("plain_pk", "id")?.type).toBe("integer");
  });

  it("reads back every kind of default", async () => {
    const actual = await roundTrip([
      tableSchema("defaults", [
        { name: "id", type: "uuid", default: { kind: "random" } },
        { name: "s", type: "varchar", length: 50, default: { kind: "value", value: "it's a \\ \"test\"\nline 2 -- ; /* x */" } },
        { name: "empty", type: "text", default: { kind: "value", value: "" } },
        { name: "i", type: "integer", default: { kind: "value", value: 42 } },
        { name: "neg", type: "integer", default: { kind: "value", value: -7 } },
        { name: "f", type: "real", default: { kind: "value", value: 1.5 } },
        { name: "dec", type: "numeric", precision: 5, scale: 2, default: { kind: "value", value: "12.50" } },
        { name: "yes", type: "boolean", default: { kind: "value", value: true } },
        { name: "no", type: "boolean", default: { kind: "value", value: false } },
        { name: "nul", type: "text", nullable: true, default: { kind: "value", value: null } },
        { name: "now_ts", type: "timestamptz", default: { kind: "now" } },
        { name: "now_d", type: "date", default: { kind: "now" } },
        { name: "now_t", type: "time", default: { kind: "now" } },
        { name: "day", type: "date", default: { kind: "value", value: "2020-01-01" } },
        { name: "j", type: "json", default: { kind: "value", value: { a: [1, "it's"], b: null } } },
        { name: "j_str", type: "jsonb", default: { kind: "value", value: "plain" } },
        { name: "blob", type: "bytea", default: { kind: "value", value: "\\xDEADbeef" } },
        { name: "expr", type: "integer", default: { kind: "sql", sql: "1 + 2" } },
        { name: "paren", type: "text", default: { kind: "sql", sql: "('x')" } },
        { name: "ts_sql", type: "timestamp", default: { kind: "sql", sql: "CURRENT_TIMESTAMP" } },
      ]),
    ]);
    expect(actual.column("defaults", "blob")?.default).toEqual({ kind: "value", value: "deadbeef" });
    expect(actual.column("defaults", "yes")?.default).toEqual({ kind: "value", value: true });
    expect(actual.column("defaults", "ts_sql")?.default).toEqual({ kind: "sql", sql: "CURRENT_TIMESTAMP" });
  });

  it("reads back indexes, named unique and check constraints, and foreign keys with their actions", async () => {
    const actual = await roundTrip([
      tableSchema("manager", [{ name: "id", type: "serial" }, { name: "name", type: "varchar", length: 50 }], {
        uniques: [{ name: "manager_name_key", columns: ["name"] }],
      }),
      tableSchema(
        "band",
        [
          { name: "id", type: "serial" },
          { name: "name", type: "varchar", length: 100 },
          { name: "manager", type: "integer", nullable: true },
          { name: "popularity", type: "integer", default: { kind: "value", value: 0 } },
        ],
        {
          indexes: [
            { name: "band_popularity_idx", columns: ["popularity"], method: "btree" },
            { name: "band_popularity_name_idx", columns: ["popularity", "name"], method: "btree" },
          ],
          uniques: [
            { name: "band_name_key", columns: ["name"] },
            { name: "band_name_manager_key", columns: ["name", "manager"] },
          ],
          checks: [{ name: "band_popularity_positive", sql: "popularity >= 0" }],
          foreignKeys: [
            { name: "band_manager_fkey", columns: ["manager"], references: { table: "manager", columns: ["id"] }, onDelete: "cascade", onUpdate: "set null" },
          ],
        },
      ),
      tableSchema(
        "node",
        [{ name: "id", type: "serial" }, { name: "parent", type: "integer", nullable: true }, { name: "band", type: "integer" }],
        {
          foreignKeys: [
            { name: "node_parent_fkey", columns: ["parent"], references: { table: "node", columns: ["id"] }, onDelete: "set default", onUpdate: "restrict" },
            { name: "node_band_fkey", columns: ["band"], references: { table: "band", columns: ["id"] }, onDelete: "no action", onUpdate: "no action" },
          ],
        },
      ),
    ]);
    expect(actual.table("band")?.foreignKeys[0]?.onUpdate).toBe("set null");
  });

  it("keeps two unique constraints on the same columns, which share one index", async () => {
    const actual = await roundTrip([
      tableSchema("twice", [{ name: "id", type: "serial" }, { name: "code", type: "text" }], {
        uniques: [{ name: "twice_a", columns: ["code"] }, { name: "twice_b", columns: ["code"] }],
      }),
    ]);
    expect(actual.table("twice")?.uniques.map((u) => u.name)).toEqual(["twice_a", "twice_b"]);
  });

  it("reads back composite foreign keys to a composite key", async () => {
    await roundTrip([
      tableSchema("pair", [{ name: "a", type: "integer" }, { name: "b", type: "text" }], { primaryKey: ["a", "b"] }),
      tableSchema("ref", [{ name: "id", type: "serial" }, { name: "x", type: "integer" }, { name: "y", type: "text" }], {
        foreignKeys: [{ name: "ref_x_y_fkey", columns: ["x", "y"], references: { table: "pair", columns: ["a", "b"] }, onDelete: "cascade", onUpdate: "cascade" }],
      }),
    ]);
  });

  it("leaves out the tracking tables, SQLite's own tables and excluded tables", async () => {
    await createTables(connection, [tableSchema("kept", [{ name: "id", type: "serial" }]), tableSchema("other", [{ name: "id", type: "integer" }])]);
    await connection.query(`CREATE TABLE "mig_migrations" ("id" INTEGER PRIMARY KEY)`);
    await connection.query(`CREATE VIEW "v" AS SELECT 1`);
    const snapshot = await sqliteDialect.introspector.introspect(connection, { excludeTables: ["other"] });
    expect(snapshot.tableNames()).toEqual(["kept"]);
  });

  it("names constraints written without a name by the agreed conventions", async () => {
    await connection.query(
      `CREATE TABLE parent (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, CHECK (length(code) > 1), UNIQUE (code, id))`,
    );
    await connection.query(`CREATE TABLE child (id INTEGER PRIMARY KEY, p INTEGER REFERENCES parent ON DELETE CASCADE, c TEXT CHECK (c <> ''))`);
    const snapshot = await sqliteDialect.introspector.introspect(connection);
    expect(snapshot.table("parent")?.uniques.map((u) => u.name)).toEqual(["parent_code_id_key", "parent_code_key"]);
    expect(snapshot.table("parent")?.checks).toEqual([{ kind: "check", table: "parent", name: "parent_1_check", sql: "length(code) > 1" }]);
    expect(snapshot.table("child")?.checks.map((c) => c.name)).toEqual(["child_1_check"]);
    expect(snapshot.table("child")?.foreignKeys).toEqual([
      { kind: "foreign_key", table: "child", name: "child_p_fkey", columns: ["p"], references: { table: "parent", columns: ["id"] }, onDelete: "cascade", onUpdate: "no action" },
    ]);
  });
});
