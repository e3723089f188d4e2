import type { ResolvedCapabilities } from "../dialect/capabilities";
import { type Operation, namedEntityOf, tableOf } from "../operations/operation";
import { schemaOfTable, splitTableName } from "../schema/qualified-table-name";
import { identifierByteLength, isLongerThan } from "../snapshot/derive-name";

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
  return schemaRefusal(operation, capabilities) ?? namesRefusal(operation, capabilities) ?? contentRefusal(operation, capabilities) ?? kindRefusal(operation, plan, capabilities);
}

function kindRefusal(operation: Operation, plan: readonly Operation[], capabilities: ResolvedCapabilities): Refusal | undefined {
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
      const entity = namedEntityOf(operation);
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

/** The names an operation gives to something new: each must fit the database's identifier limit. */
function newNames(operation: Operation): { readonly table: string; readonly column?: string; readonly name: string }[] {
  switch (operation.kind) {
    case "create_table": {
      const { table, columns, indexes, uniques, checks, foreignKeys } = operation.schema;
      return [
        { table: table.name, name: splitTableName(table.name).name },
        ...columns.map((c) => ({ table: table.name, column: c.name, name: c.name })),
        ...[...indexes, ...uniques, ...checks, ...foreignKeys].map((e) => ({ table: table.name, name: e.name })),
      ];
    }
    case "rename_table":
      return [{ table: operation.to, name: splitTableName(operation.to).name }];
    case "add_column":
      return [{ table: operation.table, column: operation.column.name, name: operation.column.name }];
    case "rename_column":
      return [{ table: operation.table, column: operation.to, name: operation.to }];
    case "add_index":
      return [{ table: operation.index.table, name: operation.index.name }];
    case "add_unique":
      return [{ table: operation.unique.table, name: operation.unique.name }];
    case "add_check":
      return [{ table: operation.check.table, name: operation.check.name }];
    case "add_foreign_key":
      return [{ table: operation.foreignKey.table, name: operation.foreignKey.name }];
    default:
      return [];
  }
}

/** Every table an operation names: the ones it changes and the ones its foreign keys point to. */
function tablesOf(operation: Operation): string[] {
  switch (operation.kind) {
    case "create_table":
    case "drop_table":
      return [operation.schema.table.name, ...operation.schema.foreignKeys.map((fk) => fk.references.table)];
    case "rebuild_table":
      return [operation.from.table.name, operation.to.table.name, ...operation.to.foreignKeys.map((fk) => fk.references.table)];
    case "rename_table":
      return [operation.from, operation.to];
    case "raw":
      return [];
    case "rename_column":
      return [operation.table];
    case "add_foreign_key":
    case "drop_foreign_key":
      return [operation.foreignKey.table, operation.foreignKey.references.table];
    default:
      return [tableOf(operation)];
  }
}

/**
 * A table in a named schema (`table(..., { schema })`) on a database without schemas
 * (`capabilities.schemas`): refused whatever the operation, so `mig new` refuses the table for the
 * configured dialect and every target before a file is written.
 */
function schemaRefusal(operation: Operation, capabilities: ResolvedCapabilities): Refusal | undefined {
  if (capabilities.schemas) return undefined;
  for (const table of tablesOf(operation)) {
    const schema = schemaOfTable(table);
    if (schema === undefined) continue;
    const name = splitTableName(table).name;
    return { table, reason: `${operation.kind} ${table}: the database has no schemas (table "${name}" has the option schema: ${JSON.stringify(schema)}); leave the option out for this database` };
  }
  return undefined;
}

/** An identifier longer than the database takes (`maxIdentifierLength`, in bytes of UTF-8). */
function namesRefusal(operation: Operation, capabilities: ResolvedCapabilities): Refusal | undefined {
  const max = capabilities.maxIdentifierLength;
  for (const { table, column, name } of newNames(operation)) {
    if (!isLongerThan(name, max)) continue;
    const reason = `${operation.kind} ${table}: the name "${name}" is ${identifierByteLength(name)} bytes long; the database allows ${max}`;
    return { table, ...(column !== undefined ? { column } : {}), reason };
  }
  return undefined;
}

/** Content the database cannot hold: a foreign-key action it lacks, a random default it cannot write. */
function contentRefusal(operation: Operation, capabilities: ResolvedCapabilities): Refusal | undefined {
  const foreignKeys =
    operation.kind === "create_table" ? operation.schema.foreignKeys
    : operation.kind === "add_foreign_key" ? [operation.foreignKey]
    : operation.kind === "add_column" && operation.references ? [operation.references]
    : [];
  for (const fk of foreignKeys) {
    const action = [fk.onDelete, fk.onUpdate].find((a) => !capabilities.foreignKeyActions.includes(a));
    if (action !== undefined) {
      return { table: fk.table, ...(fk.columns.length === 1 ? { column: fk.columns[0] as string } : {}), reason: `${operation.kind} ${fk.table}.${fk.name}: the database has no ${action.toUpperCase()} action for foreign keys` };
    }
  }
  if (capabilities.randomUuidDefault) return undefined;
  const columns =
    operation.kind === "create_table" ? operation.schema.columns
    : operation.kind === "add_column" ? [operation.column]
    : operation.kind === "alter_column" ? [operation.to]
    : [];
  const random = columns.find((c) => c.default?.kind === "random");
  return random ? { table: random.table, column: random.name, reason: `${operation.kind} ${random.table}.${random.name}: the database has no random UUID default` } : undefined;
}
