import { MigError } from "../errors/mig-error";
import { normaliseDefault } from "../schema/normalise-default";
import { resolveColumnType, resolveForeignKey } from "../schema/resolve-foreign-key";
import { type Table, isTable } from "../schema/table";
import { primaryKeyColumns } from "../schema/table-columns";
import { tableConstraints } from "../schema/table-constraints";
import type { ValidateTablesOptions } from "../validate/schema-rule";
import { validateTables } from "../validate/validate-tables";
import type { Entity } from "./entities";
import { Snapshot } from "./snapshot";

/** Tables as a list, or as a tables module's exports (non-table exports are ignored). */
export type TablesInput = readonly Table[] | Readonly<Record<string, unknown>>;

/**
 * The snapshot of an app's tables: what the database should look like. Validates first and throws
 * one `MIG_E_SCHEMA_INVALID` (or `MIG_E_IDENTIFIER`) error listing every problem, so nothing is
 * written from an invalid definition.
 *
 * Given a tables module's exports, each table's export name becomes its `className` (a table
 * exported under several names takes the first in code-point order, `default` last).
 * Same input, equal snapshot.
 *
 * @example
 * ```ts
 * import * as tables from "./src/music/tables";
 * const snapshot = snapshotFromTables(tables, { externalTables: otherAppsTables });
 * snapshot.table("band")?.columns.map((c) => c.name); // ["id", "name", "manager", ...]
 * ```
 */
export function snapshotFromTables(input: TablesInput, options: ValidateTablesOptions = {}): Snapshot {
  const entries = collectTables(input);
  const tables = entries.map((entry) => entry.table);
  validateTables(tables, options);
  const entities: Entity[] = [];
  for (const { table, className } of entries) entities.push(...tableEntities(table, className, options.maxIdentifierLength));
  return Snapshot.fromEntities(entities);
}

function tableEntities(table: Table, className: string | undefined, maxIdentifierLength: number | undefined): Entity[] {
  const primaryKey = primaryKeyColumns(table);
  const entities: Entity[] = [{
    entity: "table",
    name: table.name,
    primaryKey: primaryKey.map((c) => c.name),
    ...(className === undefined ? {} : { className }),
  }];
  for (const column of table.columnList) {
    const type = expect(resolveColumnType(table, column));
    const nullable = column.definition.nullable && !primaryKey.includes(column);
    const columnDefault = expect(normaliseDefault(column.definition.default, type, nullable));
    entities.push({ entity: "column", table: table.name, name: column.name, ...type, nullable, default: columnDefault });
  }
  for (const constraint of tableConstraints(table, maxIdentifierLength)) {
    const base = { table: table.name, name: constraint.name };
    switch (constraint.kind) {
      case "index":
        entities.push({ entity: "index", ...base, columns: constraint.columns, method: constraint.method });
        break;
      case "unique":
        entities.push({ entity: "unique", ...base, columns: constraint.columns });
        break;
      case "check":
        entities.push({ entity: "check", ...base, sql: constraint.sql });
        break;
      case "foreign_key": {
        const target = expect(resolveForeignKey(table, constraint.column));
        const references = constraint.column.definition.references;
        entities.push({
          entity: "foreign_key",
          ...base,
          columns: constraint.columns,
          references: { table: target.table.name, columns: [target.column.name] },
          onDelete: references?.onDelete ?? "no action",
          onUpdate: references?.onUpdate ?? "no action",
        });
        break;
      }
    }
  }
  return entities;
}

function collectTables(input: TablesInput): { table: Table; className?: string }[] {
  if (Array.isArray(input)) {
    const problems = input.flatMap((value, i) => (isTable(value) ? [] : [{ message: `Value #${i + 1} is not a table(...) value` }]));
    if (problems.length > 0) {
      throw new MigError("MIG_E_SCHEMA_INVALID", `${problems.length} of the values given as tables are not table(...) values`, { problems });
    }
    return [...new Set(input as readonly Table[])].map((table) => ({ table }));
  }
  const names = new Map<Table, string>();
  const keys = Object.keys(input).sort((a, b) => (a === "default" ? 1 : b === "default" ? -1 : a < b ? -1 : a > b ? 1 : 0));
  for (const key of keys) {
    const value = (input as Readonly<Record<string, unknown>>)[key];
    if (isTable(value) && !names.has(value)) names.set(value, key);
  }
  // A table exported only as `default` has no class name to follow renames by.
  return [...names].map(([table, className]) => (className === "default" ? { table } : { table, className }));
}

/** Validation has already checked everything these resolve; a failure here is a bug in mig. */
function expect<T>(result: { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string }): T {
  if (result.ok) return result.value;
  throw new MigError("MIG_E_INTERNAL", `Validated tables failed to resolve: ${result.problem}`);
}
