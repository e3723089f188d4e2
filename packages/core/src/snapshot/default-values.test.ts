import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { canonicalJsonValue, decimalString } from "./default-values";

describe("decimalString", () => {
  test.each([
    [0, "0"], [-0, "0"], [12.5, "12.5"], [-3, "-3"], [1e21, "1000000000000000000000"], [1.5e-7, "0.00000015"],
    [-1.25e-8, "-0.0000000125"], [1.2345e22, "12345000000000000000000"],
  ])("%s → %s", (input, expected) => {
    expect(decimalString(input)).toBe(expected);
  });

  test("always a plain decimal with the same value", () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
      const text = decimalString(n);
      expect(text).toMatch(/^-?\d+(\.\d+)?$/);
      expect(Number(text)).toBe(n === 0 ? 0 : n);
    }));
  });
});

describe("canonicalJsonValue", () => {
  test("sorts keys deeply, keeps __proto__ as a key, freezes", () => {
    const input = JSON.parse('{"b":{"y":1,"x":[{"q":0,"p":-0}]},"__proto__":1,"a":null}');
    const copy = canonicalJsonValue(input);
    expect(JSON.stringify(copy)).toBe('{"__proto__":1,"a":null,"b":{"x":[{"p":0,"q":0}],"y":1}}');
    expect(Object.isFrozen(copy)).toBe(true);
  });

  test.each([[undefined], [Number.POSITIVE_INFINITY], [1n], [new Date(0)], [{ a: undefined }], [[() => 1]]])("%s is not JSON", (value) => {
    expect(canonicalJsonValue(value)).toBeUndefined();
  });
});
