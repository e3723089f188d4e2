import type { Table, TableColumn } from "../../schema/table";
import { findColumn, uniqueOptionColumns } from "../../schema/table-columns";
import { INDEX_METHODS, type IndexMethod } from "../../snapshot/types";
import { identifierByteLength, isLongerThan } from "../../snapshot/derive-name";
import type { SchemaProblem, SchemaRule } from "../schema-rule";

/** The options `table(name, columns, options)` takes. */
const TABLE_OPTION_KEYS: readonly string[] = ["primaryKey", "unique", "indexes", "checks", "schema"];

/**
 * Options are known; the `unique`, `indexes` and `checks` options name existing columns (each once, at least one),
 * checks have SQL, and index methods (of options and of `.index()`) are known and allowed.
 */
export const tableOptions: SchemaRule = ({ tables, indexMethods, maxIdentifierLength }) => {
  const problems: SchemaProblem[] = [];
  for (let t = 0; t < tables.length; t++) {
    const table = tables[t] as Table;
    // An option mig does not know is never dropped silently (a `schema` would otherwise put the
    // table somewhere else than the user meant).
    for (const key of Object.keys(table.options)) {
      if (!TABLE_OPTION_KEYS.includes(key)) {
        problems.push({ message: `Unknown table option "${key}" (mig knows ${TABLE_OPTION_KEYS.join(", ")})`, table: table.name });
      }
    }
    if ("schema" in table.options) problems.push(...schemaProblems(table, maxIdentifierLength));
    for (const option of table.options.unique ?? []) problems.push(...columnsProblems(table, "unique", uniqueOptionColumns(option)));
    for (const option of table.options.indexes ?? []) {
      problems.push(...columnsProblems(table, "indexes", Array.isArray(option?.columns) ? option.columns : []));
      problems.push(...methodProblems(option?.method ?? "btree", indexMethods, table.name, undefined));
    }
    (table.options.checks ?? []).forEach((check, position) => {
      if (typeof check?.sql !== "string" || check.sql.trim() === "") {
        problems.push({ message: `Check ${check?.name === undefined ? `#${position + 1}` : `"${check.name}"`} has no SQL`, table: table.name });
      }
    });
    const columnList = table.columnList;
    for (let c = 0; c < columnList.length; c++) {
      const column = columnList[c] as TableColumn;
      const index = column.definition.index;
      if (index && !isAllowed(index.method, indexMethods)) problems.push(...methodProblems(index.method, indexMethods, table.name, column.name));
    }
  }
  return problems;
};

/** The `schema` option is a non-empty name the dialect accepts (its identifier length limit). */
function schemaProblems(table: Table, max: number): SchemaProblem[] {
  const schema: unknown = table.options.schema;
  if (typeof schema !== "string" || schema.trim() === "" || schema.includes("\0")) {
    return [{ message: `The schema option must be a non-empty name without NUL (got ${JSON.stringify(schema) ?? String(schema)})`, table: table.name, identifier: true }];
  }
  if (isLongerThan(schema, max)) {
    return [{ message: `Schema name "${schema}" is ${identifierByteLength(schema)} bytes long; the limit is ${max}`, table: table.name, identifier: true }];
  }
  return [];
}

function columnsProblems(table: Table, option: "unique" | "indexes", keys: readonly string[]): SchemaProblem[] {
  if (keys.length === 0) return [{ message: `An entry of the ${option} option names no column`, table: table.name }];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const key of keys) {
    const column = findColumn(table, key);
    if (!column) problems.push({ message: `The ${option} option names column "${key}", which the table does not have`, table: table.name, column: String(key) });
    else if (seen.has(column.name)) problems.push({ message: `An entry of the ${option} option names column "${key}" twice`, table: table.name, column: column.name });
    else seen.add(column.name);
  }
  return problems;
}

function methodProblems(method: IndexMethod, allowed: readonly IndexMethod[] | undefined, table: string, column: string | undefined): SchemaProblem[] {
  if (!INDEX_METHODS.includes(method)) return [{ message: `Unknown index method "${String(method)}"`, table, column }];
  if (allowed && !allowed.includes(method)) {
    return [{ message: `Index method "${method}" is not supported here (supported: ${allowed.join(", ")})`, table, column }];
  }
  return [];
}

/** True for a known method that is allowed (the usual case, checked without allocating). */
function isAllowed(method: IndexMethod, allowed: readonly IndexMethod[] | undefined): boolean {
  return INDEX_METHODS.includes(method) && (allowed === undefined || allowed.includes(method));
}
