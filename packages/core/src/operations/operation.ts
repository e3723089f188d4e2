import type { JsonValue } from "../schema/types";
import type {
  CheckEntity,
  ColumnEntity,
  ForeignKeyEntity,
  IndexEntity,
  TableSchema,
  UniqueEntity,
} from "../snapshot/entities";

/**
 * Every schema change mig can plan, emit and reverse. Each operation carries both sides
 * (or the whole entity it creates or drops), so its inverse needs no lookup.
 *
 * Table names in an operation are the names valid at the moment the operation runs: the diff
 * orders operations in phases (see `diff/phases.ts`), and a drop before a rename uses the old name.
 */
export type Operation =
  | CreateTableOperation
  | DropTableOperation
  | RenameTableOperation
  | AddColumnOperation
  | DropColumnOperation
  | RenameColumnOperation
  | AlterColumnOperation
  | AddIndexOperation
  | DropIndexOperation
  | AddUniqueOperation
  | DropUniqueOperation
  | AddCheckOperation
  | DropCheckOperation
  | AddForeignKeyOperation
  | DropForeignKeyOperation
  | RebuildTableOperation
  | RawOperation;

export type OperationKind = Operation["kind"];

/** Operations that change the schema (everything but raw functions). */
export type SchemaOperation = Exclude<Operation, RawOperation>;
export type SchemaOperationKind = SchemaOperation["kind"];

/**
 * Creates a table with its columns, primary key, unique and check constraints, indexes, and the
 * foreign keys whose targets exist when it runs (FKs in a cycle are separate `add_foreign_key`s).
 */
export interface CreateTableOperation {
  readonly kind: "create_table";
  readonly schema: TableSchema;
}

/** Drops a table. `schema` is everything the table had, so the reverse recreates it whole. Loses data. */
export interface DropTableOperation {
  readonly kind: "drop_table";
  readonly schema: TableSchema;
}

export interface RenameTableOperation {
  readonly kind: "rename_table";
  readonly from: string;
  readonly to: string;
}

/**
 * Adds a column. `backfill` is the value existing rows get when the column is NOT NULL and has no
 * default (the column is added with it as a temporary default, which is then dropped).
 */
export interface AddColumnOperation {
  readonly kind: "add_column";
  readonly table: string;
  readonly column: ColumnEntity;
  readonly backfill?: JsonValue;
}

/** Drops a column. `column` is its whole definition, so the reverse re-adds it. Loses data. */
export interface DropColumnOperation {
  readonly kind: "drop_column";
  readonly table: string;
  readonly column: ColumnEntity;
}

export interface RenameColumnOperation {
  readonly kind: "rename_column";
  readonly table: string;
  readonly from: string;
  readonly to: string;
}

/**
 * Changes a column's type (with its length / precision / scale), nullability or default.
 * `from` and `to` are the whole definitions (same `name`, the column's name when it runs).
 * `backfill` replaces NULLs before a column becomes NOT NULL. `lossy` marks a narrowing type
 * change (bigint → integer, text → varchar(n), numeric precision down, ...).
 */
export interface AlterColumnOperation {
  readonly kind: "alter_column";
  readonly table: string;
  readonly from: ColumnEntity;
  readonly to: ColumnEntity;
  readonly backfill?: JsonValue;
  readonly lossy?: boolean;
}

export interface AddIndexOperation {
  readonly kind: "add_index";
  readonly index: IndexEntity;
}

export interface DropIndexOperation {
  readonly kind: "drop_index";
  readonly index: IndexEntity;
}

export interface AddUniqueOperation {
  readonly kind: "add_unique";
  readonly unique: UniqueEntity;
}

export interface DropUniqueOperation {
  readonly kind: "drop_unique";
  readonly unique: UniqueEntity;
}

export interface AddCheckOperation {
  readonly kind: "add_check";
  readonly check: CheckEntity;
}

export interface DropCheckOperation {
  readonly kind: "drop_check";
  readonly check: CheckEntity;
}

export interface AddForeignKeyOperation {
  readonly kind: "add_foreign_key";
  readonly foreignKey: ForeignKeyEntity;
}

export interface DropForeignKeyOperation {
  readonly kind: "drop_foreign_key";
  readonly foreignKey: ForeignKeyEntity;
}

/**
 * Rewrites a table into a new definition by copy (SQLite's way to do what it cannot ALTER).
 * `columnMap` maps each column of `to` to the column of `from` it is copied from (absent: new column,
 * filled with its default or `backfill[column]`). Only planned when the user opted in.
 */
export interface RebuildTableOperation {
  readonly kind: "rebuild_table";
  readonly from: TableSchema;
  readonly to: TableSchema;
  readonly columnMap: Readonly<Record<string, string>>;
  readonly backfill?: Readonly<Record<string, JsonValue>>;
}

/** The `db` object raw functions receive (CONTRACT §4). Implemented by the runner. */
export interface RawDb {
  /** Runs SQL with `{}` placeholders bound as parameters, in order. Never splices values into SQL. */
  raw<Row = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<Row[]>;
  /** Data access to a table defined inside the migration file. */
  table(table: RawTableRef): RawTableAccess;
}

/** A table reference usable by `db.table(...)`: a `table(...)` value, or just a name. */
export type RawTableRef = string | { readonly name: string } | { readonly tableName: string };

export type WhereEquals = Readonly<Record<string, unknown>>;

export interface RawTableAccess {
  insert(rows: Readonly<Record<string, unknown>> | readonly Readonly<Record<string, unknown>>[]): Promise<number>;
  update(values: Readonly<Record<string, unknown>>, where?: WhereEquals): Promise<number>;
  select<Row = Record<string, unknown>>(where?: WhereEquals): Promise<Row[]>;
  delete(where?: WhereEquals): Promise<number>;
}

export type RawFunction = (db: RawDb) => void | Promise<void>;

/** A raw function: `forwards` runs when applying, `backwards` only when reversing. */
export interface RawOperation {
  readonly kind: "raw";
  readonly direction: "forwards" | "backwards";
  readonly fn: RawFunction;
}

/** True for operations that lose data when they run (and the user must be told so). */
export function isDestructive(operation: Operation): boolean {
  switch (operation.kind) {
    case "drop_table":
    case "drop_column":
      return true;
    case "alter_column":
      return operation.lossy === true;
    case "rebuild_table":
    {
      const kept = new Set(Object.values(operation.columnMap));
      return operation.from.columns.some((column) => !kept.has(column.name));
    }
    default:
      return false;
  }
}
