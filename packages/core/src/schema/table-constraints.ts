import { MAX_DERIVED_NAME_LENGTH, deriveName } from "../snapshot/derive-name";
import type { Table, TableColumn } from "./table";
import { findColumn, uniqueOptionColumns } from "./table-columns";
import type { IndexMethod } from "./types";

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
  const name = (given: string | undefined, columns: readonly string[], suffix: string) =>
    given === undefined ? { name: deriveName([table.name, ...columns], suffix, length), named: false } : { name: given, named: true };
  for (const column of table.columnList) {
    const columns = [column.name];
    const { unique, index, references } = column.definition;
    if (unique) result.push({ kind: "unique", columns, ...name(unique.name, columns, "key") });
    if (index) result.push({ kind: "index", columns, method: index.method, ...name(index.name, columns, "idx") });
    if (references) result.push({ kind: "foreign_key", columns, column, ...name(references.name, columns, "fkey") });
  }
  for (const option of table.options.unique ?? []) {
    const columns = resolve(table, uniqueOptionColumns(option));
    const given = Array.isArray(option) ? undefined : (option as { name?: string }).name;
    result.push({ kind: "unique", columns, ...name(given, columns, "key") });
  }
  for (const option of table.options.indexes ?? []) {
    const columns = resolve(table, Array.isArray(option?.columns) ? option.columns : []);
    result.push({ kind: "index", columns, method: option?.method ?? "btree", ...name(option?.name, columns, "idx") });
  }
  (table.options.checks ?? []).forEach((option, position) => {
    const given = option?.name;
    const derived = { name: deriveName([table.name, String(position + 1)], "check", length), named: false };
    result.push({ kind: "check", columns: [], sql: option?.sql, ...(given === undefined ? derived : { name: given, named: true }) });
  });
  return result;
}

function resolve(table: Table, keys: readonly string[]): string[] {
  return keys.map((key) => findColumn(table, key)?.name ?? String(key));
}
