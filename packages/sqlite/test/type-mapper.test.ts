import { describe, expect, it } from "vitest";
import { type ColumnTypeSpec, TYPE_NAMES } from "@mig/core/dialect";
import { affinityType, parseDeclaredType, sqliteTypeMapper } from "../src/sqlite-type-mapper";

const specs: ColumnTypeSpec[] = [
  { type: "varchar", length: 100 },
  { type: "varchar" },
  { type: "numeric", precision: 5, scale: 2 },
  { type: "numeric", precision: 9 },
  { type: "numeric" },
  ...TYPE_NAMES.filter((t) => !["varchar", "numeric", "char", "interval", "enum", "array"].includes(t)).map((type) => ({ type })),
];

describe("sqlite type mapper", () => {
  it("writes the contract's own type names", () => {
    expect(specs.map((s) => sqliteTypeMapper.toNative(s))).toEqual([
      "VARCHAR(100)", "VARCHAR", "NUMERIC(5, 2)", "NUMERIC(9)", "NUMERIC",
      "TEXT", "INTEGER", "BIGINT", "SMALLINT", "INTEGER", "INTEGER", "BOOLEAN", "REAL", "DOUBLE PRECISION",
      "TIMESTAMP", "TIMESTAMP", "DATE", "TIME", "UUID", "JSON", "JSON", "BLOB",
    ]);
  });

  it("reads every native type back as the canonical contract type", () => {
    for (const spec of specs) {
      const autoIncrement = spec.type === "serial" || spec.type === "bigserial";
      expect(sqliteTypeMapper.fromNative(sqliteTypeMapper.toNative(spec), { autoIncrement }), spec.type).toEqual(sqliteTypeMapper.canonical!(spec));
    }
  });

  it("char, enums and JSON-fallback arrays; interval and bare arrays are refused", () => {
    expect(sqliteTypeMapper.toNative({ type: "char", length: 3 })).toBe("CHAR(3)");
    expect(sqliteTypeMapper.fromNative("CHAR(3)")).toEqual({ type: "char", length: 3 });
    expect(sqliteTypeMapper.fromNative("character")).toEqual({ type: "char", length: 1 });
    expect(sqliteTypeMapper.toNative({ type: "enum", enumName: "mood", values: ["a"] })).toBe("TEXT");
    expect(sqliteTypeMapper.canonical!({ type: "enum", enumName: "mood", values: ["a"] })).toEqual({ type: "enum", values: ["a"] });
    expect(sqliteTypeMapper.toNative({ type: "array", element: { type: "integer" }, fallback: "json" })).toBe("JSON");
    expect(sqliteTypeMapper.canonical!({ type: "array", element: { type: "integer" }, fallback: "json" })).toEqual({ type: "json" });
    expect(() => sqliteTypeMapper.toNative({ type: "array", element: { type: "integer" } })).toThrow(/no array type/);
    expect(() => sqliteTypeMapper.toNative({ type: "interval" })).toThrow(/no interval type/);
  });

  it("canonical: what SQLite really keeps", () => {
    expect(sqliteTypeMapper.canonical!({ type: "timestamptz" })).toEqual({ type: "timestamp" });
    expect(sqliteTypeMapper.canonical!({ type: "jsonb" })).toEqual({ type: "json" });
    expect(sqliteTypeMapper.canonical!({ type: "bigserial" })).toEqual({ type: "serial" });
    expect(sqliteTypeMapper.canonical!({ type: "bigint" })).toEqual({ type: "bigint" });
    expect(sqliteTypeMapper.canonical!({ type: "text", length: 3 })).toEqual({ type: "text" });
  });

  it("reads common spellings of other tools, case and spacing aside", () => {
    expect(sqliteTypeMapper.fromNative("character varying ( 20 )")).toEqual({ type: "varchar", length: 20 });
    expect(sqliteTypeMapper.fromNative("decimal(10,3)")).toEqual({ type: "numeric", precision: 10, scale: 3 });
    expect(sqliteTypeMapper.fromNative("int")).toEqual({ type: "integer" });
    expect(sqliteTypeMapper.fromNative("datetime")).toEqual({ type: "timestamp" });
    expect(sqliteTypeMapper.fromNative("double")).toEqual({ type: "doublePrecision" });
    expect(sqliteTypeMapper.fromNative("jsonb")).toEqual({ type: "json" });
    expect(sqliteTypeMapper.fromNative("MEDIUMTEXT")).toBeUndefined();
    expect(sqliteTypeMapper.fromNative("")).toBeUndefined();
  });

  it("falls back to SQLite's affinity rules for unknown names", () => {
    expect(affinityType("MEDIUMINT")).toEqual({ type: "integer" });
    expect(affinityType("NCHAR(5)")).toEqual({ type: "text" });
    expect(affinityType("")).toEqual({ type: "bytea" });
    expect(affinityType("FLOATING")).toEqual({ type: "doublePrecision" });
    expect(affinityType("MONEY")).toEqual({ type: "numeric" });
  });

  it("parses declared types", () => {
    expect(parseDeclaredType(" double   precision ")).toEqual({ name: "DOUBLE PRECISION", args: [] });
    expect(parseDeclaredType("NUMERIC(5, 2)")).toEqual({ name: "NUMERIC", args: [5, 2] });
    expect(parseDeclaredType("VARCHAR(x)")).toBeUndefined();
  });
});
