import { MigError } from "../errors/mig-error";
import { type ColumnTypeSpec, copyTypeParameters } from "../snapshot/entities";
import type { ColumnDefinition } from "./column-definition";
import { type Table, type TableColumn, isTable } from "./table";
import { findColumn, isUniqueColumn, primaryKeyColumns } from "./table-columns";

/** Where a foreign-key column points, and the type it takes from there. */
export interface ResolvedForeignKey {
  readonly table: Table;
  readonly column: TableColumn;
  /** The foreign-key column's own type: the target's, with serial → integer and bigserial → bigint. */
  readonly type: ColumnTypeSpec;
}

export type SchemaResolution<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

const MAX_DEPTH = 32;

/** The table a foreign key's `target` names (`"self"` is `owner`), or a problem. */
export function resolveForeignKeyTable(owner: Table, column: TableColumn): SchemaResolution<Table> {
  const target = column.definition.references?.target;
  if (target === undefined) return { ok: false, problem: `Column "${column.name}" is not a foreign key` };
  if (target === "self") return { ok: true, value: owner };
  let value: unknown;
  try {
    value = typeof target === "function" ? target() : target;
  } catch (error) {
    return { ok: false, problem: `The foreign key target of column "${column.name}" could not be read: ${(error as Error)?.message ?? String(error)}` };
  }
  if (value === "self") return { ok: true, value: owner };
  if (!isTable(value)) return { ok: false, problem: `The foreign key target of column "${column.name}" is not a table(...) value` };
  return { ok: true, value };
}

/**
 * Resolves a foreign-key column: the target table, the target column (its primary key unless
 * `column` names a unique one) and the type the foreign-key column takes.
 */
export function resolveForeignKey(owner: Table, column: TableColumn, depth = 0): SchemaResolution<ResolvedForeignKey> {
  const tableResult = resolveForeignKeyTable(owner, column);
  if (!tableResult.ok) return tableResult;
  const target = tableResult.value;
  const named = column.definition.references?.column;
  let targetColumn: TableColumn | undefined;
  if (named !== undefined) {
    targetColumn = findColumn(target, named);
    if (!targetColumn) return { ok: false, problem: `Foreign key "${column.name}" references column "${named}", which table "${target.name}" does not have` };
    if (!isUniqueColumn(target, targetColumn)) {
      return { ok: false, problem: `Foreign key "${column.name}" references "${target.name}.${targetColumn.name}", which is neither its primary key nor a unique column` };
    }
  } else {
    const primaryKey = primaryKeyColumns(target);
    if (primaryKey.length !== 1) {
      return { ok: false, problem: `Foreign key "${column.name}" references table "${target.name}", whose primary key has ${primaryKey.length} columns; name a unique column with { column }` };
    }
    targetColumn = primaryKey[0] as TableColumn;
  }
  const type = resolveColumnType(target, targetColumn, depth + 1);
  if (!type.ok) return type;
  return { ok: true, value: { table: target, column: targetColumn, type: referencingType(type.value) } };
}

/** A column's type: its own, or for a foreign key the type it takes from its target. */
export function resolveColumnType(table: Table, column: TableColumn, depth = 0): SchemaResolution<ColumnTypeSpec> {
  if (column.definition.kind !== "foreignKey") return { ok: true, value: typeSpecOf(column.definition) };
  if (depth > MAX_DEPTH) return { ok: false, problem: `Foreign key "${column.name}" is part of a cycle of foreign keys referencing each other's key columns` };
  const resolved = resolveForeignKey(table, column, depth);
  return resolved.ok ? { ok: true, value: resolved.value.type } : resolved;
}

/** The type a column referencing a column of type `spec` gets. */
export function referencingType(spec: ColumnTypeSpec): ColumnTypeSpec {
  if (spec.type === "serial") return { type: "integer" };
  if (spec.type === "bigserial") return { type: "bigint" };
  return spec;
}

function typeSpecOf(definition: ColumnDefinition): ColumnTypeSpec {
  if (definition.kind === "foreignKey") throw new MigError("MIG_E_INTERNAL", "typeSpecOf needs a column with its own type");
  // Key by key, parameters only when present (spreading conditional objects is slow in bulk).
  return copyTypeParameters<{ -readonly [K in keyof ColumnTypeSpec]: ColumnTypeSpec[K] }>({ type: definition.kind }, definition);
}
