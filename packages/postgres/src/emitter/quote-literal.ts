import { type ColumnTypeSpec, type JsonValue, MigError, standardQuoteLiteral } from "@mig/core/dialect";

/**
 * A PostgreSQL string literal. Plain `'...'` with quotes doubled, unless the text holds a
 * backslash: then an escape string `E'...'` with backslashes doubled too.
 * A plain literal's backslashes are only literal while `standard_conforming_strings` is on (the
 * default since 9.1, but a server or role may turn it off); `E'...'` reads the same under both
 * settings, and emitting SQL never needs a connection to find out which one is in force.
 */
export function quotePostgresString(text: string): string {
  if (text.includes("\0")) throw new MigError("MIG_E_SCHEMA_INVALID", "String values must not contain the NUL character");
  const quoted = text.split("'").join("''");
  return text.includes("\\") ? `E'${quoted.split("\\").join("\\\\")}'` : `'${quoted}'`;
}

/** `"\\x0A0b"`, `"0x0a0b"` or `"0a0b"` → `"0a0b"`: the contract writes bytea values as hex. */
export function normaliseHex(value: string): string | undefined {
  const hex = value.replace(/^(\\x|0x)/i, "").toLowerCase();
  return /^([0-9a-f]{2})*$/.test(hex) ? hex : undefined;
}

/**
 * PostgreSQL's array input form of a one-dimensional array of scalars: `{"a","b",NULL}`, each
 * element in double quotes with `"` and `\` escaped (so commas, braces and the word NULL in a
 * string are data), NULL unquoted. The column's type reads the elements (`{"1","2"}` into int[]).
 */
function arrayLiteral(values: readonly JsonValue[]): string {
  const elements = values.map((v) => (v === null ? "NULL" : `"${(typeof v === "string" ? v : JSON.stringify(v)).replace(/["\\]/g, (c) => `\\${c}`)}"`));
  return `{${elements.join(",")}}`;
}

/**
 * Literals for PostgreSQL (an array's value in its input form): strings through {@link quotePostgresString}, JSON values as JSON text cast to
 * the column's json type, bytea as its hex input format.
 */
export function quotePostgresLiteral(value: JsonValue, column?: ColumnTypeSpec): string {
  if (value === null) return "NULL";
  if (column?.type === "json" || column?.type === "jsonb") return `${quotePostgresString(JSON.stringify(value))}::${column.type}`;
  if (column?.type === "bytea" && typeof value === "string") {
    const hex = normaliseHex(value);
    if (hex === undefined) {
      throw new MigError("MIG_E_SCHEMA_INVALID", `A bytea value must be a hex string, got ${JSON.stringify(value.slice(0, 40))}`, {
        hint: 'Write bytes as hex, e.g. "\\\\x0102" or "0102".',
      });
    }
    return `${quotePostgresString(`\\x${hex}`)}::bytea`;
  }
  if (column?.type === "array" && Array.isArray(value)) return quotePostgresString(arrayLiteral(value));
  if (typeof value === "string") return quotePostgresString(value);
  if (typeof value === "object") return quotePostgresString(JSON.stringify(value));
  return standardQuoteLiteral(value);
}
