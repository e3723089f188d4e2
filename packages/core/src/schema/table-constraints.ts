import { MAX_DERIVED_NAME_LENGTH, deriveName } from "../snapshot/derive-name";
import type { Table, TableColumn } from "./table";
import { findColumn, uniqueOptionColumns } from "./table-columns";
import type { IndexMethod } from "../snapshot/types";

interface ConstraintBase {
  /** The given name, or the derived one. */
  readonly name: string;
  /** True when the user gave the name. */
  readonly named: boolean;
  /** Database column names; a column that does not exist keeps the name as written (validation reports it). */
  readonly columns: readonly string[];
}

export type TableConstraint =
  | (ConstraintBase & { readonly kind: "index"; readonly method: IndexMethod })
  | (ConstraintBase & { readonly kind: "unique" })
  | (ConstraintBase & { readonly kind: "check"; readonly sql: string })
  | (ConstraintBase & { readonly kind: "foreign_key"; readonly column: TableColumn });

/**
 * Every index and constraint of a table with its final name, in a fixed order: per column (in
 * definition order) its unique, index and foreign key, then the `unique`, `indexes` and `checks`
 * options in the order written. Unnamed ones get the agreed derived names (see `deriveName`).
 */
export function tableConstraints(table: Table, maxLength = MAX_DERIVED_NAME_LENGTH): TableConstraint[] {
  const length = Math.min(maxLength, MAX_DERIVED_NAME_LENGTH);
  const result: TableConstraint[] = [];
  // Derived from the table name and the columns (as deriveName joins them).
  const derive = (columns: readonly string[], suffix: string) => deriveName([table.name, ...columns], suffix, length);
  const columnList = table.columnList;
  for (let i = 0; i < columnList.length; i++) {
    const column = columnList[i] as TableColumn;
    const { unique, index, references } = column.definition;
    if (!unique && !index && !references) continue;
    const columns = [column.name];
    if (unique) {
      const given = unique.name;
      result.push({ kind: "unique", columns, name: given === undefined ? deriveName([table.name, column.name], "key", length) : given, named: given !== undefined });
    }
    if (index) {
      const given = index.name;
      result.push({
        kind: "index",
        columns,
        method: index.method,
        name: given === undefined ? deriveName([table.name, column.name], "idx", length) : given,
        named: given !== undefined,
      });
    }
    if (references) {
      const given = references.name;
      result.push({
        kind: "foreign_key",
        columns,
        column,
        name: given === undefined ? deriveName([table.name, column.name], "fkey", length) : given,
        named: given !== undefined,
      });
    }
  }
  for (const option of table.options.unique ?? []) {
    const columns = resolve(table, uniqueOptionColumns(option));
    const given = Array.isArray(option) ? undefined : (option as { name?: string }).name;
    result.push({ kind: "unique", columns, name: given === undefined ? derive(columns, "key") : given, named: given !== undefined });
  }
  for (const option of table.options.indexes ?? []) {
    const columns = resolve(table, Array.isArray(option?.columns) ? option.columns : []);
    const given = option?.name;
    result.push({ kind: "index", columns, method: option?.method ?? "btree", name: given === undefined ? derive(columns, "idx") : given, named: given !== undefined });
  }
  (table.options.checks ?? []).forEach((option, position) => {
    const given = option?.name;
    const name = given === undefined ? deriveName([table.name, String(position + 1)], "check", length) : given;
    result.push({ kind: "check", columns: [], sql: option?.sql, name, named: given !== undefined });
  });
  return result;
}

function resolve(table: Table, keys: readonly string[]): string[] {
  return keys.map((key) => findColumn(table, key)?.name ?? String(key));
}
