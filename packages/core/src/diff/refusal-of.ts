import type { ResolvedCapabilities } from "../dialect/capabilities";
import type { Operation } from "../operations/operation";

/** Why a dialect cannot perform one operation of a plan, or `undefined` when it can. */
export interface Refusal {
  readonly table: string;
  readonly column?: string;
  readonly reason: string;
}

/**
 * The capability check of one operation. `plan` is the whole plan, for checks that depend on
 * other operations (a UNIQUE constraint on a column added by the same plan).
 */
export function refusalOf(operation: Operation, plan: readonly Operation[], capabilities: ResolvedCapabilities): Refusal | undefined {
  const methods = capabilities.indexMethods;
  switch (operation.kind) {
    case "alter_column": {
      const { table, to } = operation;
      return capabilities.autoAlter ? undefined : { table, column: to.name, reason: `alter_column ${table}.${to.name}: the database cannot alter a column in place` };
    }
    case "drop_column": {
      const { table, column } = operation;
      return capabilities.dropColumn ? undefined : { table, column: column.name, reason: `drop_column ${table}.${column.name}: the database cannot drop a column` };
    }
    case "rename_column": {
      const { table, from } = operation;
      return capabilities.renameColumn ? undefined : { table, column: from, reason: `rename_column ${table}.${from}: the database cannot rename a column` };
    }
    case "add_column": {
      const { table, column } = operation;
      const kind = column.default?.kind;
      if (!capabilities.addColumnNonConstantDefault && (kind === "now" || kind === "random")) {
        return { table, column: column.name, reason: `add_column ${table}.${column.name}: the database cannot add a column whose default is not a constant to an existing table` };
      }
      if (!capabilities.addColumnBackfill && operation.backfill !== undefined && !column.default) {
        return { table, column: column.name, reason: `add_column ${table}.${column.name}: the database cannot add a NOT NULL column without a default to an existing table` };
      }
      return undefined;
    }
    case "add_unique":
    case "drop_unique":
    case "add_check":
    case "drop_check":
    case "add_foreign_key":
    case "drop_foreign_key": {
      const entity = "unique" in operation ? operation.unique : "check" in operation ? operation.check : operation.foreignKey;
      const [column, ...more] = "columns" in entity ? entity.columns : [];
      const single = column !== undefined && more.length === 0 ? { column } : {};
      if (operation.kind === "add_unique" && !capabilities.addUniqueColumn && column !== undefined && more.length === 0) {
        const added = plan.some((op) => op.kind === "add_column" && op.table === entity.table && op.column.name === column);
        if (added) return { table: entity.table, column, reason: `add_column ${entity.table}.${column} with a UNIQUE constraint: the database cannot add a unique column to an existing table` };
      }
      if (!capabilities.alterConstraints) {
        return { table: entity.table, ...single, reason: `${operation.kind} ${entity.table}.${entity.name}: the database cannot change constraints of an existing table` };
      }
      return undefined;
    }
    case "add_index": {
      const { index } = operation;
      return methods.includes(index.method) ? undefined : { table: index.table, column: index.columns[0], reason: `add_index ${index.table}.${index.name}: the database has no ${index.method} indexes (it has ${methods.join(", ")})` };
    }
    case "create_table": {
      const index = operation.schema.indexes.find((i) => !methods.includes(i.method));
      return index ? { table: index.table, column: index.columns[0], reason: `create_table ${index.table}: the database has no ${index.method} indexes (index ${index.name}; it has ${methods.join(", ")})` } : undefined;
    }
    case "rebuild_table": {
      const table = operation.to.table.name;
      return capabilities.rebuildTable ? undefined : { table, reason: `rebuild_table ${table}: the database has no table rebuild` };
    }
    case "drop_index":
    case "drop_table":
    case "rename_table":
    case "raw":
      return undefined;
  }
}
