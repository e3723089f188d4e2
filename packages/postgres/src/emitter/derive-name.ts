import { createHash } from "node:crypto";

const MAX_BYTES = 63;

/**
 * A derived name that fits PostgreSQL's 63-byte identifiers (NAMEDATALEN - 1, manual §4.1.1):
 * a longer one becomes its first 54 bytes (never cutting a character) + "_" + 8 hex characters of
 * the SHA-256 of the full name, the convention every mig dialect uses.
 */
export function deriveName(name: string): string {
  if (Buffer.byteLength(name, "utf8") <= MAX_BYTES) return name;
  let head = "";
  for (const char of name) {
    if (Buffer.byteLength(head + char, "utf8") > 54) break;
    head += char;
  }
  return `${head}_${createHash("sha256").update(name, "utf8").digest("hex").slice(0, 8)}`;
}
