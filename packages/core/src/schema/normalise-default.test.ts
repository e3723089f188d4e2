import { describe, expect, test } from "vitest";
import type { ColumnTypeSpec } from "../snapshot/entities";
import type { DefaultSpec } from "./column-definition";
import { normaliseDefault } from "./normalise-default";
import type { TypeName } from "../snapshot/types";

const value = (v: unknown): DefaultSpec => ({ kind: "value", value: v });
const spec = (type: TypeName, params: Partial<ColumnTypeSpec> = {}): ColumnTypeSpec => ({ type, ...params });
const normalised = (s: DefaultSpec | undefined, type: ColumnTypeSpec, nullable = false) => {
  const result = normaliseDefault(s, type, nullable);
  return result.ok ? result.value : `problem`;
};

describe("normaliseDefault: accepted defaults, normalised", () => {
  test.each<[string, TypeName, Partial<ColumnTypeSpec>, unknown, unknown]>([
    ["integer", "integer", {}, 0, 0],
    ["integer from bigint", "integer", {}, 42n, 42],
    ["smallint", "smallint", {}, -32768, -32768],
    ["bigint from number", "bigint", {}, 5, 5],
    ["integer -0 is 0", "integer", {}, -0, 0],
    ["integer bounds as numbers", "integer", {}, -(2 ** 31), -(2 ** 31)],
    ["smallint upper bound as a number", "smallint", {}, 32767, 32767],
    ["bigint from the smallest safe number", "bigint", {}, Number.MIN_SAFE_INTEGER, Number.MIN_SAFE_INTEGER],
    ["bigint from a small bigint, as a number", "bigint", {}, 5n, 5],
    ["bigint at 2^53 - 1, a number", "bigint", {}, 9007199254740991n, 9007199254740991],
    ["bigint from bigint", "bigint", {}, 9007199254740993n, "9007199254740993"],
    ["bigint from digits", "bigint", {}, "-9223372036854775808", "-9223372036854775808"],
    ["real", "real", {}, 1.5, 1.5],
    ["real -0 is 0", "real", {}, -0, 0],
    ["NaN for real, as its word", "real", {}, Number.NaN, "NaN"],
    ["Infinity for double, as its word", "doublePrecision", {}, Infinity, "Infinity"],
    ["-Infinity word for numeric", "numeric", { precision: 5, scale: 2 }, "-Infinity", "-Infinity"],
    ["char within its length", "char", { length: 3 }, "ab", "ab"],
    ["enum label", "enum", { enumName: "mood", values: ["sad", "ok"] }, "ok", "ok"],
    ["double", "doublePrecision", {}, -2.25e-10, -2.25e-10],
    ["numeric string kept exact", "numeric", { precision: 5, scale: 2 }, "12.50", "12.50"],
    ["numeric number as string, padded to the scale", "numeric", { precision: 5, scale: 2 }, 2.5, "2.50"],
    ["numeric scale 0", "numeric", { precision: 5, scale: 0 }, "-12", "-12"],
    ["numeric precision only means scale 0", "numeric", { precision: 5 }, 12, "12"],
    ["numeric big number, no exponent", "numeric", {}, 1e21, "1000000000000000000000"],
    ["numeric tiny number, no exponent", "numeric", {}, 1.5e-7, "0.00000015"],
    ["numeric bigint", "numeric", {}, 123n, "123"],
    ["boolean", "boolean", {}, false, false],
    ["varchar", "varchar", { length: 5 }, "it's", "it's"],
    ["text with quotes and newlines", "text", {}, 'a"b\\c\n${x}', 'a"b\\c\n${x}'],
    ["date string", "date", {}, "2024-02-29", "2024-02-29"],
    ["date from Date (UTC day)", "date", {}, new Date("2020-01-02T23:00:00Z"), "2020-01-02"],
    ["time", "time", {}, "13:45:10.123456", "13:45:10.123456"],
    ["timestamp from Date", "timestamp", {}, new Date("2020-01-02T03:04:05.006Z"), "2020-01-02T03:04:05.006Z"],
    ["timestamptz string", "timestamptz", {}, "2020-01-02 03:04:05+02:00", "2020-01-02 03:04:05+02:00"],
    ["uuid lower-cased", "uuid", {}, "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"],
    ["json with sorted keys", "json", {}, { b: [1, { d: 1, c: 2 }], a: "x" }, { a: "x", b: [1, { c: 2, d: 1 }] }],
    ["jsonb scalar", "jsonb", {}, "text", "text"],
    ["bytea from bytes", "bytea", {}, new Uint8Array([0, 255, 16]), "00ff10"],
    ["bytea hex", "bytea", {}, "DEADbeef", "deadbeef"],
  ])("%s", (_, type, params, input, expected) => {
    const result = normalised(value(input), spec(type, params));
    expect(result).toEqual({ kind: "value", value: expected });
    // Keys of JSON values come out sorted, not just equal.
    if (typeof expected === "object") expect(JSON.stringify(result)).toBe(JSON.stringify({ kind: "value", value: expected }));
  });

  test("no default, null on a nullable column, now, random, sql", () => {
    expect(normalised(undefined, spec("integer"))).toBeNull();
    expect(normalised(value(null), spec("integer"), true)).toBeNull();
    for (const type of ["timestamp", "timestamptz", "date", "time"] as const) expect(normalised({ kind: "now" }, spec(type))).toEqual({ kind: "now" });
    expect(normalised({ kind: "random" }, spec("uuid"))).toEqual({ kind: "random" });
    expect(normalised({ kind: "sql", sql: "1 + 1" }, spec("integer"))).toEqual({ kind: "sql", sql: "1 + 1" });
  });
});

describe("normaliseDefault: refused defaults", () => {
  test.each<[string, TypeName, Partial<ColumnTypeSpec>, DefaultSpec, boolean]>([
    ["null on NOT NULL", "integer", {}, value(null), false],
    ["string for integer", "integer", {}, value("1"), false],
    ["fraction for integer", "integer", {}, value(1.5), false],
    ["unsafe number for bigint", "bigint", {}, value(2 ** 60), false],
    ["integer out of range", "integer", {}, value(2 ** 31), false],
    ["integer below its range", "integer", {}, value(-(2 ** 31) - 1), false],
    ["smallint out of range, as a number", "smallint", {}, value(32768), false],
    ["smallint out of range", "smallint", {}, value(40000n), false],
    ["Infinity as text for text-like words", "real", {}, value("infinity"), false],
    ["interval literal", "interval", {}, value("1 day"), false],
    ["array literal", "array", { element: { type: "integer" } }, value([1]), false],
    ["enum label not listed", "enum", { enumName: "mood", values: ["sad", "ok"] }, value("happy"), false],
    ["too long for char", "char", { length: 2 }, value("abc"), false],
    ["string for real", "real", {}, value("1.5"), false],
    ["bad decimal string", "numeric", {}, value("1e5"), false],
    ["decimal too wide", "numeric", { precision: 4, scale: 2 }, value("123.4"), false],
    ["more fraction digits than the scale", "numeric", { precision: 6, scale: 2 }, value("1.234"), false],
    ["a fraction for scale 0", "numeric", { precision: 6 }, value(1.5), false],
    ["number for boolean", "boolean", {}, value(1), false],
    ["number for text", "text", {}, value(1), false],
    ["too long for varchar", "varchar", { length: 3 }, value("abcd"), false],
    ["non-ISO date", "date", {}, value("02/03/2020"), false],
    ["impossible date", "date", {}, value("2023-02-29"), false],
    ["invalid Date", "timestamp", {}, value(new Date("nope")), false],
    ["bad timestamp", "timestamptz", {}, value("yesterday"), false],
    ["bad time", "time", {}, value("25:00"), false],
    ["bad uuid", "uuid", {}, value("not-a-uuid"), false],
    ["non-JSON for json", "json", {}, value({ a: () => 1 }), false],
    ["class instance for json", "jsonb", {}, value(new Map()), false],
    ["odd hex for bytea", "bytea", {}, value("abc"), false],
    ["undefined", "text", {}, value(undefined), true],
    ["default on serial", "serial", {}, value(1), false],
    ["now on integer", "integer", {}, { kind: "now" }, false],
    ["random on text", "text", {}, { kind: "random" }, false],
    ["empty sql", "text", {}, { kind: "sql", sql: " " }, false],
  ])("%s", (_, type, params, input, nullable) => {
    expect(normalised(input, spec(type, params), nullable)).toBe("problem");
  });
});

describe("normaliseDefault: the same answer for a safe number and its bigint", () => {
  test.each<[TypeName, number]>([["smallint", 32768], ["smallint", -32769], ["integer", 2 ** 31], ["integer", 7], ["bigint", -(2 ** 40)], ["smallint", -0]])(
    "%s %d",
    (type, n) => {
      expect(normaliseDefault(value(n), spec(type), false)).toEqual(normaliseDefault(value(BigInt(n)), spec(type), false));
      const result = normaliseDefault(value(n), spec(type), false);
      if (result.ok) expect(Object.isFrozen(result.value)).toBe(true);
    },
  );
});
