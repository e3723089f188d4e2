import type { Table, TableColumn } from "../../schema/table";
import { TYPE_NAMES } from "../../snapshot/types";
import type { SchemaProblem, SchemaRule } from "../schema-rule";

const MAX_NUMERIC_PRECISION = 1000;
const KNOWN_KINDS: ReadonlySet<string> = new Set([...TYPE_NAMES, "foreignKey"]);

/** Type parameters make sense: a positive varchar length, numeric precision 1–1000 and scale 0–precision. */
export const columnTypes: SchemaRule = ({ tables }) => {
  const problems: SchemaProblem[] = [];
  for (let t = 0; t < tables.length; t++) {
    const table = tables[t] as Table;
    const columnList = table.columnList;
    for (let c = 0; c < columnList.length; c++) {
      const column = columnList[c] as TableColumn;
      const { kind, length, precision, scale } = column.definition;
      // Most columns have no parameter to check.
      if (KNOWN_KINDS.has(kind) && length === undefined && precision === undefined && scale === undefined) continue;
      const at = { table: table.name, column: column.name };
      if (!KNOWN_KINDS.has(kind)) problems.push({ message: `Unknown column type "${String(kind)}"`, ...at });
      if (length !== undefined && !(Number.isInteger(length) && length > 0)) {
        problems.push({ message: `varchar length must be a positive integer, not ${String(length)}`, ...at });
      }
      if (precision !== undefined && !(Number.isInteger(precision) && precision >= 1 && precision <= MAX_NUMERIC_PRECISION)) {
        problems.push({ message: `numeric precision must be an integer from 1 to ${MAX_NUMERIC_PRECISION}, not ${String(precision)}`, ...at });
      }
      if (scale !== undefined) {
        if (precision === undefined) problems.push({ message: "numeric scale needs a precision", ...at });
        else if (!(Number.isInteger(scale) && scale >= 0 && scale <= precision)) {
          problems.push({ message: `numeric scale must be an integer from 0 to the precision (${precision}), not ${String(scale)}`, ...at });
        }
      }
    }
  }
  return problems;
};
