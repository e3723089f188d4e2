import { normaliseDefault } from "../../schema/normalise-default";
import { resolveColumnType } from "../../schema/resolve-foreign-key";
import { primaryKeyColumns } from "../../schema/table-columns";
import type { SchemaProblem, SchemaRule } from "../schema-rule";

/** Every default fits its column: the right type, `null` only when nullable, now/random only where they mean something. */
export const columnDefaults: SchemaRule = ({ tables }) => {
  const problems: SchemaProblem[] = [];
  for (const table of tables) {
    const primaryKey = primaryKeyColumns(table);
    for (const column of table.columnList) {
      if (column.definition.default === undefined) continue;
      // A foreign key whose type cannot be resolved is reported by the foreign-key rule.
      const type = resolveColumnType(table, column);
      if (!type.ok) continue;
      const nullable = column.definition.nullable && !primaryKey.includes(column);
      const result = normaliseDefault(column.definition.default, type.value, nullable);
      if (!result.ok) problems.push({ message: result.problem, table: table.name, column: column.name });
    }
  }
  return problems;
};
