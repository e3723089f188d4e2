import { MigError } from "../errors/mig-error";
import { type Table, type TableColumn, isTable, tableRef } from "../schema/table";
import type { TableConstraint } from "../schema/table-constraints";
import type { TableFacts } from "../schema/table-facts";
import type { ColumnDefault } from "../snapshot/types";
import { checkTables, factsFor } from "./check-tables";
import type { ValidateTablesOptions } from "./schema-rule";
import { type ColumnEntity, type ColumnTypeSpec, type Entity, copyTypeParameters } from "../snapshot/entities";
import { Snapshot } from "../snapshot/snapshot";

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
 * import * as tables from "../snapshot/src/music/tables";
 * const snapshot = snapshotFromTables(tables, { externalTables: otherAppsTables });
 * snapshot.table("band")?.columns.map((c) => c.name); // ["id", "name", "manager", ...]
 * ```
 */
export function snapshotFromTables(input: TablesInput, options: ValidateTablesOptions = {}): Snapshot {
  const entries = collectTables(input);
  const tables = entries.map((entry) => entry.table);
  const facts = factsFor(options);
  checkTables(tables, options, facts);
  const entities: Entity[] = [];
  for (let i = 0; i < entries.length; i++) {
    const { table, className } = entries[i] as { table: Table; className?: string };
    tableEntities(table, className, facts, entities);
  }
  return Snapshot.fromEntities(entities);
}

/** Appends the table's entities: the table, its columns in order, then its indexes and constraints. */
function tableEntities(table: Table, className: string | undefined, facts: TableFacts, entities: Entity[]): void {
  const primaryKey = facts.primaryKey(table);
  // Entities name the table by its reference (schema-qualified when it has a schema); derived
  // index and constraint names keep coming from the plain name (`tableConstraints`).
  const ref = tableRef(table);
  const keyNames: string[] = [];
  for (let i = 0; i < primaryKey.length; i++) keyNames.push((primaryKey[i] as TableColumn).name);
  entities.push(className === undefined
    ? { kind: "table", name: ref, primaryKey: keyNames }
    : { kind: "table", name: ref, primaryKey: keyNames, className });
  const columns = table.columnList;
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i] as TableColumn;
    const type = expect(facts.columnType(table, column));
    const nullable = column.definition.nullable && !primaryKey.includes(column);
    const columnDefault = expect(facts.columnDefault(table, column, type));
    entities.push(columnEntity(ref, column.name, type, nullable, columnDefault));
  }
  const constraints = facts.constraints(table);
  for (let i = 0; i < constraints.length; i++) {
    const constraint = constraints[i] as TableConstraint;
    switch (constraint.kind) {
      case "index":
        entities.push({ kind: "index", table: ref, name: constraint.name, columns: constraint.columns, method: constraint.method });
        break;
      case "unique":
        entities.push({ kind: "unique", table: ref, name: constraint.name, columns: constraint.columns });
        break;
      case "check":
        entities.push({ kind: "check", table: ref, name: constraint.name, sql: constraint.sql });
        break;
      case "foreign_key": {
        const target = expect(facts.foreignKey(table, constraint.column));
        const references = constraint.column.definition.references;
        entities.push({
          kind: "foreign_key",
          table: ref,
          name: constraint.name,
          columns: constraint.columns,
          references: { table: tableRef(target.table), columns: [target.column.name] },
          onDelete: references?.onDelete ?? "no action",
          onUpdate: references?.onUpdate ?? "no action",
        });
        break;
      }
    }
  }
}

/**
 * `{ entity, table, name, ...type, nullable, default }`, built key by key (the type's parameters
 * only when present, in the type's order) rather than by spreading, which is slow in bulk.
 */
function columnEntity(table: string, name: string, type: ColumnTypeSpec, nullable: boolean, columnDefault: ColumnDefault | null): ColumnEntity {
  if (type.length === undefined && type.precision === undefined && type.scale === undefined && type.values === undefined && type.element === undefined) {
    return { kind: "column", table, name, type: type.type, nullable, default: columnDefault };
  }
  const entity: { -readonly [K in keyof ColumnEntity]: ColumnEntity[K] } = { kind: "column", table, name, type: type.type } as ColumnEntity;
  copyTypeParameters(entity, type);
  entity.nullable = nullable;
  entity.default = columnDefault;
  return entity;
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
