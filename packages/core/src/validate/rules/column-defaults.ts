import type { Table, TableColumn } from "../../schema/table";
import type { SchemaProblem, SchemaRule } from "../schema-rule";
import { factsOf } from "../schema-rule";

/** Every default fits its column: the right type, `null` only when nullable, now/random only where they mean something. */
export const columnDefaults: SchemaRule = (context) => {
  const facts = factsOf(context);
  const problems: SchemaProblem[] = [];
  const tables = context.tables;
  for (let t = 0; t < tables.length; t++) {
    const table = tables[t] as Table;
    const columnList = table.columnList;
    for (let c = 0; c < columnList.length; c++) {
      const column = columnList[c] as TableColumn;
      if (column.definition.default === undefined) continue;
      // A foreign key whose type cannot be resolved is reported by the foreign-key rule.
      const type = facts.columnType(table, column);
      if (!type.ok) continue;
      const result = facts.columnDefault(table, column, type.value);
      if (!result.ok) problems.push({ message: result.problem, table: table.name, column: column.name });
    }
  }
  return problems;
};
