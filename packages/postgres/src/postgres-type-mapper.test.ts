import { TYPE_NAMES } from "@mig/core/dialect";
import { describe, expect, it } from "vitest";
import { postgresTypeMapper as types } from "./postgres-type-mapper";

describe("postgresTypeMapper", () => {
  it("renders every contract type", () => {
    expect(TYPE_NAMES.filter((t) => !["char", "interval", "enum", "array"].includes(t)).map((type) => types.toNative({ type }))).toEqual([
      "VARCHAR", "TEXT", "INTEGER", "BIGINT", "SMALLINT", "SERIAL", "BIGSERIAL", "BOOLEAN", "REAL",
      "DOUBLE PRECISION", "NUMERIC", "TIMESTAMP", "TIMESTAMPTZ", "DATE", "TIME", "UUID", "JSON", "JSONB", "BYTEA",
    ]);
    expect(types.toNative({ type: "varchar", length: 50 })).toBe("VARCHAR(50)");
    expect(types.toNative({ type: "numeric", precision: 5, scale: 2 })).toBe("NUMERIC(5, 2)");
    expect(types.toNative({ type: "numeric", precision: 7 })).toBe("NUMERIC(7)");
    expect(types.toNative({ type: "char", length: 3 })).toBe("CHAR(3)");
    expect(types.toNative({ type: "interval" })).toBe("INTERVAL");
    expect(types.toNative({ type: "enum", enumName: 'mo"od', values: ["a"] })).toBe('"mo""od"');
    expect(types.toNative({ type: "array", element: { type: "varchar", length: 20 } })).toBe("VARCHAR(20)[]");
    expect(types.fromNative("character", { length: 3 })).toEqual({ type: "char", length: 3 });
    expect(types.canonical?.({ type: "array", element: { type: "numeric", precision: 5 }, fallback: "json" })).toEqual({ type: "array", element: { type: "numeric", precision: 5, scale: 0 } });
  });

  it("reads back information_schema's names, serials from their sequence default", () => {
    expect(types.fromNative("character varying", { length: 50 })).toEqual({ type: "varchar", length: 50 });
    expect(types.fromNative("character varying")).toEqual({ type: "varchar" });
    expect(types.fromNative("integer", { autoIncrement: true })).toEqual({ type: "serial" });
    expect(types.fromNative("bigint", { autoIncrement: true })).toEqual({ type: "bigserial" });
    expect(types.fromNative("numeric", { precision: 5, scale: 2 })).toEqual({ type: "numeric", precision: 5, scale: 2 });
    expect(types.fromNative("timestamp without time zone")).toEqual({ type: "timestamp" });
    expect(types.fromNative("timestamp with time zone")).toEqual({ type: "timestamptz" });
    expect(types.fromNative("time without time zone")).toEqual({ type: "time" });
    expect(types.fromNative("double precision")).toEqual({ type: "doublePrecision" });
    expect(types.fromNative("tsvector")).toBeUndefined();
    expect(types.fromNative("time with time zone")).toBeUndefined();
  });

  it("canonical: NUMERIC(p) is NUMERIC(p, 0); parameters of other types are dropped", () => {
    expect(types.canonical?.({ type: "numeric", precision: 7 })).toEqual({ type: "numeric", precision: 7, scale: 0 });
    expect(types.canonical?.({ type: "text", length: 3 })).toEqual({ type: "text" });
    expect(types.canonical?.({ type: "varchar", length: 3 })).toEqual({ type: "varchar", length: 3 });
  });
});
