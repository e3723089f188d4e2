import { isColumnBuilder } from "../../schema/column-builder";
import type { Table, TableColumn } from "../../schema/table";
import type { SchemaProblem, SchemaRule } from "../schema-rule";

/** Every column is a column builder with a non-empty name, unique within its table (after `.dbName()`). */
export const columnNames: SchemaRule = ({ tables }) => {
  const problems: SchemaProblem[] = [];
  for (let t = 0; t < tables.length; t++) {
    const table = tables[t] as Table;
    const columns = table.columns;
    const keys = Object.keys(columns);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as string;
      if (!isColumnBuilder(columns[key])) problems.push({ message: `Column "${key}" is not a column (use integer(), varchar(), ...)`, table: table.name, column: key });
    }
    // One pass with a set; names are only counted when one repeats.
    const names = new Set<string>();
    let repeated = false;
    const columnList = table.columnList;
    for (let c = 0; c < columnList.length; c++) {
      const column = columnList[c] as TableColumn;
      if (column.name.trim() === "") {
        problems.push({ message: `Column "${column.key}" has an empty name`, table: table.name, column: column.key, identifier: true });
        continue;
      }
      if (names.has(column.name)) repeated = true;
      else names.add(column.name);
    }
    if (repeated) problems.push(...repeatedNames(table));
  }
  return problems;
};

function repeatedNames(table: Table): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const byName = new Map<string, number>();
  for (const column of table.columnList) {
    if (column.name.trim() !== "") byName.set(column.name, (byName.get(column.name) ?? 0) + 1);
  }
  for (const [name, count] of byName) {
    if (count < 2) continue;
    const implicit = table.columnList.some((c) => c.implicit && c.name === name);
    problems.push({
      message: implicit
        ? `Column "${name}" clashes with the implicit primary key "id": mark a column .primaryKey() or set the primaryKey option`
        : `Column name "${name}" is used by ${count} columns`,
      table: table.name,
      column: name,
    });
  }
  return problems;
}
