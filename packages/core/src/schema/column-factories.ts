import { ColumnBuilder } from "./column-builder";
import type { ColumnDefinition } from "./column-definition";
import { OWNED } from "./owned-definition";
import { type ColumnTypeSpec, copyTypeParameters } from "../snapshot/entities";
import type { ArrayFallback, TypeName } from "../snapshot/types";

/** Piccolo's default varchar length, used when `varchar()` is given none. */
export const DEFAULT_VARCHAR_LENGTH = 255;

type MutableDefinition<K> = { -readonly [P in keyof ColumnDefinition]: ColumnDefinition[P] } & { kind: K };

/** A builder of `kind`, NOT NULL, not a key, with the type parameters that are given (in this order). */
function column<K extends TypeName>(kind: K, length?: number, precision?: number, scale?: number, more?: (definition: MutableDefinition<K>) => void): ColumnBuilder<K> {
  const definition: MutableDefinition<K> = { kind, nullable: false, primaryKey: false };
  if (length !== undefined) definition.length = length;
  if (precision !== undefined) definition.precision = precision;
  if (scale !== undefined) definition.scale = scale;
  more?.(definition);
  return new ColumnBuilder<K>(definition, OWNED);
}

/**
 * The keys of a factory's options object it does not know, recorded on the column so that
 * validation reports them (`varchar({ lenght: 5 })` is a `MIG_E_SCHEMA_INVALID` problem, never a
 * varchar(255) without a word).
 */
function unknownKeys(factory: string, options: object | undefined, known: readonly string[]): ((definition: MutableDefinition<TypeName>) => void) | undefined {
  if (options === undefined || options === null || typeof options !== "object") return undefined;
  const keys = Object.keys(options).filter((key) => !known.includes(key));
  if (keys.length === 0) return undefined;
  return (definition) => {
    definition.unknownOptions = Object.freeze({ factory, keys: Object.freeze(keys), known });
  };
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
  return column("varchar", options.length ?? DEFAULT_VARCHAR_LENGTH, undefined, undefined, unknownKeys("varchar", options, ["length"]));
}

/**
 * A fixed-length string of `length` characters (1 when not given, as in SQL). PostgreSQL and
 * MySQL pad it with spaces; SQLite stores it as TEXT without padding or a length check (see the
 * SQLite README).
 *
 * @example
 * ```ts
 * const code = char({ length: 3 }); // "GBP"
 * ```
 */
export function char(options: { readonly length?: number } = {}): ColumnBuilder<"char"> {
  return column("char", options.length ?? 1, undefined, undefined, unknownKeys("char", options, ["length"]));
}

/** A span of time (PostgreSQL INTERVAL). Dialects without one refuse it (`capabilities.interval`). */
export function interval(): ColumnBuilder<"interval"> {
  return column("interval");
}

/**
 * One of a fixed list of labels, in order. PostgreSQL makes a named type (`CREATE TYPE name AS
 * ENUM`, shared by every column that names it), MySQL an inline `ENUM(...)`, SQLite a text column
 * with a CHECK. Adding, removing and reordering labels, and renaming the type, are diffable changes.
 *
 * @example
 * ```ts
 * const mood = enumeration("mood", ["sad", "ok", "happy"]).default("ok");
 * ```
 */
export function enumeration(name: string, values: readonly string[]): ColumnBuilder<"enum"> {
  return column("enum", undefined, undefined, undefined, (definition) => {
    definition.enumName = name;
    definition.values = Object.freeze(Array.isArray(values) ? [...values] : values);
  });
}

/**
 * An array of `element` (its type only: modifiers such as `.nullable()` on the element are not
 * used). Native on dialects with arrays (`capabilities.arrays`, PostgreSQL); elsewhere refused
 * unless `fallback: "json"` is given, which stores the array as a JSON array there.
 *
 * @example
 * ```ts
 * const scores = array(integer());
 * const tags = array(varchar({ length: 20 }), { fallback: "json" });
 * ```
 */
export function array(element: ColumnBuilder, options: { readonly fallback?: ArrayFallback } = {}): ColumnBuilder<"array"> {
  const unknown = unknownKeys("array", options, ["fallback"]);
  return column("array", undefined, undefined, undefined, (definition) => {
    definition.element = elementSpec(element);
    if (options.fallback !== undefined) definition.fallback = options.fallback;
    unknown?.(definition);
  });
}

/** The element's type: kind and type parameters, key by key (an element has no fallback of its own). */
function elementSpec(element: ColumnBuilder): ColumnTypeSpec {
  const definition = (element as Partial<ColumnBuilder> | undefined)?.definition;
  const spec: { -readonly [K in keyof ColumnTypeSpec]: ColumnTypeSpec[K] } = { type: (definition?.kind ?? "unknown") as TypeName };
  if (definition === undefined) return spec;
  copyTypeParameters(spec, { ...definition, fallback: undefined });
  return Object.freeze(spec);
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
  return column("numeric", undefined, options.precision, options.scale, unknownKeys("numeric", options, ["precision", "scale"]));
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
