import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { deriveName, identifierByteLength, isLongerThan, truncateUtf8 } from "./derive-name";

describe("deriveName", () => {
  test("joins parts and suffix with _", () => {
    expect(deriveName(["band", "name"], "key")).toBe("band_name_key");
    expect(deriveName(["band", "popularity", "name"], "idx")).toBe("band_popularity_name_idx");
  });

  test("a name of exactly 63 bytes is kept", () => {
    const name = deriveName(["a".repeat(59)], "idx");
    expect(name).toBe(`${"a".repeat(59)}_idx`);
    expect(name.length).toBe(63);
  });

  test("a longer name becomes 54 bytes + _ + 8 hex of sha256 of the full name", () => {
    const full = `${"t".repeat(40)}_${"c".repeat(30)}_fkey`;
    const hash = createHash("sha256").update(full).digest("hex").slice(0, 8);
    expect(deriveName(["t".repeat(40), "c".repeat(30)], "fkey")).toBe(`${full.slice(0, 54)}_${hash}`);
  });

  test("multi-byte characters are never split", () => {
    const name = deriveName(["é".repeat(40)], "key");
    expect(identifierByteLength(name)).toBeLessThanOrEqual(63);
    expect(name.startsWith("é".repeat(27))).toBe(true);
    expect(name).toMatch(/^é{27}_[0-9a-f]{8}$/);
  });

  test("another limit", () => {
    expect(identifierByteLength(deriveName(["x".repeat(40)], "idx", 30))).toBe(30);
  });

  test("property: at most the limit, deterministic, different long names differ", () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: "grapheme", maxLength: 40 }), { minLength: 1, maxLength: 4 }), fc.constantFrom("key", "idx", "fkey"), (parts, suffix) => {
      const name = deriveName(parts, suffix);
      expect(identifierByteLength(name)).toBeLessThanOrEqual(63);
      expect(deriveName(parts, suffix)).toBe(name);
      expect(deriveName([...parts, "z".repeat(64)], suffix)).not.toBe(deriveName([...parts, "y".repeat(64)], suffix));
    }));
  });

  test("truncateUtf8", () => {
    expect(truncateUtf8("a😀b", 4)).toBe("a");
    expect(truncateUtf8("a😀b", 5)).toBe("a😀");
  });

  test("isLongerThan agrees with the byte length, whatever the characters", () => {
    expect(isLongerThan("a".repeat(63), 63)).toBe(false);
    expect(isLongerThan("a".repeat(64), 63)).toBe(true);
    expect(isLongerThan("é".repeat(31), 63)).toBe(false);
    expect(isLongerThan("é".repeat(32), 63)).toBe(true);
    expect(isLongerThan("\ud800".repeat(21), 63)).toBe(false);
    expect(isLongerThan("\ud800".repeat(22), 63)).toBe(true);
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 80 }), fc.integer({ min: 0, max: 100 }), (name, max) => {
      expect(isLongerThan(name, max)).toBe(identifierByteLength(name) > max);
    }));
  });
});
