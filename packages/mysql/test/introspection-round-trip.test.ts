import { type Dialect, Snapshot, type TableSchema, entitiesOf, requireIntrospector } from "@mig/core/dialect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMysqlDialect, mysqlDialect } from "../src/index";
import type { MysqlConnection } from "../src/mysql-connection";
import { column, tableSchema } from "./support/entities";
import { type TestDatabase, createTestDatabase } from "./support/test-database";

let db: TestDatabase;
let connection: MysqlConnection;

beforeAll(async () => {
  db = await createTestDatabase();
  connection = await db.connect();
});
afterAll(async () => {
  await connection?.close();
  await db?.drop();
});

async function create(dialect: Dialect, schemas: readonly TableSchema[]): Promise<void> {
  for (const schema of schemas) {
    for (const statement of dialect.emitter.emit({ kind: "create_table", schema })) await connection.execute(statement);
  }
}

async function expectRoundTrip(dialect: Dialect, schemas: readonly TableSchema[]): Promise<void> {
  await create(dialect, schemas);
  const names = new Set(schemas.map((s) => s.table.name));
  const live = await requireIntrospector(dialect, "the round trip").introspect(connection);
  const mine = Snapshot.fromEntities(live.entities.filter((e) => names.has(e.kind === "table" ? e.name : e.table)));
  const intended = dialect.normalise!(Snapshot.fromEntities(schemas.flatMap(entitiesOf)));
  expect(mine.entities).toEqual(intended.entities);
}

const T = "every_type";
const everyType = tableSchema(T, ["id"], [
  column(T, "id", { type: "serial" }),
  column(T, "v", { type: "varchar", length: 100 }, { default: { kind: "value", value: "it's" } }),
  column(T, "v_plain", { type: "varchar", length: 7 }, { nullable: true }),
  column(T, "t", { type: "text" }, { default: { kind: "value", value: "long\\text\nline two" } }),
  column(T, "i", { type: "integer" }, { default: { kind: "value", value: 42 } }),
  column(T, "bi", { type: "bigint" }, { default: { kind: "value", value: "9007199254740993" } }),
  column(T, "si", { type: "smallint" }, { default: { kind: "value", value: -3 } }),
  column(T, "bo", { type: "boolean" }, { default: { kind: "value", value: true } }),
  column(T, "bo2", { type: "boolean" }, { nullable: true, default: { kind: "value", value: false } }),
  column(T, "r", { type: "real" }, { default: { kind: "value", value: 1.5 } }),
  column(T, "dp", { type: "doublePrecision" }, { default: { kind: "value", value: 2.25 } }),
  column(T, "n", { type: "numeric", precision: 5, scale: 2 }, { default: { kind: "value", value: "12.5" } }),
  column(T, "n_default", { type: "numeric" }, { default: { kind: "value", value: 7 } }),
  column(T, "ts", { type: "timestamp" }, { default: { kind: "now" } }),
  column(T, "tz", { type: "timestamptz" }, { default: { kind: "value", value: "2020-01-02 03:04:05" } }),
  column(T, "tz_iso", { type: "timestamptz" }, { default: { kind: "value", value: "2024-02-29T23:30:00.123456Z" } }),
  column(T, "tz_offset", { type: "timestamptz" }, { default: { kind: "value", value: "2024-03-01T01:30:00+02:00" } }),
  column(T, "d", { type: "date" }, { default: { kind: "now" } }),
  column(T, "d2", { type: "date" }, { default: { kind: "value", value: "2021-12-31" } }),
  column(T, "tm", { type: "time" }, { default: { kind: "now" } }),
  column(T, "tm2", { type: "time" }, { default: { kind: "value", value: "12:30" } }),
  column(T, "u", { type: "uuid" }, { default: { kind: "random" } }),
  column(T, "u2", { type: "uuid" }, { default: { kind: "value", value: "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11" } }),
  column(T, "j", { type: "json" }, { default: { kind: "value", value: { a: [1, "x"], b: null } } }),
  column(T, "jb", { type: "jsonb" }, { nullable: true, default: { kind: "value", value: "just a string" } }),
  column(T, "j_plain", { type: "json" }, { nullable: true }),
  column(T, "by", { type: "bytea" }, { nullable: true, default: { kind: "value", value: "\\x0102FF" } }),
  column(T, "e", { type: "integer" }, { default: { kind: "sql", sql: "1 + 2" } }),
  column(T, "c", { type: "varchar", length: 10 }, { default: { kind: "sql", sql: "CONCAT('a', LOWER('B'))" } }),
  column(T, "ts_sql", { type: "timestamp" }, { nullable: true, default: { kind: "sql", sql: "CURRENT_TIMESTAMP(6)" } }),
  column(T, "nul", { type: "integer" }, { nullable: true, default: { kind: "value", value: null } }),
]);

describe("introspection round trip (MariaDB)", () => {
  it("reads back every type and every default kind as created", async () => {
    await expectRoundTrip(mysqlDialect, [everyType]);
  });

  it("reads back keys, uniques, indexes, checks and foreign keys with their actions", async () => {
    const parent = tableSchema("parent", ["id"], [
      column("parent", "id", { type: "bigserial" }),
      column("parent", "code", { type: "varchar", length: 20 }),
    ], { uniques: [{ name: "parent_code_key", columns: ["code"] }] });
    const child = tableSchema("child", ["parent_id", "position"], [
      column("child", "parent_id", { type: "bigint" }),
      column("child", "position", { type: "integer" }),
      column("child", "code", { type: "varchar", length: 20 }, { nullable: true }),
      column("child", "score", { type: "integer" }, { default: { kind: "value", value: 0 } }),
      column("child", "me", { type: "integer" }, { nullable: true }),
    ], {
      indexes: [
        { name: "child_score_idx", columns: ["score"], method: "btree" },
        { name: "child_score_code_idx", columns: ["score", "code"], method: "btree" },
      ],
      uniques: [{ name: "child_position_code_key", columns: ["position", "code"] }],
      checks: [
        { name: "child_score_positive", sql: "score >= 0" },
        { name: "child_1_check", sql: "(score < 1000) AND (me IS NULL OR LENGTH(me) > 1)" },
      ],
      foreignKeys: [
        { name: "child_parent_id_fkey", columns: ["parent_id"], references: { table: "parent", columns: ["id"] }, onDelete: "cascade", onUpdate: "restrict" },
        { name: "child_code_fkey", columns: ["code"], references: { table: "parent", columns: ["code"] }, onDelete: "set null", onUpdate: "no action" },
      ],
    });
    await expectRoundTrip(mysqlDialect, [parent, child]);
  });

  it("reads back a self-referencing foreign key", async () => {
    const node = tableSchema("node", ["id"], [
      column("node", "id", { type: "serial" }),
      column("node", "parent", { type: "integer" }, { nullable: true }),
    ], { foreignKeys: [{ name: "node_parent_fkey", columns: ["parent"], references: { table: "node", columns: ["id"] }, onDelete: "cascade", onUpdate: "cascade" }] });
    await expectRoundTrip(mysqlDialect, [node]);
  });

  it("reads back MariaDB's native UUID type with uuidType: native", async () => {
    const native = createMysqlDialect({ uuidType: "native" });
    const U = "native_uuid";
    await expectRoundTrip(native, [
      tableSchema(U, ["id"], [
        column(U, "id", { type: "uuid" }, { default: { kind: "random" } }),
        column(U, "other", { type: "uuid" }, { nullable: true, default: { kind: "value", value: "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11" } }),
      ]),
    ]);
    const { rows } = await connection.query<{ t: string }>(
      "SELECT COLUMN_TYPE AS t FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = 'id'",
      [U],
    );
    expect(rows[0]?.t).toBe("uuid");
  });

  it("leaves out the tracking tables and excluded tables", async () => {
    await connection.query("CREATE TABLE mig_migrations (id INT PRIMARY KEY)");
    await connection.query("CREATE TABLE mig_migrations_progress (id INT PRIMARY KEY)");
    await connection.query("CREATE TABLE not_mine (id INT PRIMARY KEY)");
    const live = await mysqlDialect.introspector.introspect(connection, { excludeTables: ["not_mine"] });
    expect(live.tableNames().filter((n) => n.startsWith("mig_") || n === "not_mine")).toEqual([]);
  });

  it("introspects what it produced again to the same snapshot (normalise is idempotent)", async () => {
    const live = await mysqlDialect.introspector.introspect(connection);
    expect(mysqlDialect.normalise!(live).entities).toEqual(live.entities);
  });
});

describe("introspected values, spelled out", () => {
  it("reports defaults and types in mig's form", async () => {
    const live = await mysqlDialect.introspector.introspect(connection);
    const get = (name: string) => live.column(T, name);
    expect(get("t")?.default).toEqual({ kind: "value", value: "long\\text\nline two" });
    expect(get("v")?.default).toEqual({ kind: "value", value: "it's" });
    expect(get("bo")).toMatchObject({ type: "boolean", default: { kind: "value", value: true } });
    expect(get("n")).toMatchObject({ type: "numeric", precision: 5, scale: 2, default: { kind: "value", value: "12.50" } });
    expect(get("n_default")).toMatchObject({ precision: 10, scale: 0, default: { kind: "value", value: "7" } });
    expect(get("bi")?.default).toEqual({ kind: "value", value: "9007199254740993" });
    expect(get("ts")?.default).toEqual({ kind: "now" });
    expect(get("tz")).toMatchObject({ type: "timestamp", default: { kind: "value", value: "2020-01-02 03:04:05.000000" } });
    expect(get("tz_iso")?.default).toEqual({ kind: "value", value: "2024-02-29 23:30:00.123456" });
    expect(get("tz_offset")?.default).toEqual({ kind: "value", value: "2024-02-29 23:30:00.000000" });
    expect(get("tm2")?.default).toEqual({ kind: "value", value: "12:30:00.000000" });
    expect(get("u")).toMatchObject({ type: "uuid", default: { kind: "random" } });
    expect(get("j")).toMatchObject({ type: "json", default: { kind: "value", value: { a: [1, "x"], b: null } } });
    expect(get("jb")).toMatchObject({ type: "json", default: { kind: "value", value: "just a string" } });
    expect(get("by")).toMatchObject({ type: "bytea", default: { kind: "value", value: "0102ff" } });
    expect(get("e")?.default).toEqual({ kind: "sql", sql: "1 + 2" });
    expect(get("c")?.default).toEqual({ kind: "sql", sql: "concat('a',lcase('B'))" });
    expect(get("id")).toMatchObject({ type: "serial", default: null });
    expect(get("nul")).toMatchObject({ nullable: true, default: null });
    expect(live.table(T)?.checks).toEqual([]);
    expect(live.table("child")?.indexes.map((i) => i.name)).toEqual(["child_score_code_idx", "child_score_idx"]);
  });
});
