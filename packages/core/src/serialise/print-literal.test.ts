import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMigError } from "../errors/mig-error";
import { LINE_WIDTH, printKey, printLiteral, printString } from "./print-literal";

/** Evaluates printed source back into a value, as a module loader would. */
function evaluate(source: string): unknown {
  return new Function(`"use strict"; return (${source});`)();
}

/** Any UTF-16 string, lone surrogates included. */
const anyString = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) });

const HOSTILE = [
  'say "hi"', "it's", "back\\slash", "new\nline", "cr\r\n", "tab\t", "${injected}", "`tick`", "</script>",
  "\u2028\u2029", "\u202e reversed", "zero\u200bwidth", "\ufeffbom", "\ud800 lone", "\udfff", "emoji 🎸", "nul\u0000", "",
];

describe("printString", () => {
  it.each(HOSTILE)("round-trips %j", (value) => {
    expect(evaluate(printString(value))).toBe(value);
  });

  it("round-trips any string, and the literal is one visible line", () => {
    fc.assert(
      fc.property(anyString, (value) => {
        const printed = printString(value);
        expect(evaluate(printed)).toBe(value);
        expect(printed).not.toMatch(/[\n\r\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff]/);
        expect(printed.startsWith('"') && printed.endsWith('"')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("escapes invisible characters but keeps readable unicode", () => {
    expect(printString("café 🎸")).toBe('"café 🎸"');
    expect(printString("a\u2028b\u202ec")).toBe('"a\\u2028b\\u202ec"');
  });
});

describe("printKey", () => {
  it("quotes only what is not a plain identifier, and never writes a bare __proto__", () => {
    expect(printKey("name")).toBe("name");
    expect(printKey("$x_1")).toBe("$x_1");
    expect(printKey("weird key")).toBe('"weird key"');
    expect(printKey("1a")).toBe('"1a"');
    expect(printKey("__proto__")).toBe('["__proto__"]');
  });
});

describe("printLiteral", () => {
  it("round-trips any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(evaluate(printLiteral(value))).toEqual(value);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps -0 and a __proto__ key as they are", () => {
    expect(Object.is(evaluate(printLiteral(-0)), -0)).toBe(true);
    const value = JSON.parse('{"__proto__": {"x": 1}, "a": 2}') as object;
    const back = evaluate(printLiteral(value)) as object;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(["__proto__", "a"]);
  });

  it("writes short values on one line and long ones over several, with 2-space indent", () => {
    expect(printLiteral({ name: "id", type: "serial", nullable: undefined })).toBe('{ name: "id", type: "serial" }');
    expect(printLiteral([])).toBe("[]");
    expect(printLiteral({})).toBe("{}");
    const long = { a: "x".repeat(60), b: ["y".repeat(40)] };
    expect(printLiteral(long)).toBe(`{\n  a: "${"x".repeat(60)}",\n  b: ["${"y".repeat(40)}"],\n}`);
    expect(printLiteral({ list: [{ a: 1 }, { b: 2 }] })).toBe("{\n  list: [\n    { a: 1 },\n    { b: 2 },\n  ],\n}");
    expect(printLiteral({ a: 1 }, { breakOuter: true })).toBe("{\n  a: 1,\n}");
  });

  it("keeps lines within the width when the values allow it", () => {
    const value = { columns: Array.from({ length: 20 }, (_, i) => ({ name: `column_${i}`, type: "varchar", length: i + 1, default: { kind: "value", value: "z".repeat(i) } })) };
    for (const line of printLiteral(value).split("\n")) expect(line.length).toBeLessThanOrEqual(LINE_WIDTH);
  });

  it("refuses what is not plain data", () => {
    for (const value of [Number.NaN, Infinity, new Date(), () => 1, 1n, [undefined], new Map()]) {
      try {
        printLiteral(value);
        expect.unreachable();
      } catch (error) {
        expect(isMigError(error, "MIG_E_INTERNAL")).toBe(true);
      }
    }
  });
});
