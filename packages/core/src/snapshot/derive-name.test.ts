import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { deriveName, identifierByteLength, truncateUtf8 } from "./derive-name";

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
});
