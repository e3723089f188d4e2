import type { ColumnDefault, ForeignKeyAction, IndexMethod, JsonValue } from "../snapshot/types";
import type { ColumnTypeSpec } from "../snapshot/entities";

/*
 * The types of the MigrationManager methods' plain literal arguments: what a migration file
 * contains, for the editor. The format itself (which fields, their checks, their defaults, the
 * order they are written in) is described once, in call-formats.ts and entity-formats.ts.
 */

/** A column's definition without its name (the two sides of `alterColumn`). */
export interface MigrationColumnState extends ColumnTypeSpec {
  /** Default `false`: columns are NOT NULL unless they say otherwise. */
  readonly nullable?: boolean;
  /** Default `null`: no default. */
  readonly default?: ColumnDefault | null;
}

export interface MigrationColumn extends MigrationColumnState {
  readonly name: string;
}

export interface MigrationIndex {
  readonly name: string;
  readonly columns: readonly string[];
  /** Default `"btree"`. */
  readonly method?: IndexMethod;
}

export interface MigrationUnique {
  readonly name: string;
  readonly columns: readonly string[];
}

export interface MigrationCheck {
  readonly name: string;
  readonly sql: string;
}

export interface MigrationForeignKey {
  readonly name: string;
  readonly columns: readonly string[];
  /** The target: a table name and its columns (a table of another app is fine). */
  readonly references: { readonly table: string; readonly columns: readonly string[] };
  /** Default `"no action"`. */
  readonly onDelete?: ForeignKeyAction;
  /** Default `"no action"`. */
  readonly onUpdate?: ForeignKeyAction;
}

/** A whole table: the argument of `addTable` and `dropTable`. */
export interface MigrationTable {
  readonly name: string;
  /** The name the table is exported under in the tables module (rename detection). */
  readonly className?: string;
  /** Column names, in key order. */
  readonly primaryKey: readonly string[];
  /** In definition order. */
  readonly columns: readonly MigrationColumn[];
  readonly indexes?: readonly MigrationIndex[];
  readonly uniques?: readonly MigrationUnique[];
  readonly checks?: readonly MigrationCheck[];
  readonly foreignKeys?: readonly MigrationForeignKey[];
}

export interface RenameTableArgs {
  readonly from: string;
  readonly to: string;
}

export interface AddColumnArgs extends MigrationColumn, ConsentArgs {
  readonly table: string;
  /** The value existing rows get when the column is NOT NULL without a default. */
  readonly backfill?: JsonValue;
}

/** The whole column, so that going backwards re-adds it. */
export interface DropColumnArgs extends MigrationColumn, ConsentArgs {
  readonly table: string;
}

export interface RenameColumnArgs {
  readonly table: string;
  readonly from: string;
  readonly to: string;
}

export interface AlterColumnArgs extends ConsentArgs {
  readonly table: string;
  readonly name: string;
  readonly from: MigrationColumnState;
  readonly to: MigrationColumnState;
  /** Replaces NULLs before the column becomes NOT NULL. */
  readonly backfill?: JsonValue;
  /** The change narrows the type and may lose data. */
  readonly lossy?: boolean;
}

export interface IndexArgs extends MigrationIndex, ConsentArgs {
  readonly table: string;
}

export interface UniqueArgs extends MigrationUnique, ConsentArgs {
  readonly table: string;
}

export interface CheckArgs extends MigrationCheck, ConsentArgs {
  readonly table: string;
}

export interface ForeignKeyArgs extends MigrationForeignKey, ConsentArgs {
  readonly table: string;
}

export type ConstraintKind = "unique" | "check" | "foreign_key";

/**
 * The argument of `addConstraint` / `dropConstraint`, as files written by mig 0.1 hold them:
 * a unique, check or foreign key told apart by `kind`. New files call `addUnique`, `addCheck`,
 * `addForeignKey` (and their drops) instead.
 */
export type ConstraintArgs =
  | ({ readonly kind: "unique" } & UniqueArgs)
  | ({ readonly kind: "check" } & CheckArgs)
  | ({ readonly kind: "foreign_key" } & ForeignKeyArgs);

export interface RebuildTableArgs {
  readonly from: MigrationTable;
  readonly to: MigrationTable;
  /** For each column of `to`, the column of `from` it is copied from (absent: a new column). */
  readonly columnMap: Readonly<Record<string, string>>;
  /** Values for new NOT NULL columns without a default, by column name. */
  readonly backfill?: Readonly<Record<string, JsonValue>>;
}

/**
 * What an in-table call (columns, indexes, constraints) may add to its argument: the user's
 * consent to a table rebuild where a database cannot make the change in place.
 */
export interface ConsentArgs {
  /** Written by `mig new --allow-rebuild` on the operations that need it. Default `false`. */
  readonly allowRebuild?: boolean;
  /** Written by `mig new --online` (or `online: true` in the config): made without blocking writes where the database can. Default `false`. */
  readonly online?: boolean;
  /** Written by `mig new --allow-locking` on online changes the database can only make by blocking writes: made in the locking form instead of refused. Default `false`. */
  readonly allowLocking?: boolean;
}
