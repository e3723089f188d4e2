import { describe, expect, test } from "vitest";
import { integer, serial, text, varchar } from "./column-factories";
import { foreignKey } from "./foreign-key";
import { normaliseDefault } from "./normalise-default";
import { resolveColumnType, resolveForeignKey } from "./resolve-foreign-key";
import { type Table, table } from "./table";
import { primaryKeyColumns } from "./table-columns";
import { tableConstraints } from "./table-constraints";
import { TableFacts } from "./table-facts";

const Manager = table("manager", { name: varchar({ length: 50 }).unique(), rank: integer().default(3).index() });
const Band = table("band", {
  id: serial().primaryKey(),
  manager: foreignKey(() => Manager, { onDelete: "cascade" }).nullable().default(7),
  parent: foreignKey("self").nullable(),
  code: text().primaryKey().nullable().default(null),
  label: text().default("x"),
}, { unique: [["manager", "label"]], indexes: [{ columns: ["label"], method: "hash" }], checks: [{ sql: "rank > 0" }] });

describe("TableFacts", () => {
  test("answers as the functions it stands for", () => {
    const facts = new TableFacts(20);
    for (const t of [Manager, Band] as Table[]) {
      expect(facts.constraints(t)).toEqual(tableConstraints(t, 20));
      expect(facts.primaryKey(t)).toEqual(primaryKeyColumns(t));
      for (const column of t.columnList) {
        const type = resolveColumnType(t, column);
        expect(facts.columnType(t, column)).toEqual(type);
        if (column.definition.kind === "foreignKey") expect(facts.foreignKey(t, column)).toEqual(resolveForeignKey(t, column));
        const nullable = column.definition.nullable && !primaryKeyColumns(t).includes(column);
        expect(facts.nullable(t, column)).toBe(nullable);
        if (type.ok) expect(facts.columnDefault(t, column, type.value)).toEqual(normaliseDefault(column.definition.default, type.value, nullable));
      }
    }
  });

  test("works each answer out once", () => {
    let calls = 0;
    const Target = table("target", { name: text() });
    const T = table("t", { target: foreignKey(() => { calls++; return Target; }) });
    const facts = new TableFacts();
    const column = T.columnList[1]!;
    expect(facts.foreignKey(T, column)).toBe(facts.foreignKey(T, column));
    expect(facts.columnType(T, column)).toEqual({ ok: true, value: { type: "integer" } });
    expect(calls).toBe(1);
    expect(facts.constraints(T)).toBe(facts.constraints(T));
    expect(facts.primaryKey(T)).toBe(facts.primaryKey(T));
  });

  test("a problem is kept as the functions give it", () => {
    const T = table("t", { a: integer().default("x" as never), b: foreignKey(() => { throw new Error("boom"); }) });
    const facts = new TableFacts();
    const [, a, b] = T.columnList;
    expect(facts.columnDefault(T, a!, { type: "integer" })).toEqual({ ok: false, problem: 'Default "x" is not a valid integer value' });
    expect(facts.foreignKey(T, b!)).toEqual(resolveForeignKey(T, b!));
    expect(facts.columnType(T, b!).ok).toBe(false);
  });
});
