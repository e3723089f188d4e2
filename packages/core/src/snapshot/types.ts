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
  | "bytea";

export const TYPE_NAMES: readonly TypeName[] = [
  "varchar", "text", "integer", "bigint", "smallint", "serial", "bigserial", "boolean", "real",
  "doublePrecision", "numeric", "timestamp", "timestamptz", "date", "time", "uuid", "json", "jsonb", "bytea",
];

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
 *   2^53 as a decimal string); booleans; any JSON value for json/jsonb; a lower-case hex string for bytea.
 * - `now`: the current timestamp / date / time (`.defaultNow()`).
 * - `random`: a random UUID (`.defaultRandom()`).
 * - `sql`: a raw SQL expression, written into the DDL as is (`.defaultSql()`), for what the others cannot say.
 */
export type ColumnDefault =
  | { readonly kind: "value"; readonly value: JsonValue }
  | { readonly kind: "now" }
  | { readonly kind: "random" }
  | { readonly kind: "sql"; readonly sql: string };
