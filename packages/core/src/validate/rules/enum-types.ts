import { type Table, type TableColumn, tableRef } from "../../schema/table";
import { schemaOfTable } from "../../schema/qualified-table-name";
import type { SchemaProblem, SchemaRule } from "../schema-rule";

/**
 * Columns that name the same enum type list the same labels in the same order: where the type is
 * a database object of its own (PostgreSQL), they share it, so two lists would be one type
 * meaning two things. The type lives in the schema of its table (`{ schema: "music" }`): tables
 * in two schemas that name the same enum have a type each, so their labels may differ.
 */
export const enumTypes: SchemaRule = ({ tables }) => {
  const problems: SchemaProblem[] = [];
  const first = new Map<string, { readonly values: readonly string[]; readonly at: string }>();
  for (let t = 0; t < tables.length; t++) {
    const table = tables[t] as Table;
    const columnList = table.columnList;
    for (let c = 0; c < columnList.length; c++) {
      const column = columnList[c] as TableColumn;
      const { kind, enumName, values } = column.definition;
      if (kind !== "enum" || typeof enumName !== "string" || !Array.isArray(values)) continue;
      const key = `${schemaOfTable(tableRef(table)) ?? ""}\0${enumName}`;
      const seen = first.get(key);
      if (seen === undefined) first.set(key, { values, at: `${table.name}.${column.name}` });
      else if (seen.values.length !== values.length || seen.values.some((value, i) => value !== values[i])) {
        problems.push({
          message: `Enum "${enumName}" lists ${JSON.stringify(values)} here but ${JSON.stringify(seen.values)} on ${seen.at}; columns naming one enum share its labels (give one of them another name)`,
          table: table.name,
          column: column.name,
        });
      }
    }
  }
  return problems;
};
