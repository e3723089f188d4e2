import { isQualifiedTableName } from "../../schema/qualified-table-name";
import { type Table, tableRef } from "../../schema/table";
import type { SchemaProblem, SchemaRule } from "../schema-rule";

/**
 * Every table has a non-empty name, and no two tables share one (in the same schema: two tables
 * may share a name in different schemas). No name has the shape of a schema-qualified reference
 * (`"music"."band"`), which is how a table in a named schema is referred to.
 */
export const tableNames: SchemaRule = ({ tables }) => {
  const problems: SchemaProblem[] = [];
  const seen = new Map<string, number>();
  for (let t = 0; t < tables.length; t++) {
    const table = tables[t] as Table;
    if (typeof table.name !== "string" || table.name.trim() === "") {
      problems.push({ message: "A table has an empty name", table: String(table.name), identifier: true });
      continue;
    }
    if (isQualifiedTableName(table.name)) {
      problems.push({ message: `Table name ${table.name} looks schema-qualified; give the schema as an option: table("band", {...}, { schema: "music" })`, table: table.name, identifier: true });
      continue;
    }
    const ref = tableRef(table);
    seen.set(ref, (seen.get(ref) ?? 0) + 1);
  }
  for (const [name, count] of seen) {
    if (count > 1) problems.push({ message: `Table name "${name}" is used by ${count} tables`, table: name });
  }
  return problems;
};
