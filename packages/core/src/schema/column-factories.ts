import { ColumnBuilder } from "./column-builder";
import type { ColumnDefinition } from "./column-definition";
import { OWNED } from "./owned-definition";
import type { TypeName } from "../snapshot/types";

/** Piccolo's default varchar length, used when `varchar()` is given none. */
export const DEFAULT_VARCHAR_LENGTH = 255;

/** A builder of `kind`, NOT NULL, not a key, with the type parameters that are given (in this order). */
function column<K extends TypeName>(kind: K, length?: number, precision?: number, scale?: number): ColumnBuilder<K> {
  const definition: { -readonly [P in keyof ColumnDefinition]: ColumnDefinition[P] } & { kind: K } = { kind, nullable: false, primaryKey: false };
  if (length !== undefined) definition.length = length;
  if (precision !== undefined) definition.precision = precision;
  if (scale !== undefined) definition.scale = scale;
  return new ColumnBuilder<K>(definition, OWNED);
}

/**
 * A variable-length string of at most `length` characters (255 when not given).
 *
 * @example
 * ```ts
 * const Band = table("band", { name: varchar({ length: 100 }).unique() });
 * ```
 */
export function varchar(options: { readonly length?: number } = {}): ColumnBuilder<"varchar"> {
  return column("varchar", options.length ?? DEFAULT_VARCHAR_LENGTH);
}

/** Unbounded text. */
export function text(): ColumnBuilder<"text"> {
  return column("text");
}

/** A 32-bit integer. */
export function integer(): ColumnBuilder<"integer"> {
  return column("integer");
}

/** A 64-bit integer. Defaults beyond 2^53 are kept as decimal strings (exact): give them as bigint or string. */
export function bigint(): ColumnBuilder<"bigint"> {
  return column("bigint");
}

/** A 16-bit integer. */
export function smallint(): ColumnBuilder<"smallint"> {
  return column("smallint");
}

/** An auto-incrementing 32-bit integer. Foreign keys to it are `integer`. */
export function serial(): ColumnBuilder<"serial"> {
  return column("serial");
}

/** An auto-incrementing 64-bit integer. Foreign keys to it are `bigint`. */
export function bigserial(): ColumnBuilder<"bigserial"> {
  return column("bigserial");
}

export function boolean(): ColumnBuilder<"boolean"> {
  return column("boolean");
}

/** A 4-byte float. */
export function real(): ColumnBuilder<"real"> {
  return column("real");
}

/** An 8-byte float. */
export function doublePrecision(): ColumnBuilder<"doublePrecision"> {
  return column("doublePrecision");
}

/**
 * An exact decimal with `precision` digits, `scale` of them after the point. Defaults are kept
 * as strings so that no digit is lost.
 *
 * @example
 * ```ts
 * const rating = numeric({ precision: 5, scale: 2 }).default("2.50");
 * ```
 */
export function numeric(options: { readonly precision?: number; readonly scale?: number } = {}): ColumnBuilder<"numeric"> {
  return column("numeric", undefined, options.precision, options.scale);
}

/** A timestamp without time zone. */
export function timestamp(): ColumnBuilder<"timestamp"> {
  return column("timestamp");
}

/** A timestamp with time zone. */
export function timestamptz(): ColumnBuilder<"timestamptz"> {
  return column("timestamptz");
}

export function date(): ColumnBuilder<"date"> {
  return column("date");
}

/** A time of day without time zone. */
export function time(): ColumnBuilder<"time"> {
  return column("time");
}

export function uuid(): ColumnBuilder<"uuid"> {
  return column("uuid");
}

export function json(): ColumnBuilder<"json"> {
  return column("json");
}

/** Binary JSON where the dialect has it (PostgreSQL), JSON elsewhere. */
export function jsonb(): ColumnBuilder<"jsonb"> {
  return column("jsonb");
}

/** Binary data. */
export function bytea(): ColumnBuilder<"bytea"> {
  return column("bytea");
}
