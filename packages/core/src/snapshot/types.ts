/** The column types of the table DSL. Dialects map each one to a native type (the core README's mapping table). */
export type TypeName =
  | "varchar"
  | "text"
  | "integer"
  | "bigint"
  | "smallint"
  | "serial"
  | "bigserial"
  | "boolean"
  | "real"
  | "doublePrecision"
  | "numeric"
  | "timestamp"
  | "timestamptz"
  | "date"
  | "time"
  | "uuid"
  | "json"
  | "jsonb"
  | "bytea"
  | "char"
  | "interval"
  | "enum"
  | "array";

export const TYPE_NAMES: readonly TypeName[] = [
  "varchar", "text", "integer", "bigint", "smallint", "serial", "bigserial", "boolean", "real",
  "doublePrecision", "numeric", "timestamp", "timestamptz", "date", "time", "uuid", "json", "jsonb", "bytea",
  "char", "interval", "enum", "array",
];

/** Types an `array(...)` may hold: scalars with a fixed meaning (no serials, arrays, enums or JSON). */
export const ARRAY_ELEMENT_TYPES: readonly TypeName[] = [
  "varchar", "text", "char", "integer", "bigint", "smallint", "boolean", "real", "doublePrecision", "numeric",
  "timestamp", "timestamptz", "date", "time", "uuid", "interval",
];

/**
 * What an `array(...)` column becomes where the dialect has no array type
 * (`capabilities.arrays` false): `"json"` stores it as a JSON array. Without a fallback such a
 * column is refused.
 */
export type ArrayFallback = "json";

/** Foreign-key actions, in SQL's words. `"no action"` is the default. */
export type ForeignKeyAction = "no action" | "restrict" | "cascade" | "set null" | "set default";

export const FOREIGN_KEY_ACTIONS: readonly ForeignKeyAction[] = ["no action", "restrict", "cascade", "set null", "set default"];

/** Index methods. Dialects declare which they support (`capabilities.indexMethods`). */
export type IndexMethod = "btree" | "hash" | "gin" | "gist" | "brin";

export const INDEX_METHODS: readonly IndexMethod[] = ["btree", "hash", "gin", "gist", "brin"];

/** A JSON value: what a literal default may hold. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * A column default.
 *
 * - `value`: a literal. Strings for text, dates, times, timestamps and decimals (`"12.50"`, exact,
 *   with the column's scale when it has one); numbers for integers and floats (a bigint beyond
 *   2^53 as a decimal string); booleans; any JSON value for json/jsonb; a lower-case hex string for bytea;
 *   `"NaN"`, `"Infinity"` or `"-Infinity"` for a float or numeric that is not finite (where the dialect
 *   has such values, `capabilities.nonFiniteNumbers`); one of the labels for an enum.
 * - `now`: the current timestamp / date / time (`.defaultNow()`).
 * - `random`: a random UUID (`.defaultRandom()`).
 * - `sql`: a raw SQL expression, written into the DDL as is (`.defaultSql()`), for what the others cannot say.
 */
export type ColumnDefault =
  | { readonly kind: "value"; readonly value: JsonValue }
  | { readonly kind: "now" }
  | { readonly kind: "random" }
  | { readonly kind: "sql"; readonly sql: string };
