import type { ArrayFallback, ColumnDefault, ForeignKeyAction, IndexMethod, TypeName } from "./types";

/**
 * The normalised schema model. A snapshot is a readonly list of these entities, each with a
 * composite key (see {@link entityKey}). All names are database names (after `.dbName()`).
 * Index and constraint names are stored, never re-derived, so renames cannot break them.
 */
export type Entity = TableEntity | ColumnEntity | IndexEntity | UniqueEntity | CheckEntity | ForeignKeyEntity;

export type EntityKind = Entity["kind"];

export interface TableEntity {
  readonly kind: "table";
  readonly name: string;
  /** Column names of the primary key, in key order. Never empty. */
  readonly primaryKey: readonly string[];
  /**
   * The name the table was exported under in the tables module (like Piccolo's class name).
   * A table whose export name stays while its database name changes is a rename without asking.
   */
  readonly className?: string;
}

/** A column type with its parameters. Absent parameters are omitted, never `undefined`. */
export interface ColumnTypeSpec {
  readonly type: TypeName;
  /** varchar and char only. */
  readonly length?: number;
  /** numeric only. */
  readonly precision?: number;
  /** numeric only. */
  readonly scale?: number;
  /**
   * enum only: the type's name (PostgreSQL's `CREATE TYPE`). Absent where the dialect keeps no
   * name (MySQL's inline `ENUM(...)`, SQLite's CHECK), so the canonical form leaves it out there.
   */
  readonly enumName?: string;
  /** enum only: the labels, in order. */
  readonly values?: readonly string[];
  /** array only: the element type. */
  readonly element?: ColumnTypeSpec;
  /** array only: what it becomes where the dialect has no arrays (`"json"`). */
  readonly fallback?: ArrayFallback;
}

/** The type parameters after `type`, in the order files and snapshots write them. */
export const TYPE_PARAMETER_KEYS = ["length", "precision", "scale", "enumName", "values", "element", "fallback"] as const;

/** True when two type specs are the same type with the same parameters. */
export function sameType(a: ColumnTypeSpec, b: ColumnTypeSpec): boolean {
  if (a.type !== b.type || a.length !== b.length || a.precision !== b.precision || a.scale !== b.scale) return false;
  if (a.enumName !== b.enumName || a.fallback !== b.fallback) return false;
  if (a.values !== b.values) {
    if (a.values === undefined || b.values === undefined || a.values.length !== b.values.length) return false;
    for (let i = 0; i < a.values.length; i++) if (a.values[i] !== b.values[i]) return false;
  }
  if (a.element !== b.element) {
    if (a.element === undefined || b.element === undefined || !sameType(a.element, b.element)) return false;
  }
  return true;
}

/** Copies the type part of `from` (type and present parameters, key by key) onto `target`. */
export function copyTypeParameters<T extends { -readonly [K in keyof ColumnTypeSpec]?: ColumnTypeSpec[K] }>(target: T, from: Pick<ColumnTypeSpec, (typeof TYPE_PARAMETER_KEYS)[number]>): T {
  if (from.length !== undefined) target.length = from.length;
  if (from.precision !== undefined) target.precision = from.precision;
  if (from.scale !== undefined) target.scale = from.scale;
  if (from.enumName !== undefined) target.enumName = from.enumName;
  if (from.values !== undefined) target.values = from.values;
  if (from.element !== undefined) target.element = from.element;
  if (from.fallback !== undefined) target.fallback = from.fallback;
  return target;
}

export interface ColumnEntity extends ColumnTypeSpec {
  readonly kind: "column";
  readonly table: string;
  readonly name: string;
  readonly nullable: boolean;
  readonly default: ColumnDefault | null;
}

export interface IndexEntity {
  readonly kind: "index";
  readonly table: string;
  readonly name: string;
  readonly columns: readonly string[];
  readonly method: IndexMethod;
}

export interface UniqueEntity {
  readonly kind: "unique";
  readonly table: string;
  readonly name: string;
  readonly columns: readonly string[];
}

export interface CheckEntity {
  readonly kind: "check";
  readonly table: string;
  readonly name: string;
  /** A boolean SQL expression over the table's columns, as written by the user. */
  readonly sql: string;
}

export interface ForeignKeyEntity {
  readonly kind: "foreign_key";
  readonly table: string;
  readonly name: string;
  readonly columns: readonly string[];
  readonly references: { readonly table: string; readonly columns: readonly string[] };
  /** Both actions are always carried whole, so changing one never loses the other. */
  readonly onDelete: ForeignKeyAction;
  readonly onUpdate: ForeignKeyAction;
}

/** The composite key of an entity: unique within a snapshot. */
export function entityKey(entity: Entity): string {
  return entity.kind === "table" ? `table:${entity.name}` : `${entity.kind}:${entity.table}:${entity.name}`;
}

/**
 * One table with everything that belongs to it: the grouped view of a snapshot, used by
 * create/drop table operations so that the reverse of a drop needs nothing else.
 */
export interface TableSchema {
  readonly table: TableEntity;
  /** In definition order. */
  readonly columns: readonly ColumnEntity[];
  readonly indexes: readonly IndexEntity[];
  readonly uniques: readonly UniqueEntity[];
  readonly checks: readonly CheckEntity[];
  readonly foreignKeys: readonly ForeignKeyEntity[];
}
