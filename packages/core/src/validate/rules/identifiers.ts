import type { TableConstraint } from "../../schema/table-constraints";
import type { Table, TableColumn } from "../../schema/table";
import { identifierByteLength, isLongerThan } from "../../snapshot/derive-name";
import { type SchemaProblem, type SchemaRule, factsOf } from "../schema-rule";

/** Table, column, index and constraint names fit the dialect's identifier length; given names are not empty. */
export const identifiers: SchemaRule = (context) => {
  const { maxIdentifierLength: max } = context;
  const facts = factsOf(context);
  const problems: SchemaProblem[] = [];
  const tooLong = (name: string) => `"${name}" is ${identifierByteLength(name)} bytes long; the limit is ${max}`;
  const tables = context.tables;
  for (let t = 0; t < tables.length; t++) {
    const table = tables[t] as Table;
    if (typeof table.name !== "string") continue;
    if (isLongerThan(table.name, max)) problems.push({ message: `Table name ${tooLong(table.name)}`, table: table.name, identifier: true });
    const columnList = table.columnList;
    for (let c = 0; c < columnList.length; c++) {
      const column = columnList[c] as TableColumn;
      if (isLongerThan(column.name, max)) problems.push({ message: `Column name ${tooLong(column.name)}`, table: table.name, column: column.name, identifier: true });
    }
    const constraints = facts.constraints(table);
    for (let i = 0; i < constraints.length; i++) {
      const constraint = constraints[i] as TableConstraint;
      if (!constraint.named) continue;
      const column = constraint.columns.length === 1 ? constraint.columns[0] : undefined;
      const label = constraint.kind === "index" ? "Index" : "Constraint";
      if (typeof constraint.name !== "string" || constraint.name.trim() === "") {
        problems.push({ message: `${label} name is empty`, table: table.name, column, identifier: true });
      } else if (isLongerThan(constraint.name, max)) {
        problems.push({ message: `${label} name ${tooLong(constraint.name)}`, table: table.name, column, identifier: true });
      }
    }
  }
  return problems;
};
