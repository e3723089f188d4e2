import { describe, expect, test } from "vitest";
import { type MigError, type MigProblem, isMigError } from "../errors/mig-error";
import { bigint, date, integer, jsonb, serial, text, timestamptz, uuid, varchar } from "../schema/column-factories";
import { foreignKey } from "../schema/foreign-key";
import { type Table, table } from "../schema/table";
import { TableFacts } from "../schema/table-facts";
import { SCHEMA_RULES, findSchemaProblems, validateTables } from "./validate-tables";
import type { ValidateTablesOptions } from "./schema-rule";

function errorOf(tables: readonly Table[], options?: ValidateTablesOptions): MigError {
  try {
    validateTables(tables, options);
  } catch (error) {
    if (isMigError(error)) return error;
    throw error;
  }
  throw new Error("expected validateTables to throw");
}

const where = (problems: readonly MigProblem[]) => problems.map((p) => `${p.table ?? ""}.${p.column ?? ""}`);

describe("validateTables", () => {
  test("an unknown table option is a problem naming it, never dropped silently", () => {
    const Band = table("band", { name: text() }, { tablespace: "music" } as never);
    const error = errorOf([Band]);
    expect(error.code).toBe("MIG_E_SCHEMA_INVALID");
    expect(error.problems).toEqual([expect.objectContaining({ table: "band", message: expect.stringContaining('Unknown table option "tablespace"') })]);
  });

  test("valid tables pass, including the contract's example", () => {
    const Manager = table("manager", { name: varchar({ length: 50 }) });
    const Band = table("band", {
      name: varchar({ length: 100 }).unique(),
      manager: foreignKey(() => Manager, { onDelete: "cascade", onUpdate: "cascade" }).nullable(),
      popularity: integer().default(0).index(),
      founded: timestamptz().defaultNow(),
    }, { unique: [["name", "manager"]], indexes: [{ columns: ["popularity", "name"] }], checks: [{ name: "band_popularity_positive", sql: "popularity >= 0" }] });
    const BandMember = table("band_member", { band: foreignKey(() => Band), person: varchar({ length: 80 }) }, { primaryKey: ["band", "person"] });
    expect(() => validateTables([Manager, Band, BandMember])).not.toThrow();
  });

  test("reports every problem at once, each naming table and column", () => {
    const Ghost = table("ghost", {});
    const A = table("a", {
      x: integer().default("1" as never),
      y: text().dbName("x"),
      z: integer().default(null),
      ghost: foreignKey(() => Ghost),
    }, { indexes: [{ columns: ["nope" as never] }] });
    const B = table("a", { when: date().default("01/02/2020") });
    const error = errorOf([A, B]);
    expect(error.code).toBe("MIG_E_SCHEMA_INVALID");
    expect(where(error.problems)).toEqual(["a.", "a.x", "a.ghost", "a.x", "a.z", "a.when", "a.nope"]);
    expect(error.problems.every((p) => p.message.length > 0)).toBe(true);
  });

  test("duplicate table names", () => {
    expect(where(errorOf([table("t", {}), table("t", {})]).problems)).toEqual(["t."]);
  });

  test("a table with only the implicit id has no problems", () => {
    const T = table("t", {});
    expect(findSchemaProblems([T])).toEqual([]);
  });

  test("duplicate column names after dbName, and a user id clashing with the implicit id", () => {
    expect(where(errorOf([table("t", { a: text(), b: text().dbName("a") })]).problems)).toEqual(["t.a"]);
    const clash = errorOf([table("t", { id: integer() })]);
    expect(where(clash.problems)).toEqual(["t.id"]);
    expect(clash.problems[0]?.message).toContain("implicit");
  });

  test("FK to an unknown table, unless external", () => {
    const Other = table("other", {});
    const T = table("t", { other: foreignKey(() => Other) });
    expect(where(errorOf([T]).problems)).toEqual(["t.other"]);
    expect(findSchemaProblems([T], { externalTables: [Other] })).toEqual([]);
    expect(findSchemaProblems([T], { externalTables: ["other"] })).toEqual([]);
  });

  test("FK targets that are not tables, and bad actions", () => {
    const T = table("t", {
      a: foreignKey(() => ({ name: "x" }) as never),
      b: foreignKey(() => { throw new Error("boom"); }),
      c: foreignKey("self", { onDelete: "explode" as never }),
    });
    expect(where(errorOf([T]).problems)).toEqual(["t.a", "t.b", "t.c"]);
  });

  test("FK column option must name the target's primary key or a unique column", () => {
    const Target = table("target", { code: text().unique(), label: text(), alt: text() }, { unique: [["alt"]] });
    const ok = table("ok1", { a: foreignKey(() => Target, { column: "code" }), b: foreignKey(() => Target, { column: "alt" }), c: foreignKey(() => Target, { column: "id" }) });
    expect(findSchemaProblems([Target, ok])).toEqual([]);
    const bad = table("bad", { a: foreignKey(() => Target, { column: "label" }), b: foreignKey(() => Target, { column: "missing" }) });
    expect(where(errorOf([Target, bad]).problems)).toEqual(["bad.a", "bad.b"]);
  });

  test("FK to a table with a composite primary key needs a column", () => {
    const Pair = table("pair", { a: integer(), b: integer() }, { primaryKey: ["a", "b"] });
    expect(where(errorOf([Pair, table("t", { pair: foreignKey(() => Pair) })]).problems)).toEqual(["t.pair"]);
  });

  test("two primary keys, a missing or nullable primary key column", () => {
    expect(where(errorOf([table("t", { a: serial().primaryKey(), b: integer().primaryKey() })]).problems)).toEqual(["t.b"]);
    expect(where(errorOf([table("t", { a: serial().primaryKey(), b: integer() }, { primaryKey: ["b"] })]).problems)).toEqual(["t.a"]);
    expect(where(errorOf([table("t", { a: integer() }, { primaryKey: ["a", "zz" as never] })]).problems)).toEqual(["t.zz"]);
    expect(where(errorOf([table("t", { a: integer() }, { primaryKey: [] })]).problems)).toEqual(["t."]);
    expect(where(errorOf([table("t", { a: integer().primaryKey().nullable() })]).problems)).toEqual(["t.a"]);
  });

  test("default(null) on NOT NULL, and wrong default types, including through a foreign key", () => {
    const U = table("u", { id: uuid().primaryKey().defaultRandom() });
    const T = table("t", {
      a: text().default(null),
      b: jsonb().default({ ok: true }),
      c: foreignKey(() => U).default("not a uuid"),
      d: foreignKey(() => U).default("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
      e: bigint().default(1n),
      f: integer().nullable().default(null),
    });
    expect(where(errorOf([U, T]).problems)).toEqual(["t.a", "t.c"]);
  });

  test("empty names", () => {
    const error = errorOf([table("", { a: text() }), table("t", { "": text(), b: text().dbName("") })]);
    expect(error.code).toBe("MIG_E_IDENTIFIER");
    expect(where(error.problems)).toEqual([".", "t.", "t.b"]);
  });

  test("identifiers longer than the limit (default 63 bytes), given constraint names included", () => {
    const long = "x".repeat(64);
    const error = errorOf([table(long, { [long]: text(), b: text().unique({ name: `${long}1` }) }, { checks: [{ name: `${long}2`, sql: "true" }] })]);
    expect(error.code).toBe("MIG_E_IDENTIFIER");
    expect(error.problems).toHaveLength(4);
    expect(findSchemaProblems([table("abcd", {})], { maxIdentifierLength: 3 })).toHaveLength(1);
    // Derived names are shortened, never reported.
    expect(findSchemaProblems([table("t", { [`${"y".repeat(60)}`]: text().unique().index() })])).toEqual([]);
  });

  test("mixed identifier and other problems are MIG_E_SCHEMA_INVALID", () => {
    expect(errorOf([table("", { a: integer().default(null) })]).code).toBe("MIG_E_SCHEMA_INVALID");
  });

  test("options naming missing columns, empty lists, duplicates, checks without SQL", () => {
    const T = table("t", { a: text(), b: text() }, {
      unique: [["a", "zz" as never], [], { columns: ["b", "b"] }],
      indexes: [{ columns: ["yy" as never] }],
      checks: [{ sql: "" }],
    });
    expect(where(errorOf([T]).problems)).toEqual(["t.zz", "t.", "t.b", "t.yy", "t."]);
  });

  test("index methods: unknown ones always, unsupported ones when the dialect says", () => {
    const T = table("t", { a: text().index({ method: "gin" }) }, { indexes: [{ columns: ["a"], method: "hash", name: "t_a_hash" }] });
    expect(findSchemaProblems([T])).toEqual([]);
    expect(where(errorOf([T], { indexMethods: ["btree"] }).problems)).toEqual(["t.", "t.a"]);
    expect(findSchemaProblems([table("u", { a: text().index({ method: "fancy" as never }) })])).toHaveLength(1);
  });

  test("type parameters", () => {
    const T = table("t", { a: varchar({ length: 0 }), b: varchar({ length: 1.5 }) });
    expect(where(errorOf([T]).problems)).toEqual(["t.a", "t.b"]);
  });

  test("duplicate index or constraint names, given or derived", () => {
    const T = table("t", { a: text().unique() }, { unique: [["a"]] });
    expect(where(errorOf([T]).problems)).toEqual(["t.a"]);
    const A = table("a", { x: text().index({ name: "same" }) });
    const B = table("b", { y: text().unique({ name: "same" }) });
    expect(where(errorOf([A, B]).problems)).toEqual(["b.y"]);
  });

  test("columns that are not column builders", () => {
    expect(where(errorOf([table("t", { a: "text" as never })]).problems)).toEqual(["t.a"]);
  });

  test("the error message names the first problem and counts the rest; the hint says nothing was written", () => {
    const error = errorOf([table("t", { a: text().default(null), b: integer().default(null) })]);
    expect(error.message).toContain("t.a");
    expect(error.message).toContain("1 more");
    expect(error.hint).toBeTruthy();
  });

  test("a rule called with a context of its own (no shared facts) finds the same problems", () => {
    const Target = table("target", { name: text() }, { primaryKey: ["name"] });
    const tables = [
      Target,
      table("t", {
        a: integer().default("x" as never).index({ name: "dup" }),
        b: foreignKey(() => Target, { onDelete: "explode" as never }).unique({ name: "dup" }),
        c: text().unique({ name: "n".repeat(70) }),
      }),
    ];
    const base = { tables, knownTables: new Set(["target", "t"]), maxIdentifierLength: 63, indexMethods: undefined };
    const all = SCHEMA_RULES.flatMap((rule) => rule(base));
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(SCHEMA_RULES.flatMap((rule) => rule({ ...base, facts: new TableFacts(63) }))).toEqual(all);
    expect(findSchemaProblems(tables)).toEqual(all);
  });
});
