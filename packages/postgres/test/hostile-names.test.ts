import { type ColumnEntity, type Connection, qualifiedTableName } from "@mig/core/dialect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresDialect } from "../src/index";
import { apply, createTables, expected, introspect } from "./support/apply";
import { col, tableSchema } from "./support/schema-builders";
import { type TestDatabase, createTestDatabase } from "./support/test-database";

let db: TestDatabase;
let connection: Connection;

beforeAll(async () => {
  db = await createTestDatabase();
  connection = await db.connect();
  await connection.query(`CREATE TABLE victim (id integer)`);
});
afterAll(async () => {
  await db?.drop();
});

const q = postgresDialect.emitter.hooks.quoteIdentifier;

const PARENT = `par"ent; DROP TABLE victim; --`;
const TABLE = `we"ird \`table\`; $mig$ ünï 表`;
const NAMES = {
  id: "select",
  quote: `col"umn`,
  backtick: "back`tick",
  semicolon: "semi;colon); DROP TABLE victim; --",
  space: "has space",
  unicode: "ünïcødé_表_🎸",
  reserved: "user",
  dollar: "$$dollar$$",
  parent: `par"ent'ref`,
} as const;

const STRING_DEFAULTS = [
  `it's a 'quoted' "string"`,
  "back\\slash \\' \\\\ and \\n not a newline",
  "line one\nline two\r\n\ttabbed",
  "${template} $$ dollar $mig$ ;-- comment",
  "'; DROP TABLE victim; --",
  "ünïcødé 表 🎸",
];

function schemas() {
  const parent = tableSchema(PARENT, { columns: [col(PARENT, "order", { type: "serial" }), col(PARENT, "group", { type: "text" })] });
  const columns: ColumnEntity[] = [
    col(TABLE, NAMES.id, { type: "serial" }),
    col(TABLE, NAMES.quote, { type: "integer" }, { default: { kind: "value", value: 0 } }),
    col(TABLE, NAMES.backtick, { type: "varchar", length: 200 }, { nullable: true }),
    col(TABLE, NAMES.semicolon, { type: "jsonb" }, { default: { kind: "value", value: { "it's": "a\\b\n", "'); --": [1] } } }),
    col(TABLE, NAMES.space, { type: "text" }, { nullable: true }),
    col(TABLE, NAMES.unicode, { type: "text" }, { nullable: true }),
    col(TABLE, NAMES.reserved, { type: "integer" }, { nullable: true }),
    col(TABLE, NAMES.dollar, { type: "integer" }),
    col(TABLE, NAMES.parent, { type: "integer" }, { nullable: true }),
    ...STRING_DEFAULTS.map((s, i) => col(TABLE, `default ${i} "'\``, { type: "text" }, { default: { kind: "value", value: s } })),
  ];
  const table = tableSchema(TABLE, {
    columns,
    indexes: [
      { name: `idx "quoted" ; --`, columns: [NAMES.backtick, NAMES.space], method: "btree" },
      { name: "idx `gin` 表", columns: [NAMES.semicolon], method: "gin" },
    ],
    uniques: [{ name: `uniq 'single' "double"`, columns: [NAMES.unicode, NAMES.reserved] }],
    checks: [
      { name: `check ; DROP TABLE victim; --`, sql: `${q(NAMES.quote)} >= 0 AND ${q(NAMES.reserved)} <> 7` },
      { name: "check 'literal'", sql: `${q(NAMES.space)} <> 'it''s; DROP TABLE victim; --'` },
    ],
    foreignKeys: [
      {
        name: `fk "to" parent`,
        columns: [NAMES.parent],
        references: { table: PARENT, columns: ["order"] },
        onDelete: "set null",
        onUpdate: "cascade",
      },
    ],
  });
  return { parent, table };
}

describe("hostile names and values (PostgreSQL)", () => {
  it("creates tables, columns, indexes and constraints with hostile names, and reads them back equal", async () => {
    const { parent, table } = schemas();
    await createTables(connection, parent, table);
    const actual = await introspect(connection);
    expect(actual.table(TABLE)).toEqual(expected(parent, table).table(TABLE));
    expect(actual.table(PARENT)).toEqual(expected(parent, table).table(PARENT));
    STRING_DEFAULTS.forEach((s, i) => expect(actual.column(TABLE, `default ${i} "'\``)?.default).toEqual({ kind: "value", value: s }));
    expect(actual.tableNames()).toContain("victim");
  });

  it("stores the string defaults byte for byte", async () => {
    await connection.query(`INSERT INTO ${q(PARENT)} (${q("group")}) VALUES ($1)`, ["g"]);
    await connection.query(`INSERT INTO ${q(TABLE)} (${q(NAMES.dollar)}) VALUES ($1)`, [1]);
    const { rows } = await connection.query<Record<string, string>>(`SELECT * FROM ${q(TABLE)}`);
    STRING_DEFAULTS.forEach((s, i) => expect(rows[0]![`default ${i} "'\``]).toBe(s));
    expect(rows[0]![NAMES.semicolon]).toEqual({ "it's": "a\\b\n", "'); --": [1] });
  });

  it("alters, renames and drops everything by its hostile name, and nothing else", async () => {
    const { parent, table } = schemas();
    const [index] = table.indexes;
    const [unique] = table.uniques;
    const [check] = table.checks;
    const [fk] = table.foreignKeys;
    const serial = table.columns[0]!;
    const text = table.columns[5]!;
    const NEW_TABLE = `re"named ; DROP TABLE victim; -- 表`;
    await apply(
      connection,
      { kind: "drop_index", index: index! },
      { kind: "drop_unique", unique: unique! },
      { kind: "drop_check", check: check! },
      { kind: "drop_foreign_key", foreignKey: fk! },
      { kind: "alter_column", table: TABLE, from: serial, to: { ...serial, type: "integer" } },
      { kind: "alter_column", table: TABLE, from: text, to: { ...text, default: { kind: "value", value: "x'\\y" }, nullable: false }, backfill: "b'\\f" },
      { kind: "rename_column", table: TABLE, from: NAMES.space, to: `${NAMES.space} "renamed"` },
      { kind: "rename_table", from: TABLE, to: NEW_TABLE },
      { kind: "add_index", index: { ...index!, table: NEW_TABLE, columns: [NAMES.backtick] } },
    );
    const actual = await introspect(connection);
    expect(actual.column(NEW_TABLE, NAMES.id)).toMatchObject({ type: "integer", default: null });
    expect(actual.column(NEW_TABLE, NAMES.unicode)).toMatchObject({ nullable: false, default: { kind: "value", value: "x'\\y" } });
    expect(actual.column(NEW_TABLE, `${NAMES.space} "renamed"`)).toBeDefined();
    expect(actual.table(NEW_TABLE)?.indexes.map((i) => [i.name, i.columns])).toEqual([
      [index!.name, [NAMES.backtick]],
      ["idx `gin` 表", [NAMES.semicolon]],
    ]);
    expect(actual.table(NEW_TABLE)?.uniques).toEqual([]);
    expect(actual.table(NEW_TABLE)?.foreignKeys).toEqual([]);
    expect(actual.table(NEW_TABLE)?.checks.map((c) => c.name)).toEqual(["check 'literal'"]);
    const { rows } = await connection.query<Record<string, string>>(`SELECT ${q(NAMES.unicode)} AS v FROM ${q(NEW_TABLE)}`);
    expect(rows).toEqual([{ v: "b'\\f" }]);

    await apply(connection, { kind: "drop_table", schema: { ...table, table: { ...table.table, name: NEW_TABLE } } }, { kind: "drop_table", schema: parent });
    expect((await introspect(connection)).tableNames()).toEqual(["victim"]);
  });

  it("puts a table in a schema with a hostile name, moves it to another and back, serial and index included, and leaves nothing", async () => {
    const SCHEMA = `sch"ema.; DROP TABLE victim; -- $mig$`;
    const OTHER = `other "schéma"`;
    const inSchema = qualifiedTableName(SCHEMA, TABLE);
    const moved = qualifiedTableName(OTHER, `${TABLE} 2`);
    const created = tableSchema(inSchema, {
      columns: [col(inSchema, NAMES.id, { type: "serial" }), col(inSchema, NAMES.quote, { type: "text" })],
      indexes: [{ name: `idx "q"`, columns: [NAMES.quote], method: "btree" }],
    });
    await createTables(connection, created);
    expect((await introspect(connection, [SCHEMA])).table(inSchema)).toEqual(expected(created).table(inSchema));
    await apply(connection, { kind: "rename_table", from: inSchema, to: moved });
    await connection.query(`INSERT INTO ${postgresDialect.emitter.hooks.quoteTable(moved)} (${q(NAMES.quote)}) VALUES ('x')`);
    const after = await introspect(connection, [SCHEMA, OTHER]);
    expect(after.tableNames()).toEqual([moved, "victim"]);
    expect(after.table(moved)?.indexes.map((i) => i.name)).toEqual([`idx "q"`]);
    // The schema mig made and emptied is gone; the one the table is in now stays.
    const schemata = async () => (await connection.query<{ n: string }>(`SELECT nspname AS n FROM pg_namespace WHERE nspname IN ($1, $2) ORDER BY 1`, [SCHEMA, OTHER])).rows.map((r) => r.n);
    expect(await schemata()).toEqual([OTHER]);
    await apply(connection, { kind: "rename_table", from: moved, to: TABLE });
    expect((await introspect(connection, [SCHEMA, OTHER])).tableNames()).toEqual(["victim", TABLE]);
    expect(await schemata()).toEqual([]);
    await apply(connection, { kind: "drop_table", schema: { ...created, table: { ...created.table, name: TABLE } } });
    expect((await introspect(connection)).tableNames()).toEqual(["victim"]);
  });
});
