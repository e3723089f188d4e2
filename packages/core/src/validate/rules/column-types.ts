import type { Table, TableColumn } from "../../schema/table";
import { ARRAY_ELEMENT_TYPES, TYPE_NAMES } from "../../snapshot/types";
import type { ColumnDefinition } from "../../schema/column-definition";
import type { SchemaProblem, SchemaRule } from "../schema-rule";

const MAX_NUMERIC_PRECISION = 1000;
const KNOWN_KINDS: ReadonlySet<string> = new Set([...TYPE_NAMES, "foreignKey"]);

/** PostgreSQL's limit on an enum label, in bytes (NAMEDATALEN - 1); kept everywhere so a schema moves between dialects. */
const MAX_ENUM_LABEL_BYTES = 63;

/**
 * Type parameters make sense: a positive varchar or char length, numeric precision 1–1000 and
 * scale 0–precision, an enum's name and distinct labels, an array's element type and fallback;
 * and no option key the factory did not know.
 */
export const columnTypes: SchemaRule = ({ tables }) => {
  const problems: SchemaProblem[] = [];
  for (let t = 0; t < tables.length; t++) {
    const table = tables[t] as Table;
    const columnList = table.columnList;
    for (let c = 0; c < columnList.length; c++) {
      const column = columnList[c] as TableColumn;
      const { kind, length, precision, scale } = column.definition;
      // Most columns have no parameter to check.
      if (KNOWN_KINDS.has(kind) && length === undefined && precision === undefined && scale === undefined && kind !== "enum" && kind !== "array" && column.definition.unknownOptions === undefined) continue;
      const at = { table: table.name, column: column.name };
      const unknown = column.definition.unknownOptions;
      if (unknown !== undefined) {
        for (const key of unknown.keys) problems.push({ message: `Unknown option "${key}" of ${unknown.factory}() (it takes ${unknown.known.join(", ")})`, ...at });
      }
      if (kind === "enum") problems.push(...enumProblems(column.definition, at));
      if (kind === "array") problems.push(...arrayProblems(column.definition, at));
      if (!KNOWN_KINDS.has(kind)) problems.push({ message: `Unknown column type "${String(kind)}"`, ...at });
      if (length !== undefined && !(Number.isInteger(length) && length > 0)) {
        problems.push({ message: `${kind} length must be a positive integer, not ${String(length)}`, ...at });
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

type At = { readonly table: string; readonly column: string };

function enumProblems(definition: ColumnDefinition, at: At): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const { enumName, values } = definition;
  if (typeof enumName !== "string" || enumName === "") problems.push({ message: "enumeration() needs a type name, a non-empty string", ...at });
  if (!Array.isArray(values) || values.length === 0) {
    problems.push({ message: "enumeration() needs at least one label", ...at });
    return problems;
  }
  const seen = new Set<string>();
  for (const value of values as readonly unknown[]) {
    if (typeof value !== "string" || value === "") problems.push({ message: `An enum label must be a non-empty string, not ${JSON.stringify(value) ?? String(value)}`, ...at });
    else if (Buffer.byteLength(value, "utf8") > MAX_ENUM_LABEL_BYTES) problems.push({ message: `Enum label ${JSON.stringify(value)} is longer than ${MAX_ENUM_LABEL_BYTES} bytes`, ...at });
    else if (seen.has(value)) problems.push({ message: `Enum label ${JSON.stringify(value)} is listed twice`, ...at });
    else seen.add(value);
  }
  return problems;
}

function arrayProblems(definition: ColumnDefinition, at: At): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const element = definition.element;
  if (element === undefined || !ARRAY_ELEMENT_TYPES.includes(element.type)) {
    problems.push({ message: `array() cannot hold ${element === undefined ? "nothing" : `"${String(element.type)}"`} (it holds ${ARRAY_ELEMENT_TYPES.join(", ")})`, ...at });
  }
  if (definition.fallback !== undefined && definition.fallback !== "json") {
    problems.push({ message: `Unknown array fallback "${String(definition.fallback)}" (the one fallback is "json")`, ...at });
  }
  return problems;
}
