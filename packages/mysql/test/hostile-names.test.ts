import { type SchemaOperation, Snapshot, entitiesOf } from "@mig/core/dialect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mysqlDialect } from "../src/index";
import type { MysqlConnection } from "../src/mysql-connection";
import { column, tableSchema } from "./support/entities";
import { type TestDatabase, createTestDatabase } from "./support/test-database";

let db: TestDatabase;
let connection: MysqlConnection;

beforeAll(async () => {
  db = await createTestDatabase();
  connection = await db.connect();
  await connection.query("CREATE TABLE sentinel (id INT PRIMARY KEY)");
});
afterAll(async () => {
  await connection?.close();
  await db?.drop();
});

async function run(operation: SchemaOperation): Promise<void> {
  for (const statement of mysqlDialect.emitter.emit(operation)) await connection.execute(statement);
}

const PARENT = "pa`rent\"; DROP TABLE sentinel; --";
const TABLE = "we'ird `tab;le` ünïcødé 名前";
const COLS = {
  id: "select",
  quote: "it's \"quoted\"",
  tick: "a`b``c",
  semi: "semi;colon -- x",
  uni: "ünïcødé ✓",
  order: "order",
  ref: "from",
} as const;
/** String defaults the emitter must quote exactly. */
const STRINGS = [
  "it's",
  "back\\slash",
  "new\nline",
  "'; DROP TABLE sentinel; --",
  "\\'",
  "tab\there",
  "\\%_\\_",
  "ø✓ 名前",
  "`backtick`",
  '"double"',
];

const q = mysqlDialect.emitter.hooks.quoteIdentifier;
const parent = tableSchema(PARENT, ["key"], [column(PARENT, "key", { type: "varchar", length: 10 })]);
const hostile = tableSchema(
  TABLE,
  [COLS.id],
  [
    column(TABLE, COLS.id, { type: "serial" }),
    column(TABLE, COLS.quote, { type: "varchar", length: 50 }, { default: { kind: "value", value: STRINGS[0]! } }),
    column(TABLE, COLS.tick, { type: "integer" }, { default: { kind: "value", value: 1 } }),
    column(TABLE, COLS.semi, { type: "text" }, { default: { kind: "value", value: STRINGS[3]! } }),
    column(TABLE, COLS.uni, { type: "varchar", length: 40 }, { nullable: true }),
    column(TABLE, COLS.order, { type: "integer" }, { default: { kind: "value", value: 0 } }),
    column(TABLE, COLS.ref, { type: "varchar", length: 10 }, { nullable: true }),
    ...STRINGS.map((value, i) => column(TABLE, `s${i} '\`;`, { type: "varchar", length: 40 }, { default: { kind: "value", value } })),
  ],
  {
    indexes: [{ name: "idx `1`; 'x'", columns: [COLS.order, COLS.uni], method: "btree" }],
    uniques: [{ name: "uq \"2\" ü", columns: [COLS.quote] }],
    checks: [{ name: "ck `3`; --", sql: `${q(COLS.tick)} >= 0 AND ${q(COLS.order)} <> 5 AND ${q(COLS.semi)} <> 'it''s'` }],
    foreignKeys: [
      { name: "fk 'ref'`", columns: [COLS.ref], references: { table: PARENT, columns: ["key"] }, onDelete: "set null", onUpdate: "cascade" },
    ],
  },
);

describe("hostile names and string defaults (MariaDB)", () => {
  it("creates tables with hostile names, and introspection reads back exactly what was meant", async () => {
    await run({ kind: "create_table", schema: parent });
    await run({ kind: "create_table", schema: hostile });
    const live = await mysqlDialect.introspector.introspect(connection, { excludeTables: ["sentinel"] });
    const intended = mysqlDialect.normalise!(Snapshot.fromEntities([...entitiesOf(parent), ...entitiesOf(hostile)]));
    expect(live.entities).toEqual(intended.entities);
    expect(live.tableNames()).toEqual([PARENT, TABLE].sort());
  });

  it("stores every string default exactly", async () => {
    await connection.query(`INSERT INTO ${q(TABLE)} () VALUES ()`);
    const { rows } = await connection.query(`SELECT * FROM ${q(TABLE)}`);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    STRINGS.forEach((value, i) => expect(row[`s${i} '\`;`]).toBe(value));
    expect(row[COLS.quote]).toBe("it's");
    expect(row[COLS.semi]).toBe("'; DROP TABLE sentinel; --");
  });

  it("enforces the hostile check and binds hostile values as parameters", async () => {
    await expect(connection.query(`UPDATE ${q(TABLE)} SET ${q(COLS.order)} = ?`, [5])).rejects.toMatchObject({ errno: 4025 });
    await connection.query(`UPDATE ${q(TABLE)} SET ${q(COLS.uni)} = ?`, ["'); DROP TABLE sentinel; --"]);
    const { rows } = await connection.query(`SELECT ${q(COLS.uni)} AS v FROM ${q(TABLE)}`);
    expect(rows[0]?.["v"]).toBe("'); DROP TABLE sentinel; --");
  });

  it("renames, drops constraints and indexes, and drops the tables; nothing else is touched", async () => {
    const renamed = "réname `d`; 'table'";
    await run({ kind: "rename_table", from: TABLE, to: renamed });
    await run({ kind: "rename_column", table: renamed, from: COLS.uni, to: "ren`amed; col" });
    await run({ kind: "drop_foreign_key", foreignKey: { ...hostile.foreignKeys[0]!, table: renamed } });
    await run({ kind: "drop_check", check: { ...hostile.checks[0]!, table: renamed } });
    await run({ kind: "drop_unique", unique: { ...hostile.uniques[0]!, table: renamed } });
    await run({ kind: "drop_index", index: { ...hostile.indexes[0]!, table: renamed, columns: [COLS.order, "ren`amed; col"] } });
    const live = await mysqlDialect.introspector.introspect(connection, { excludeTables: ["sentinel"] });
    const table = live.table(renamed);
    expect(table?.columns.map((c) => c.name)).toContain("ren`amed; col");
    expect([table?.indexes, table?.uniques, table?.checks, table?.foreignKeys]).toEqual([[], [], [], []]);
    await run({ kind: "drop_table", schema: { ...hostile, table: { ...hostile.table, name: renamed } } });
    await run({ kind: "drop_table", schema: parent });
    const { rows } = await connection.query<{ n: string }>(
      "SELECT TABLE_NAME AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()",
    );
    expect(rows.map((r) => r.n)).toEqual(["sentinel"]);
  });
});
