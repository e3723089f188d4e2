import type { SchemaScenario } from "../conformance-scenario";
import { type TableSpec, col, schema, value } from "../schema-builders";
import { EMPTY, ID } from "./fixtures";

/** Names that break naive quoting: quotes of every kind, statement separators, spaces, unicode, reserved words. */
export const HOSTILE = {
  parent: "Pa`rent 'table'",
  table: 'Wé"ird; DROP TABLE x; --',
  backtick: "back`tick",
  semicolon: "semi;colon",
  space: "with space",
  unicode: "ünïcødé_名前",
  reserved: "select",
  quote: "it's",
  index: 'idx "hostile"; --',
  unique: "uq 'x' ;",
  foreignKey: 'fk "ref" `x`',
  check: "ck;1 'x'",
} as const;

/** A string default no naive escaping survives. */
export const HOSTILE_STRING = "it's a \"quote\" \\ backslash \\\\ double\nnew line\ttab; DROP TABLE band; --";

const parent: TableSpec = { name: HOSTILE.parent, columns: [ID, col(HOSTILE.reserved, "varchar", { length: 30 })] };

const table: TableSpec = {
  name: HOSTILE.table,
  columns: [
    ID,
    col(HOSTILE.backtick, "varchar", { length: 200, default: value(HOSTILE_STRING) }),
    col(HOSTILE.semicolon, "integer", { default: value(0) }),
    col(HOSTILE.space, "text", { nullable: true }),
    col(HOSTILE.unicode, "varchar", { length: 40, default: value("ünïcødé ✓ 名前") }),
    col(HOSTILE.reserved, "integer", { nullable: true }),
    col(HOSTILE.quote, "integer", { nullable: true }),
  ],
  indexes: [{ name: HOSTILE.index, columns: [HOSTILE.semicolon, HOSTILE.reserved] }],
  uniques: [{ name: HOSTILE.unique, columns: [HOSTILE.unicode] }],
  foreignKeys: [{ name: HOSTILE.foreignKey, columns: [HOSTILE.quote], references: { table: HOSTILE.parent, columns: ["id"] }, onDelete: "cascade" }],
};

const RENAMED = { table: 'renamed "again"', column: "sel`ect" } as const;

export const HOSTILE_SCENARIOS: readonly SchemaScenario[] = [
  {
    name: "hostile names and string defaults round-trip",
    before: EMPTY,
    after: schema(parent, table),
    rows: { [HOSTILE.parent]: [{ [HOSTILE.reserved]: "p" }], [HOSTILE.table]: [{ [HOSTILE.space]: HOSTILE_STRING, [HOSTILE.quote]: 1 }] },
    afterForwards: async (c) => {
      await c.expectRows(
        HOSTILE.table,
        [{ [HOSTILE.backtick]: HOSTILE_STRING, [HOSTILE.semicolon]: 0, [HOSTILE.space]: HOSTILE_STRING, [HOSTILE.unicode]: "ünïcødé ✓ 名前", [HOSTILE.quote]: 1 }],
        "id",
      );
      await c.expectFailure(() => c.db.table(HOSTILE.table).insert({ [HOSTILE.space]: "duplicate default" }), "the unique constraint on the unicode column");
      await c.expectFailure(() => c.db.table(HOSTILE.table).insert({ [HOSTILE.unicode]: "other", [HOSTILE.quote]: 99 }), "the foreign key");
    },
  },
  {
    name: "hostile names: rename a table and a column",
    before: schema(parent, table),
    after: schema(parent, {
      ...table,
      name: RENAMED.table,
      columns: table.columns.map((c) => (c.name === HOSTILE.semicolon ? { ...c, name: RENAMED.column } : c)),
      indexes: [{ name: HOSTILE.index, columns: [RENAMED.column, HOSTILE.reserved] }],
    }),
    renames: { tables: [{ from: HOSTILE.table, to: RENAMED.table }], columns: [{ table: RENAMED.table, from: HOSTILE.semicolon, to: RENAMED.column }] },
    seed: { [HOSTILE.parent]: [{ [HOSTILE.reserved]: "p" }], [HOSTILE.table]: [{ [HOSTILE.semicolon]: 5, [HOSTILE.quote]: 1 }] },
    afterForwards: async (c) => c.expectRows(RENAMED.table, [{ [RENAMED.column]: 5, [HOSTILE.backtick]: HOSTILE_STRING }], "id"),
    afterBackwards: async (c) => c.expectRows(HOSTILE.table, [{ [HOSTILE.semicolon]: 5 }], "id"),
  },
  {
    name: "hostile names: a check constraint",
    before: EMPTY,
    after: schema({ name: HOSTILE.table, columns: [ID, col("n", "integer")], checks: [{ name: HOSTILE.check, sql: "n >= 0" }] }),
    appliesTo: (can) => can.checkConstraints,
    afterForwards: async (c) => c.expectFailure(() => c.db.table(HOSTILE.table).insert({ n: -1 }), "the check constraint"),
  },
];
