import { describe, expect, it } from "vitest";
import { looselyEqual, stableJson } from "./conformance-check";

describe("looselyEqual", () => {
  it("compares what drivers return with what a scenario expects", () => {
    expect(looselyEqual("12.50", 12.5)).toBe(true);
    expect(looselyEqual(9007199254740991n, 9007199254740991)).toBe(true);
    expect(looselyEqual(1, true)).toBe(true);
    expect(looselyEqual(0, false)).toBe(true);
    expect(looselyEqual('{"a":[1,2]}', { a: [1, 2] })).toBe(true);
    expect(looselyEqual(null, null)).toBe(true);
    expect(looselyEqual(undefined, null)).toBe(true);
  });

  it("still tells different values apart", () => {
    expect(looselyEqual("12.51", 12.5)).toBe(false);
    expect(looselyEqual(null, 0)).toBe(false);
    expect(looselyEqual("", 0)).toBe(false);
    expect(looselyEqual("a", "b")).toBe(false);
    expect(looselyEqual('{"a":1}', { a: 2 })).toBe(false);
    expect(looselyEqual(0, true)).toBe(false);
  });

  it("stableJson ignores key order", () => {
    expect(stableJson({ b: 1, a: { d: 2, c: 3 } })).toBe(stableJson({ a: { c: 3, d: 2 }, b: 1 }));
  });
});
