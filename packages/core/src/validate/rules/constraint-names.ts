import type { TableConstraint } from "../../schema/table-constraints";
import type { Table } from "../../schema/table";
import { type SchemaProblem, type SchemaRule, factsOf } from "../schema-rule";

/**
 * Index and constraint names (given or derived) are unique across the schema: PostgreSQL keeps
 * index names per schema and MySQL foreign-key and check names per database.
 */
export const constraintNames: SchemaRule = (context) => {
  const facts = factsOf(context);
  const problems: SchemaProblem[] = [];
  const seen = new Map<string, string>();
  const tables = context.tables;
  for (let t = 0; t < tables.length; t++) {
    const table = tables[t] as Table;
    const constraints = facts.constraints(table);
    for (let i = 0; i < constraints.length; i++) {
      const constraint = constraints[i] as TableConstraint;
      if (typeof constraint.name !== "string" || constraint.name === "") continue;
      const owner = seen.get(constraint.name);
      if (owner === undefined) {
        seen.set(constraint.name, table.name);
        continue;
      }
      problems.push({
        message: `Index or constraint name "${constraint.name}" is used twice${owner === table.name ? "" : ` (also in table "${owner}")`}`,
        table: table.name,
        column: constraint.columns.length === 1 ? constraint.columns[0] : undefined,
      });
    }
  }
  return problems;
};
