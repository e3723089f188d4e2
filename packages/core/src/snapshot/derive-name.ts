import { createHash } from "node:crypto";

/** The longest derived name, in bytes: PostgreSQL's limit, the smallest of the built-in dialects. */
export const MAX_DERIVED_NAME_LENGTH = 63;

/**
 * The name mig gives an index or constraint the user did not name: the parts and the suffix
 * joined by `_` (`deriveName(["band", "name"], "key")` → `"band_name_key"`).
 *
 * A name longer than `maxLength` bytes (UTF-8) becomes its first `maxLength - 9` bytes (63 → 54),
 * cut at a character boundary, then `_` and the first 8 hex digits of the SHA-256 of the whole
 * name: unique in practice, the same on every machine, and never longer than `maxLength`.
 *
 * @example
 * ```ts
 * deriveName(["band", "manager"], "fkey"); // "band_manager_fkey"
 * deriveName(["a".repeat(70), "b"], "idx"); // "aaa…a_1f0c3e5d" (63 bytes)
 * ```
 */
export function deriveName(parts: readonly string[], suffix: string, maxLength = MAX_DERIVED_NAME_LENGTH): string {
  const full = parts.length === 0 ? suffix : `${parts.join("_")}_${suffix}`;
  if (!isLongerThan(full, maxLength)) return full;
  const hash = createHash("sha256").update(full, "utf8").digest("hex").slice(0, 8);
  return `${truncateUtf8(full, Math.max(0, maxLength - 9))}_${hash}`;
}

/** The longest prefix of `text` whose UTF-8 encoding fits in `maxBytes`, never splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, "utf8");
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}

/**
 * True when `name` takes more than `maxBytes` bytes in UTF-8. Measures only when it must: a UTF-16
 * code unit takes one to three bytes, so the string's length alone decides most names.
 *
 * @example
 * ```ts
 * isLongerThan("band_name_key", 63); // false
 * isLongerThan("é".repeat(32), 63); // true (64 bytes)
 * ```
 */
export function isLongerThan(name: string, maxBytes: number): boolean {
  const length = name.length;
  if (length > maxBytes) return true;
  if (length * 3 <= maxBytes) return false;
  return Buffer.byteLength(name, "utf8") > maxBytes;
}

/** The length of an identifier in UTF-8 bytes, as databases count it. */
export function identifierByteLength(name: string): number {
  return Buffer.byteLength(name, "utf8");
}
