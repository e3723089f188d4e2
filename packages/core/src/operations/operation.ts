import type { JsonValue } from "../snapshot/types";
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
 * What the user agreed to for one operation, recorded with it in the migration file
 * (`allowRebuild: true` in the manager call). A migration file holds logical operations only;
 * a consent is read by the planner when the migration is applied, and only by a dialect that
 * needs it.
 */
export interface OperationConsent {
  /**
   * A dialect that cannot make this change in place may rebuild the table (copy it into a new
   * table with the new definition; SQLite). Dialects that can ALTER ignore it.
   * Default is `false`: without consent such a change is refused when the migration is planned.
   */
  readonly allowRebuild?: boolean;
  /**
   * Make this change without holding a lock that blocks writes for the length of a table scan or
   * rewrite (`mig new --online`, `online: true` in the config). A dialect lowers it to its
   * non-blocking forms (PostgreSQL: `CREATE INDEX CONCURRENTLY`, `NOT VALID` + `VALIDATE`), or
   * refuses it where it has none (`Dialect.online`). Default is `false`.
   */
  readonly online?: boolean;
  /**
   * Consent to the locking form of a change marked `online` that the database cannot make without
   * blocking writes (`mig new --allow-locking`): instead of refusing it (`MIG_E_NOT_ONLINE`), the
   * planner makes it as without `online` (MariaDB: a CHECK or a checked foreign key by copying the
   * table; a type change that rewrites the table). Default is `false`.
   */
  readonly allowLocking?: boolean;
}

/** The keys of an {@link OperationConsent}, in the order a migration file writes them. */
export const CONSENT_KEYS = ["allowRebuild", "online", "allowLocking"] as const satisfies readonly (keyof OperationConsent)[];

/** The consent `operation` carries (only its `true` flags), or `undefined` when none. */
export function consentOf(operation: Operation): OperationConsent | undefined {
  let consent: Record<string, boolean> | undefined;
  for (const key of CONSENT_KEYS) {
    if (key in operation && (operation as OperationConsent)[key] === true) (consent ??= {})[key] = true;
  }
  return consent;
}

/** The operation kinds that change an existing table in place: the ones a table rebuild can stand in for, and so the ones that carry an {@link OperationConsent}. */
export const IN_TABLE_KINDS: ReadonlySet<OperationKind> = new Set<OperationKind>([
  "add_column", "drop_column", "alter_column",
  "add_index", "drop_index",
  "add_unique", "drop_unique", "add_check", "drop_check", "add_foreign_key", "drop_foreign_key",
]);

/** True for an operation that may carry `allowRebuild` (see {@link IN_TABLE_KINDS}). */
export function takesConsent(operation: Operation): operation is InTableOperation {
  return IN_TABLE_KINDS.has(operation.kind);
}

/**
 * `operations` with every in-table change marked online (`mig new --online`): created and dropped
 * tables and renames are left as they are (they hold no long lock: a new table is empty, a drop
 * and a rename take their lock briefly).
 */
export function markOnline(operations: readonly Operation[]): readonly Operation[] {
  return operations.map((operation) => (takesConsent(operation) && operation.online !== true ? Object.freeze({ ...operation, online: true }) : operation));
}

/** An operation that changes one existing table in place (see {@link IN_TABLE_KINDS}). */
export type InTableOperation = Extract<Operation, { readonly kind: "add_column" | "drop_column" | "alter_column" | "add_index" | "drop_index" | "add_unique" | "drop_unique" | "add_check" | "drop_check" | "add_foreign_key" | "drop_foreign_key" }>;

/** The table an in-table operation changes, by the name it has when the operation runs. */
export function tableOf(operation: InTableOperation): string {
  return operation.kind === "add_column" || operation.kind === "drop_column" || operation.kind === "alter_column" ? operation.table : namedEntityOf(operation).table;
}

/** An operation that adds or drops one index or constraint, which it carries whole. */
export type NamedEntityOperation = Extract<Operation, { readonly kind: "add_index" | "drop_index" | "add_unique" | "drop_unique" | "add_check" | "drop_check" | "add_foreign_key" | "drop_foreign_key" }>;

/** The index or constraint an operation adds or drops. */
export function namedEntityOf(operation: NamedEntityOperation): IndexEntity | UniqueEntity | CheckEntity | ForeignKeyEntity {
  if (operation.kind === "add_index" || operation.kind === "drop_index") return operation.index;
  if (operation.kind === "add_unique" || operation.kind === "drop_unique") return operation.unique;
  if (operation.kind === "add_check" || operation.kind === "drop_check") return operation.check;
  return operation.foreignKey;
}

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
export interface AddColumnOperation extends OperationConsent {
  readonly kind: "add_column";
  readonly table: string;
  readonly column: ColumnEntity;
  readonly backfill?: JsonValue;
  /**
   * Set by the planner only, never in a file: the foreign key of the column, declared inline
   * (`ADD COLUMN … REFERENCES`), for a dialect that cannot add a foreign key to an existing
   * table but can add a column that has one (`addColumnForeignKey`).
   */
  readonly references?: ForeignKeyEntity;
}

/** Drops a column. `column` is its whole definition, so the reverse re-adds it. Loses data. */
export interface DropColumnOperation extends OperationConsent {
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
export interface AlterColumnOperation extends OperationConsent {
  readonly kind: "alter_column";
  readonly table: string;
  readonly from: ColumnEntity;
  readonly to: ColumnEntity;
  readonly backfill?: JsonValue;
  readonly lossy?: boolean;
}

export interface AddIndexOperation extends OperationConsent {
  readonly kind: "add_index";
  readonly index: IndexEntity;
}

export interface DropIndexOperation extends OperationConsent {
  readonly kind: "drop_index";
  readonly index: IndexEntity;
}

export interface AddUniqueOperation extends OperationConsent {
  readonly kind: "add_unique";
  readonly unique: UniqueEntity;
}

export interface DropUniqueOperation extends OperationConsent {
  readonly kind: "drop_unique";
  readonly unique: UniqueEntity;
}

export interface AddCheckOperation extends OperationConsent {
  readonly kind: "add_check";
  readonly check: CheckEntity;
}

export interface DropCheckOperation extends OperationConsent {
  readonly kind: "drop_check";
  readonly check: CheckEntity;
}

export interface AddForeignKeyOperation extends OperationConsent {
  readonly kind: "add_foreign_key";
  readonly foreignKey: ForeignKeyEntity;
}

export interface DropForeignKeyOperation extends OperationConsent {
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

/** The `db` object raw functions receive (`db.raw`, `db.table`). Implemented by the runner. */
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
