import type { TypeName } from "../snapshot/types";
import type { ColumnTypeSpec } from "../snapshot/entities";

/**
 * Digits needed to write every value of a type as text (sign included), or `Infinity` when
 * there is no fixed bound. Used to tell whether a varchar(n) can hold the old values.
 */
const TEXT_WIDTH: Partial<Record<TypeName, number>> = {
  smallint: 6, integer: 11, bigint: 20, serial: 11, bigserial: 20, boolean: 5,
  uuid: 36, date: 10, time: 15, timestamp: 26, timestamptz: 32,
};

/** Integer digits each integer type needs (for numeric targets). */
const INTEGER_DIGITS: Partial<Record<TypeName, number>> = { smallint: 5, integer: 10, serial: 10, bigint: 19, bigserial: 19 };

/** Types each type converts to without losing any value (besides text, handled separately). */
const WIDER: Partial<Record<TypeName, readonly TypeName[]>> = {
  smallint: ["integer", "bigint", "real", "doublePrecision"],
  integer: ["bigint", "doublePrecision"],
  serial: ["integer", "bigint", "doublePrecision"],
  bigserial: ["bigint"],
  real: ["doublePrecision"],
  boolean: ["smallint", "integer", "bigint"],
  date: ["timestamp", "timestamptz"],
  // Same instants, read in another time zone convention: no value is lost.
  timestamp: ["timestamptz"],
  timestamptz: ["timestamp"],
  // jsonb normalises (key order, duplicate keys), but every value survives.
  json: ["jsonb"],
  jsonb: ["json"],
};

const TEXTUAL: ReadonlySet<TypeName> = new Set(["text", "varchar"]);

/**
 * True when changing a column from `from` to `to` can lose or reject existing values, so the
 * `alter_column` is marked `lossy` (and the user warned): bigint → integer → smallint,
 * doublePrecision → real, text → varchar, varchar length down, numeric precision or scale down,
 * json/jsonb → anything but json, jsonb or text, text → any non-text type (the cast may fail), ...
 * A change to the same type with the same parameters is not narrowing.
 *
 * @example
 * ```ts
 * isNarrowingChange({ type: "bigint" }, { type: "integer" }); // true
 * isNarrowingChange({ type: "varchar", length: 50 }, { type: "text" }); // false
 * ```
 */
export function isNarrowingChange(from: ColumnTypeSpec, to: ColumnTypeSpec): boolean {
  if (to.type === "text") return from.type === "bytea";
  if (to.type === "varchar") return !fitsVarchar(from, to.length);
  if (to.type === "numeric") return !fitsNumeric(from, to);
  if (from.type === to.type) return false;
  return !(WIDER[from.type]?.includes(to.type) ?? false);
}

function fitsVarchar(from: ColumnTypeSpec, length: number | undefined): boolean {
  const limit = length ?? Infinity;
  if (from.type === "varchar") return limit >= (from.length ?? Infinity);
  // Text has no bound: only an unbounded varchar could hold it, and varchar is bounded in most dialects.
  if (from.type === "text" || from.type === "json" || from.type === "jsonb" || from.type === "bytea") return false;
  if (from.type === "numeric") return from.precision !== undefined && limit >= from.precision + 2;
  return limit >= (TEXT_WIDTH[from.type] ?? Infinity);
}

function fitsNumeric(from: ColumnTypeSpec, to: ColumnTypeSpec): boolean {
  const unbounded = to.precision === undefined;
  const toScale = to.scale ?? 0;
  if (from.type === "numeric") {
    if (unbounded) return true;
    if (from.precision === undefined) return false;
    const fromScale = from.scale ?? 0;
    return toScale >= fromScale && (to.precision ?? 0) - toScale >= from.precision - fromScale;
  }
  const digits = INTEGER_DIGITS[from.type];
  if (digits === undefined) return false;
  return unbounded || (to.precision ?? 0) - toScale >= digits;
}
