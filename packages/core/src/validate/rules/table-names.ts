import type { Table } from "../../schema/table";
import type { SchemaProblem, SchemaRule } from "../schema-rule";

/** Every table has a non-empty name, and no two tables share one. */
export const tableNames: SchemaRule = ({ tables }) => {
  const problems: SchemaProblem[] = [];
  const seen = new Map<string, number>();
  for (let t = 0; t < tables.length; t++) {
    const table = tables[t] as Table;
    if (typeof table.name !== "string" || table.name.trim() === "") {
      problems.push({ message: "A table has an empty name", table: String(table.name), identifier: true });
      continue;
    }
    seen.set(table.name, (seen.get(table.name) ?? 0) + 1);
  }
  for (const [name, count] of seen) {
    if (count > 1) problems.push({ message: `Table name "${name}" is used by ${count} tables`, table: name });
  }
  return problems;
};
