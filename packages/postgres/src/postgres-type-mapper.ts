import { type ColumnTypeSpec, type TypeMapper, type TypeName, quoteIdentifierWith } from "@mig/core/dialect";

/** An enum's type name in DDL, quoted (the emitter's identifier rule without its length check, which the emitter applies). */
const quoteTypeName = quoteIdentifierWith('"');

/** The DDL spelling of each contract type. */
const NATIVE: Readonly<Record<TypeName, string>> = {
  varchar: "VARCHAR",
  text: "TEXT",
  integer: "INTEGER",
  bigint: "BIGINT",
  smallint: "SMALLINT",
  // SERIAL / BIGSERIAL are not types but shorthands: an integer column, a sequence owned
  // by it and a `nextval` default. They are only valid in CREATE TABLE and ADD COLUMN.
  serial: "SERIAL",
  bigserial: "BIGSERIAL",
  boolean: "BOOLEAN",
  real: "REAL",
  doublePrecision: "DOUBLE PRECISION",
  numeric: "NUMERIC",
  timestamp: "TIMESTAMP",
  timestamptz: "TIMESTAMPTZ",
  date: "DATE",
  time: "TIME",
  uuid: "UUID",
  json: "JSON",
  jsonb: "JSONB",
  bytea: "BYTEA",
  // CHARACTER(n), blank-padded.
  char: "CHAR",
  interval: "INTERVAL",
  // Written by toNative: the enum's own (quoted) name, an array its element's type and `[]`.
  enum: "",
  array: "",
};

/**
 * Native names as `information_schema.columns.data_type` and `format_type` report them, plus the
 * internal aliases (`int4`, `float8`, ...) a user may write.
 */
const FROM_NATIVE: Readonly<Record<string, TypeName>> = {
  "character varying": "varchar",
  varchar: "varchar",
  text: "text",
  integer: "integer",
  int: "integer",
  int4: "integer",
  bigint: "bigint",
  int8: "bigint",
  smallint: "smallint",
  int2: "smallint",
  boolean: "boolean",
  bool: "boolean",
  real: "real",
  float4: "real",
  "double precision": "doublePrecision",
  float8: "doublePrecision",
  numeric: "numeric",
  decimal: "numeric",
  "timestamp without time zone": "timestamp",
  timestamp: "timestamp",
  "timestamp with time zone": "timestamptz",
  timestamptz: "timestamptz",
  date: "date",
  "time without time zone": "time",
  time: "time",
  uuid: "uuid",
  json: "json",
  jsonb: "jsonb",
  bytea: "bytea",
  character: "char",
  bpchar: "char",
  interval: "interval",
};

/** The type a column really has on disk: a serial is an integer with a sequence default. */
export function storageType(spec: ColumnTypeSpec): ColumnTypeSpec {
  if (spec.type === "serial") return { type: "integer" };
  if (spec.type === "bigserial") return { type: "bigint" };
  return spec;
}

export function isSerial(spec: ColumnTypeSpec): boolean {
  return spec.type === "serial" || spec.type === "bigserial";
}

/**
 * Contract types ⇄ PostgreSQL types.
 *
 * @example
 * ```ts
 * postgresTypeMapper.toNative({ type: "varchar", length: 50 }); // "VARCHAR(50)"
 * postgresTypeMapper.fromNative("character varying", { length: 50 }); // { type: "varchar", length: 50 }
 * ```
 */
export const postgresTypeMapper: TypeMapper = {
  toNative(spec) {
    const base = NATIVE[spec.type];
    if ((spec.type === "varchar" || spec.type === "char") && spec.length !== undefined) return `${base}(${spec.length})`;
    if (spec.type === "enum") return quoteTypeName(spec.enumName ?? "");
    if (spec.type === "array") return `${postgresTypeMapper.toNative(spec.element ?? { type: "text" })}[]`;
    if (spec.type === "numeric" && spec.precision !== undefined) {
      return spec.scale !== undefined ? `${base}(${spec.precision}, ${spec.scale})` : `${base}(${spec.precision})`;
    }
    return base;
  },

  fromNative(native, details = {}) {
    const type = FROM_NATIVE[native.trim().toLowerCase()];
    if (type === undefined) return undefined;
    if (details.autoIncrement && type === "integer") return { type: "serial" };
    if (details.autoIncrement && type === "bigint") return { type: "bigserial" };
    if ((type === "varchar" || type === "char") && details.length != null) return { type, length: details.length };
    if (type === "numeric" && details.precision != null) {
      return { type, precision: details.precision, scale: details.scale ?? 0 };
    }
    return { type };
  },

  canonical(spec) {
    // An array is native here: its JSON fallback is for other dialects and leaves no trace.
    if (spec.type === "array") {
      const element = spec.element === undefined ? undefined : (postgresTypeMapper.canonical?.(spec.element) ?? spec.element);
      return element === undefined ? { type: "array" } : { type: "array", element };
    }
    // NUMERIC(p) means NUMERIC(p, 0), and PostgreSQL reports it that way.
    if (spec.type === "numeric" && spec.precision !== undefined && spec.scale === undefined) {
      return { ...spec, scale: 0 };
    }
    if (spec.type !== "numeric" && (spec.precision !== undefined || spec.scale !== undefined)) {
      const { precision: _p, scale: _s, ...rest } = spec;
      return rest;
    }
    if (spec.type !== "varchar" && spec.type !== "char" && spec.length !== undefined) {
      const { length: _l, ...rest } = spec;
      return rest;
    }
    return spec;
  },
};
