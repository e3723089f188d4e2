import type { Table, TableColumn } from "../../schema/table";
import { findColumn } from "../../schema/table-columns";
import type { SchemaProblem, SchemaRule } from "../schema-rule";

/** One primary key per table: one `.primaryKey()` column or the `primaryKey` option, naming existing columns, never nullable. */
export const primaryKey: SchemaRule = ({ tables }) => {
  const problems: SchemaProblem[] = [];
  for (let t = 0; t < tables.length; t++) {
    const table = tables[t] as Table;
    const marked: TableColumn[] = [];
    for (const column of table.columnList) if (column.definition.primaryKey && !column.implicit) marked.push(column);
    const option = table.options.primaryKey;
    if (marked.length > 1) {
      problems.push({ message: `Table has ${marked.length} .primaryKey() columns (${marked.map((c) => c.name).join(", ")}); use the primaryKey option for a composite key`, table: table.name, column: marked[1]?.name });
    }
    if (option !== undefined && marked.length > 0) {
      problems.push({ message: "Table has both a .primaryKey() column and the primaryKey option", table: table.name, column: marked[0]?.name });
    }
    if (option !== undefined) {
      if (!Array.isArray(option) || option.length === 0) problems.push({ message: "The primaryKey option names no column", table: table.name });
      else {
        const seen = new Set<string>();
        for (const key of option) {
          const column = findColumn(table, key);
          if (!column) problems.push({ message: `The primaryKey option names column "${key}", which the table does not have`, table: table.name, column: String(key) });
          else if (seen.has(column.name)) problems.push({ message: `The primaryKey option names column "${key}" twice`, table: table.name, column: column.name });
          else seen.add(column.name);
        }
      }
    }
    const columnList = table.columnList;
    for (let c = 0; c < columnList.length; c++) {
      const column = columnList[c] as TableColumn;
      const inOption = option?.some((key) => findColumn(table, key) === column) ?? false;
      if ((column.definition.primaryKey || inOption) && column.definition.nullable) {
        problems.push({ message: "A primary key column cannot be nullable", table: table.name, column: column.name });
      }
    }
  }
  return problems;
};
