import { MigError } from "../errors/mig-error";
import { type SchemaOperation, consentOf } from "../operations/operation";
import { copyTypeParameters } from "../snapshot/entities";
import type {
  CheckEntity,
  ColumnEntity,
  ForeignKeyEntity,
  IndexEntity,
  TableSchema,
  UniqueEntity,
} from "../snapshot/entities";
import type {
  ManagerCall,
  MigrationCheck,
  MigrationColumn,
  MigrationColumnState,
  MigrationForeignKey,
  MigrationIndex,
  MigrationTable,
  MigrationUnique,
} from "./manager-calls";

/**
 * The manager call that records `operation`: what a migration file says for it. Keys come in a
 * fixed order and documented defaults are left out (`nullable: false`, `default: null`,
 * `method: "btree"`); FK actions are always written. The inverse of the manager's methods:
 * calling `call.method` with `call.argument` records an operation equal to `operation`.
 */
export function operationToCall(operation: SchemaOperation): ManagerCall {
  const call = callOf(operation);
  // Consent comes last in the argument, where a reviewer sees it.
  const consent = consentOf(operation);
  return consent ? ({ method: call.method, argument: { ...call.argument, ...consent } } as ManagerCall) : call;
}

function callOf(operation: SchemaOperation): ManagerCall {
  switch (operation.kind) {
    case "create_table":
      return { method: "addTable", argument: tableArgument(operation.schema) };
    case "drop_table":
      return { method: "dropTable", argument: tableArgument(operation.schema) };
    case "rename_table":
      return { method: "renameTable", argument: { from: operation.from, to: operation.to } };
    case "add_column":
      expectTable(operation.column.table, operation.table, operation.kind);
      if (operation.references !== undefined) {
        throw new MigError("MIG_E_INTERNAL", `add_column ${operation.table}.${operation.column.name} carries a planned inline foreign key: plans are never written into a file`);
      }
      return {
        method: "addColumn",
        argument: { table: operation.table, ...columnArgument(operation.column), ...(operation.backfill === undefined ? {} : { backfill: operation.backfill }) },
      };
    case "drop_column":
      expectTable(operation.column.table, operation.table, operation.kind);
      return { method: "dropColumn", argument: { table: operation.table, ...columnArgument(operation.column) } };
    case "rename_column":
      return { method: "renameColumn", argument: { table: operation.table, from: operation.from, to: operation.to } };
    case "alter_column":
      expectTable(operation.from.table, operation.table, operation.kind);
      expectTable(operation.to.table, operation.table, operation.kind);
      if (operation.from.name !== operation.to.name) {
        throw new MigError("MIG_E_INTERNAL", `alter_column changes the name of ${operation.table}.${operation.from.name}: a rename is its own operation`);
      }
      return {
        method: "alterColumn",
        argument: {
          table: operation.table,
          name: operation.from.name,
          from: columnState(operation.from),
          to: columnState(operation.to),
          ...(operation.backfill === undefined ? {} : { backfill: operation.backfill }),
          ...(operation.lossy === undefined ? {} : { lossy: operation.lossy }),
        },
      };
    case "add_index":
    case "drop_index":
      return { method: operation.kind === "add_index" ? "addIndex" : "dropIndex", argument: { table: operation.index.table, ...indexArgument(operation.index) } };
    case "add_unique":
    case "drop_unique":
      return {
        method: operation.kind === "add_unique" ? "addConstraint" : "dropConstraint",
        argument: { kind: "unique", table: operation.unique.table, ...uniqueArgument(operation.unique) },
      };
    case "add_check":
    case "drop_check":
      return {
        method: operation.kind === "add_check" ? "addConstraint" : "dropConstraint",
        argument: { kind: "check", table: operation.check.table, ...checkArgument(operation.check) },
      };
    case "add_foreign_key":
    case "drop_foreign_key":
      return {
        method: operation.kind === "add_foreign_key" ? "addConstraint" : "dropConstraint",
        argument: { kind: "foreign_key", table: operation.foreignKey.table, ...foreignKeyArgument(operation.foreignKey) },
      };
    case "rebuild_table":
      return {
        method: "rebuildTable",
        argument: {
          from: tableArgument(operation.from),
          to: tableArgument(operation.to),
          columnMap: operation.columnMap,
          ...(operation.backfill === undefined ? {} : { backfill: operation.backfill }),
        },
      };
  }
}

function expectTable(actual: string, expected: string, kind: string): void {
  if (actual !== expected) {
    throw new MigError("MIG_E_INTERNAL", `${kind} on table "${expected}" carries a column of table "${actual}"`);
  }
}

export function tableArgument(schema: TableSchema): MigrationTable {
  const name = schema.table.name;
  // Assignments, not spreads, and no copied lists: this runs for every table of a schema.
  const { className, primaryKey } = schema.table;
  // Keys in the order a file shows them: `className` right after `name`.
  const table: Mutable<MigrationTable> = className === undefined ? { name, primaryKey, columns: [] } : { name, className, primaryKey, columns: [] };
  return withTableParts(table, schema);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Fills in a table argument's columns, indexes and constraints (each list only when not empty). */
function withTableParts(table: Mutable<MigrationTable>, schema: TableSchema): Mutable<MigrationTable> {
  const name = table.name;
  const columns: MigrationColumn[] = [];
  for (const column of schema.columns) {
    expectTable(column.table, name, "a table");
    columns.push(columnArgument(column));
  }
  table.columns = columns;
  if (schema.indexes.length) table.indexes = parts(schema.indexes, name, indexArgument);
  if (schema.uniques.length) table.uniques = parts(schema.uniques, name, uniqueArgument);
  if (schema.checks.length) table.checks = parts(schema.checks, name, checkArgument);
  if (schema.foreignKeys.length) table.foreignKeys = parts(schema.foreignKeys, name, foreignKeyArgument);
  return table;
}

function parts<E extends { readonly table: string }, A>(entities: readonly E[], table: string, argument: (entity: E) => A): A[] {
  const result: A[] = [];
  for (const entity of entities) {
    expectTable(entity.table, table, "a table");
    result.push(argument(entity));
  }
  return result;
}

function columnArgument(column: ColumnEntity): MigrationColumn {
  return withColumnState({ name: column.name, type: column.type }, column);
}

function columnState(column: ColumnEntity): MigrationColumnState {
  return withColumnState({ type: column.type }, column);
}

/** Adds what differs from the defaults (assignments, not spreads: this runs for every column). */
function withColumnState<T extends Mutable<MigrationColumnState>>(target: T, column: ColumnEntity): T {
  copyTypeParameters(target, column);
  if (column.nullable) target.nullable = true;
  if (column.default != null) target.default = column.default;
  return target;
}

function indexArgument(index: IndexEntity): MigrationIndex {
  return { name: index.name, columns: index.columns, ...(index.method === "btree" ? {} : { method: index.method }) };
}

function uniqueArgument(unique: UniqueEntity): MigrationUnique {
  return { name: unique.name, columns: unique.columns };
}

function checkArgument(check: CheckEntity): MigrationCheck {
  return { name: check.name, sql: check.sql };
}

function foreignKeyArgument(foreignKey: ForeignKeyEntity): MigrationForeignKey {
  return {
    name: foreignKey.name,
    columns: foreignKey.columns,
    references: { table: foreignKey.references.table, columns: foreignKey.references.columns },
    onDelete: foreignKey.onDelete,
    onUpdate: foreignKey.onUpdate,
  };
}
