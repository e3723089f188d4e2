import type { Table } from "./table";
import type { ColumnTypeSpec } from "../snapshot/entities";
import type { ForeignKeyAction, IndexMethod, JsonValue, TypeName } from "../snapshot/types";

/** What a column builder makes: one of the contract's types, or a foreign key whose type comes from its target. */
export type ColumnKind = TypeName | "foreignKey";

/** Types that take `.defaultNow()`. */
export type NowKind = "timestamp" | "timestamptz" | "date" | "time";

/**
 * A default as the user wrote it, before validation checks it against the column's type and
 * `snapshotFromTables` normalises it into a `ColumnDefault`.
 */
export type DefaultSpec =
  | { readonly kind: "value"; readonly value: unknown }
  | { readonly kind: "now" }
  | { readonly kind: "random" }
  | { readonly kind: "sql"; readonly sql: string };

/** The JS values `.default(v)` accepts for each kind of column (`null` is accepted for every kind). */
export interface DefaultValueOf {
  readonly varchar: string;
  readonly text: string;
  readonly integer: number | bigint;
  readonly bigint: number | bigint | string;
  readonly smallint: number | bigint;
  readonly serial: never;
  readonly bigserial: never;
  readonly boolean: boolean;
  /** `NaN`, `Infinity` and `-Infinity` (or those words as strings) where the dialect has them. */
  readonly real: number | NonFinite;
  readonly doublePrecision: number | NonFinite;
  /** Decimals are exact: prefer strings (`"12.50"`). `"NaN"`, `"Infinity"`, `"-Infinity"` where the dialect has them. */
  readonly numeric: number | bigint | string;
  /** A `Date` or an ISO 8601 string. */
  readonly timestamp: Date | string;
  readonly timestamptz: Date | string;
  /** A `Date` (its UTC day) or `"YYYY-MM-DD"`. */
  readonly date: Date | string;
  /** `"HH:MM"`, `"HH:MM:SS"` or `"HH:MM:SS.ffffff"`. */
  readonly time: string;
  readonly uuid: string;
  readonly json: JsonValue;
  readonly jsonb: JsonValue;
  /** Bytes, or a hex string. */
  readonly bytea: Uint8Array | string;
  /** At most the column's length. */
  readonly char: string;
  /** Literal defaults are not taken (the databases report them in forms of their own): use `.defaultSql()`. */
  readonly interval: never;
  /** One of the labels. */
  readonly enum: string;
  /** Literal defaults are not taken: use `.defaultSql()`. */
  readonly array: never;
  /** Checked against the target column's type. */
  readonly foreignKey: JsonValue | bigint | Date | Uint8Array;
}

/** The words a float or numeric default that is not finite may be given as. */
export type NonFinite = "NaN" | "Infinity" | "-Infinity";

/** Where a foreign key points. The target is a thunk so tables may reference each other. */
export interface ForeignKeyReference {
  readonly target: "self" | (() => Table | "self");
  /** The target column, by key or database name. Default: the target's primary key. */
  readonly column?: string;
  readonly onDelete: ForeignKeyAction;
  readonly onUpdate: ForeignKeyAction;
  /** The constraint name. Default: `${table}_${column}_fkey`. */
  readonly name?: string;
}

/** Everything a column builder has recorded. Readonly data; builders make a new one per modifier. */
export interface ColumnDefinition extends Omit<ColumnTypeSpec, "type"> {
  /** The factory that made it; its type parameters are those of {@link ColumnTypeSpec}. */
  readonly kind: ColumnKind;
  /** Option keys the factory did not know (`varchar({ lenght: 5 })`): a validation problem, never dropped. */
  readonly unknownOptions?: { readonly factory: string; readonly keys: readonly string[]; readonly known: readonly string[] };
  readonly nullable: boolean;
  readonly default?: DefaultSpec;
  readonly unique?: { readonly name?: string };
  readonly index?: { readonly method: IndexMethod; readonly name?: string };
  readonly primaryKey: boolean;
  /** The database name, when it differs from the object key. */
  readonly dbName?: string;
  /** foreignKey columns only. */
  readonly references?: ForeignKeyReference;
}
