import type { Table, TableColumn } from "./table";

/** The column with this object key, or else with this database name. */
export function findColumn(table: Table, keyOrName: string): TableColumn | undefined {
  return table.columnList.find((c) => c.key === keyOrName) ?? table.columnList.find((c) => c.name === keyOrName);
}

/**
 * The primary key's columns in key order: the `primaryKey` option's columns when given (missing
 * ones left out; validation reports them), else the `.primaryKey()` columns.
 */
export function primaryKeyColumns(table: Table): readonly TableColumn[] {
  const option = table.options.primaryKey;
  if (option !== undefined) {
    return option.map((key) => findColumn(table, key)).filter((c): c is TableColumn => c !== undefined);
  }
  const marked: TableColumn[] = [];
  const columns = table.columnList;
  for (let i = 0; i < columns.length; i++) if ((columns[i] as TableColumn).definition.primaryKey) marked.push(columns[i] as TableColumn);
  return marked;
}

/** True when the column alone is unique: the single-column primary key, `.unique()`, or a one-column `unique` option. */
export function isUniqueColumn(table: Table, column: TableColumn): boolean {
  const primaryKey = primaryKeyColumns(table);
  if (primaryKey.length === 1 && primaryKey[0] === column) return true;
  if (column.definition.unique !== undefined) return true;
  return (table.options.unique ?? []).some((option) => {
    const keys = uniqueOptionColumns(option);
    return keys.length === 1 && typeof keys[0] === "string" && findColumn(table, keys[0]) === column;
  });
}

/** The column keys of a `unique` option entry, whichever form it was written in. */
export function uniqueOptionColumns(option: unknown): readonly string[] {
  if (Array.isArray(option)) return option as readonly string[];
  const columns = (option as { columns?: unknown } | null)?.columns;
  return Array.isArray(columns) ? (columns as readonly string[]) : [];
}
