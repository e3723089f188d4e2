import type { SchemaOperation, SchemaOperationKind } from "../operations/operation";
import type { ColumnDefault, JsonValue } from "../snapshot/types";
import type { ColumnEntity, ColumnTypeSpec, IndexEntity, TableSchema } from "../snapshot/entities";
import type { Statement } from "./statement";

/**
 * The small hooks every SQL emitter is built on. A dialect overrides only what differs;
 * identifiers only ever pass through `quoteIdentifier`, literals through `quoteLiteral`.
 */
export interface EmitterHooks {
  /** Quotes an identifier, escaping the quote character inside it. */
  quoteIdentifier(name: string): string;
  /**
   * Quotes a table reference: its name, or `schema.name` for a table in a named schema
   * (`"music"."band"`, see `qualifiedTableName`). Default: each part through `quoteIdentifier`.
   */
  quoteTable(table: string): string;
  /** Renders a literal value as SQL, escaping quotes (and backslashes where the dialect needs it). */
  quoteLiteral(value: JsonValue, column?: ColumnTypeSpec): string;
  /** The native type of a column, e.g. `VARCHAR(100)`. */
  renderType(spec: ColumnTypeSpec): string;
  /** The SQL of a default, without the `DEFAULT` keyword. */
  renderDefault(value: ColumnDefault, column: ColumnEntity): string;
  /** A column definition as it appears in CREATE TABLE / ADD COLUMN (name, type, NULL, DEFAULT). */
  renderColumn(column: ColumnEntity, context: { readonly inlinePrimaryKey: boolean }): string;
  /**
   * An expression converting `expression` (of type `from`) to type `to`, for type changes
   * (`USING` on PostgreSQL). Default: the expression unchanged.
   */
  renderCast(expression: string, from: ColumnTypeSpec, to: ColumnTypeSpec): string;
  /**
   * The type step of `alter_column`: whether the type changes, the statements that change it
   * (`ALTER COLUMN … TYPE … [USING cast]`), and whether the column's implicit default goes with it
   * (a type that carries its own default and sequence, such as PostgreSQL's serials, adds its
   * steps here). The handler writes the default and nullability steps around it.
   */
  alterColumnType(table: string, from: ColumnEntity, to: ColumnEntity): ColumnTypeChange;
  /**
   * The method clause of CREATE INDEX (` USING gin`), empty for btree. Refuses with
   * `MIG_E_UNSUPPORTED` a method missing from the dialect's `capabilities.indexMethods`.
   */
  renderIndexMethod(index: Pick<IndexEntity, "name" | "table" | "method">): string;
  /**
   * The column CREATE TABLE writes with its primary key inline (`… PRIMARY KEY`) instead of a
   * table constraint (SQLite's rowid alias). Default: none.
   */
  inlinePrimaryKeyColumn(schema: TableSchema): string | undefined;
  /**
   * The statement that moves a table into `schema`, or back into the connection's current schema
   * (`undefined`), for `rename_table` between schemas (only planned where `capabilities.schemas`).
   * Default: `ALTER TABLE … SET SCHEMA name`; a move back to the connection's schema, which has
   * no name until the statement runs, is refused (`MIG_E_UNSUPPORTED`): the dialect says it.
   */
  renderSetSchema(table: string, schema: string | undefined): string;
}

/** What {@link EmitterHooks.alterColumnType} gives `alter_column`. */
export interface ColumnTypeChange {
  /** The type differs: the default is dropped before and set again after. */
  readonly changed: boolean;
  /** The column loses a default the type carried (it is dropped even when `from.default` is unset). */
  readonly dropsImplicitDefault: boolean;
  readonly statements: readonly Statement[];
}

/** A handler turns one operation into zero or more statements. */
export type OperationHandler<K extends SchemaOperationKind> = (
  operation: Extract<SchemaOperation, { kind: K }>,
  hooks: EmitterHooks,
  emitter: Emitter,
) => readonly Statement[];

/**
 * A handler for every schema operation kind: a missing kind fails to compile.
 * Handlers receive the emitter's hooks (a dialect that overrides a hook changes every handler
 * that uses it) and the emitter itself, to compose (create_table emits its indexes through add_index).
 */
export type OperationHandlers = { readonly [K in SchemaOperationKind]: OperationHandler<K> };

/** Turns operations into SQL. Needs no connection. */
export interface Emitter {
  readonly hooks: EmitterHooks;
  emit(operation: SchemaOperation): readonly Statement[];
}
