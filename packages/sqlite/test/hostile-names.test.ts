import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Entity, type SchemaOperation, Snapshot } from "@mig/core/dialect";
import { type SqliteConnection, sqliteDialect } from "../src/index";
import { column, createTables, entitiesOfSchemas, plain, tableSchema, tempDatabase } from "./fixtures";

const T = `band"; DROP TABLE victim; --`;
const PARENT = `ünïcødé 名前 🎸 [x] \`back\`tick\``;
const ID = `select`;
const COL = `we"ird 'col'; --`;
const REF = `order`;
const NASTY = `it's "quoted" \\ back\\slash\nnew line\r\n\ttab ; -- not a comment /* nor this */ \${x} '' ?`;

let db: Awaited<ReturnType<typeof tempDatabase>>;
let connection: SqliteConnection;
beforeEach(async () => {
  db = await tempDatabase();
  connection = db.connection;
  await connection.query(`CREATE TABLE victim (id INTEGER PRIMARY KEY)`);
});
afterEach(async () => db.cleanup());

const parent = tableSchema(PARENT, [{ name: ID, type: "serial" }, { name: "from", type: "text", default: { kind: "value", value: NASTY } }], {
  primaryKey: [ID],
  uniques: [{ name: `uq "from"; DROP TABLE victim`, columns: ["from"] }],
});
const child = tableSchema(
  T,
  [
    { name: ID, type: "serial" },
    { name: COL, type: "integer", default: { kind: "value", value: 1 } },
    { name: REF, type: "integer", nullable: true },
    { name: "group by", type: "varchar", length: 20, default: { kind: "value", value: `a'b"c\\` } },
  ],
  {
    primaryKey: [ID],
    indexes: [{ name: `idx "x" \`y\` [z] ;`, columns: [COL, "group by"], method: "btree" }],
    uniques: [{ name: `unique 'it''s' "q"`, columns: [REF, "group by"] }],
    checks: [{ name: `chk ") --`, sql: `"we""ird 'col'; --" >= 0 AND "group by" <> 'x'')--'` }],
    foreignKeys: [{ name: `fk "${PARENT}"`, columns: [REF], references: { table: PARENT, columns: [ID] }, onDelete: "set null", onUpdate: "cascade" }],
  },
);

async function introspectedEquals(entities: readonly Entity[]) {
  const actual = await sqliteDialect.introspector.introspect(connection, { excludeTables: ["victim"] });
  expect(plain(actual)).toEqual(plain(sqliteDialect.normalise!(Snapshot.fromEntities(entities))));
  expect((await connection.query(`SELECT name FROM sqlite_master WHERE name = 'victim'`)).rows).toHaveLength(1);
  return actual;
}

async function run(operation: SchemaOperation) {
  for (const statement of sqliteDialect.emitter.emit(operation)) await connection.execute(statement);
}

describe("hostile names (quotes, backticks, brackets, semicolons, spaces, unicode, reserved words)", () => {
  it("create_table round-trips every name and default, and nothing is injected", async () => {
    await createTables(connection, [parent, child]);
    const actual = await introspectedEquals(entitiesOfSchemas([parent, child]));
    expect(actual.column(PARENT, "from")?.default).toEqual({ kind: "value", value: NASTY });
    // The defaults really are the values: insert a row and read them back.
    await connection.query(`INSERT INTO ${sqliteDialect.emitter.hooks.quoteIdentifier(PARENT)} DEFAULT VALUES`);
    const { rows } = await connection.query(`SELECT "from" AS v FROM ${sqliteDialect.emitter.hooks.quoteIdentifier(PARENT)}`);
    expect(rows).toEqual([{ v: NASTY }]);
  });

  it("constraints with hostile names are enforced", async () => {
    await createTables(connection, [parent, child]);
    const q = sqliteDialect.emitter.hooks.quoteIdentifier;
    await expect(connection.query(`INSERT INTO ${q(T)} (${q(COL)}) VALUES (?)`, [-1])).rejects.toThrow(/CHECK/);
    await expect(connection.query(`INSERT INTO ${q(T)} (${q(REF)}) VALUES (?)`, [999])).rejects.toThrow(/FOREIGN KEY/);
  });

  it("renames, add / drop column and index, all with hostile names, round-trip", async () => {
    await createTables(connection, [parent, child]);
    const renamed = `renamed "${T}" 🎸`;
    await run({ kind: "rename_table", from: T, to: renamed });
    await run({ kind: "rename_column", table: renamed, from: "group by", to: `where "clause"` });
    const added = column(renamed, { name: `new 'col' "x"; --`, type: "text", nullable: true, default: { kind: "value", value: NASTY } });
    await run({ kind: "add_column", table: renamed, column: added });
    const index = { kind: "index", table: renamed, name: `ix "new"; --`, columns: [added.name], method: "btree" } as const;
    await run({ kind: "add_index", index });
    const oldIndex = { ...child.indexes[0]!, table: renamed, columns: [COL, `where "clause"`] };
    await run({ kind: "drop_index", index: oldIndex });

    const actual = await sqliteDialect.introspector.introspect(connection, { excludeTables: ["victim"] });
    const table = actual.table(renamed);
    expect(table?.columns.map((c) => c.name)).toEqual([ID, COL, REF, `where "clause"`, added.name]);
    expect(table?.indexes.map((i) => i.name)).toEqual([index.name]);
    expect(table?.uniques).toEqual([{ kind: "unique", table: renamed, name: child.uniques[0]!.name, columns: [REF, `where "clause"`] }]);
    expect(table?.foreignKeys.map((f) => [f.name, f.references.table])).toEqual([[child.foreignKeys[0]!.name, PARENT]]);
    expect(table?.checks.map((c) => c.name)).toEqual([child.checks[0]!.name]);
    expect(actual.column(renamed, added.name)?.default).toEqual({ kind: "value", value: NASTY });

    await run({ kind: "drop_index", index });
    await run({ kind: "drop_column", table: renamed, column: added });
    await run({ kind: "drop_table", schema: { ...child, table: { ...child.table, name: renamed } } });
    expect((await sqliteDialect.introspector.introspect(connection, { excludeTables: ["victim"] })).tableNames()).toEqual([PARENT]);
  });
});
