import { MigError, type ColumnTypeSpec, type JsonValue } from "@mig/core/dialect";
import { mysqlDateTimeText } from "./mysql-datetime";

/**
 * A MySQL string literal. Quotes are doubled AND backslashes doubled: MySQL reads `\` as an escape
 * character in string literals unless the NO_BACKSLASH_ESCAPES SQL mode is on. mig's connections switch that mode off, so this form is right there
 * and in the server's default mode.
 */
export function quoteMysqlString(text: string): string {
  if (text.includes("\0")) throw new MigError("MIG_E_SCHEMA_INVALID", "String values must not contain the NUL character");
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/** `X'0102ff'` from a hex string (`"0102ff"`, `"\\x0102FF"` or `"0x0102ff"`). */
export function quoteMysqlHex(hex: string): string {
  return `X'${canonicalHex(hex)}'`;
}

/** A bytea default's hex string in canonical form: lower case, no prefix. */
export function canonicalHex(hex: string): string {
  const digits = hex.replace(/^(\\x|0x)/i, "").toLowerCase();
  if (digits.length % 2 !== 0 || !/^[0-9a-f]*$/.test(digits)) {
    throw new MigError("MIG_E_SCHEMA_INVALID", `A bytea default must be a hex string, got ${JSON.stringify(hex)}`);
  }
  return digits;
}

/**
 * A literal value as MySQL SQL, for a column of type `column`: JSON columns get JSON text,
 * bytea columns a hex literal, booleans TRUE / FALSE.
 */
export function quoteMysqlLiteral(value: JsonValue, column?: ColumnTypeSpec): string {
  if (value === null) return "NULL";
  if (column?.type === "json" || column?.type === "jsonb") return quoteMysqlString(JSON.stringify(value));
  if (column?.type === "bytea" && typeof value === "string") return quoteMysqlHex(value);
  if ((column?.type === "timestamp" || column?.type === "timestamptz") && typeof value === "string") {
    return quoteMysqlString(mysqlDateTimeText(value));
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new MigError("MIG_E_SCHEMA_INVALID", `Cannot write the number ${value} as SQL`);
    return String(value);
  }
  return quoteMysqlString(typeof value === "string" ? value : JSON.stringify(value));
}

const ESCAPES: Readonly<Record<string, string>> = { "0": "\0", b: "\b", n: "\n", r: "\r", t: "\t", Z: "\x1a" };

/** The character a backslash escape stands for: `\%` and `\_` keep their backslash (they are LIKE escapes), an unknown `\x` is `x`. */
export function readMysqlEscape(next: string): string {
  return ESCAPES[next] ?? (next === "%" || next === "_" ? `\\${next}` : next);
}
