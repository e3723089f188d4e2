import { type ColumnTypeSpec, type JsonValue, MigError, standardQuoteLiteral } from "@mig/core/dialect";

const INTEGER_TYPES = new Set(["integer", "bigint", "smallint"]);

/**
 * A SQLite literal. Strings are single-quoted with `''` for a quote and nothing else escaped:
 * SQLite has no backslash escapes, so backslashes and newlines
 * are written as they are. Booleans are `1`/`0` (SQLite has no boolean storage
 * class), bytea values are blob literals `X'…'`, JSON columns get JSON text.
 */
export function quoteSqliteLiteral(value: JsonValue, column?: ColumnTypeSpec): string {
  if (value === null) return "NULL";
  if (column?.type === "json" || column?.type === "jsonb") return standardQuoteLiteral(JSON.stringify(value));
  if (typeof value === "boolean") return value ? "1" : "0";
  if (column?.type === "bytea" && typeof value === "string") return `X'${canonicalHex(value)}'`;
  // A bigint beyond 2^53 is carried as a decimal string; it is still an integer literal.
  if (typeof value === "string" && INTEGER_TYPES.has(column?.type ?? "") && /^-?\d+$/.test(value)) return value;
  return standardQuoteLiteral(value);
}

/**
 * A bytea value as lowercase hex digits. Accepts PostgreSQL's `\x` prefix. Throws
 * `MIG_E_SCHEMA_INVALID` for anything that is not an even number of hex digits.
 */
export function canonicalHex(value: string): string {
  const hex = (value.startsWith("\\x") ? value.slice(2) : value).toLowerCase();
  if (!/^(?:[0-9a-f]{2})*$/.test(hex)) {
    throw new MigError("MIG_E_SCHEMA_INVALID", `A bytea default must be hex digits, got ${JSON.stringify(value)}`);
  }
  return hex;
}

/** Reads a string literal's text back: `'it''s'` → `it's`. */
export function unquoteString(literal: string): string {
  return literal.slice(1, -1).split("''").join("'");
}
