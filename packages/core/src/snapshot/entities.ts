import type { ColumnDefault, ForeignKeyAction, IndexMethod, TypeName } from "./types";

/**
 * The normalised schema model. A snapshot is a readonly list of these entities, each with a
 * composite key (see {@link entityKey}). All names are database names (after `.dbName()`).
 * Index and constraint names are stored, never re-derived, so renames cannot break them.
 */
export type Entity = TableEntity | ColumnEntity | IndexEntity | UniqueEntity | CheckEntity | ForeignKeyEntity;

export type EntityKind = Entity["entity"];

export interface TableEntity {
  readonly entity: "table";
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
  /** varchar only. */
  readonly length?: number;
  /** numeric only. */
  readonly precision?: number;
  /** numeric only. */
  readonly scale?: number;
}

export interface ColumnEntity extends ColumnTypeSpec {
  readonly entity: "column";
  readonly table: string;
  readonly name: string;
  readonly nullable: boolean;
  readonly default: ColumnDefault | null;
}

export interface IndexEntity {
  readonly entity: "index";
  readonly table: string;
  readonly name: string;
  readonly columns: readonly string[];
  readonly method: IndexMethod;
}

export interface UniqueEntity {
  readonly entity: "unique";
  readonly table: string;
  readonly name: string;
  readonly columns: readonly string[];
}

export interface CheckEntity {
  readonly entity: "check";
  readonly table: string;
  readonly name: string;
  /** A boolean SQL expression over the table's columns, as written by the user. */
  readonly sql: string;
}

export interface ForeignKeyEntity {
  readonly entity: "foreign_key";
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
  return entity.entity === "table" ? `table:${entity.name}` : `${entity.entity}:${entity.table}:${entity.name}`;
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
