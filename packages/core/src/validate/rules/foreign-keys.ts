import { type Table, type TableColumn, tableRef } from "../../schema/table";
import { resolveForeignKeyTable } from "../../schema/resolve-foreign-key";
import { FOREIGN_KEY_ACTIONS } from "../../snapshot/types";
import { type SchemaProblem, type SchemaRule, factsOf } from "../schema-rule";

/**
 * Every foreign key points at a known table (one validated, or an external one), at its primary
 * key or a unique column, with actions SQL knows.
 */
export const foreignKeys: SchemaRule = (context) => {
  const { tables, knownTables } = context;
  const facts = factsOf(context);
  const problems: SchemaProblem[] = [];
  for (let t = 0; t < tables.length; t++) {
    const table = tables[t] as Table;
    const columnList = table.columnList;
    for (let c = 0; c < columnList.length; c++) {
      const column = columnList[c] as TableColumn;
      const references = column.definition.references;
      if (column.definition.kind !== "foreignKey" || references === undefined) continue;
      const at = { table: table.name, column: column.name };
      if (!FOREIGN_KEY_ACTIONS.includes(references.onDelete)) problems.push(actionProblem("onDelete", references.onDelete, at));
      if (!FOREIGN_KEY_ACTIONS.includes(references.onUpdate)) problems.push(actionProblem("onUpdate", references.onUpdate, at));
      const target = resolveForeignKeyTable(table, column);
      if (!target.ok) {
        problems.push({ message: target.problem, ...at });
        continue;
      }
      if (!knownTables.has(tableRef(target.value))) {
        problems.push({ message: `Foreign key references table "${target.value.name}", which is not in any app`, ...at });
        continue;
      }
      const resolved = facts.foreignKey(table, column);
      if (!resolved.ok) problems.push({ message: resolved.problem, ...at });
    }
  }
  return problems;
};

function actionProblem(option: string, action: unknown, at: { readonly table: string; readonly column: string }): SchemaProblem {
  return { message: `${option} "${String(action)}" is not one of ${FOREIGN_KEY_ACTIONS.map((a) => `"${a}"`).join(", ")}`, ...at };
}
