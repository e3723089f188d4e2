import { MigError, isMigError } from "../errors/mig-error";
import { applyOperation, applyOperations } from "../operations/apply-operation";
import { IN_TABLE_KINDS, type Operation, type OperationKind, type RebuildTableOperation } from "../operations/operation";
import type { JsonValue } from "../snapshot/types";
import type { TableSchema } from "../snapshot/entities";
import { type Snapshot, compareStrings } from "../snapshot/snapshot";
import { OPERATION_PHASES } from "./phases";
import type { RebuildRequest } from "./plan-operations";
import { orderRebuilds } from "./order-rebuilds";
import { TableNameTracker } from "./table-name-tracker";

/** Refusals a rebuild cures. An index method the database lacks, say, it does not. */
export const REBUILD_CURES: ReadonlySet<OperationKind> = new Set([
  "add_column", "drop_column", "alter_column",
  "add_unique", "drop_unique", "add_check", "drop_check", "add_foreign_key", "drop_foreign_key",
]);

/**
 * The default rebuild lowering of `planForDialect`: one `rebuild_table` per existing table that
 * has a refused change, replacing every in-place change of that table in the plan (renames stay).
 *
 * - `from` is the table as it is when the rebuild runs, `to` its final definition, both under the
 *   names valid at that moment; `columnMap` maps each kept column to itself (new columns are
 *   absent and take their default or `backfill`); `backfill` gathers the values of new NOT NULL
 *   columns and of columns made NOT NULL.
 * - The rebuilds run after the drops of foreign keys, indexes and constraints and before
 *   `drop_table` (a table whose foreign key to a dropped table goes away must lose it first), so
 *   before renames, which SQLite then applies to the rebuilt table and everything that names it.
 *   Between rebuilds: a table after the tables its new foreign keys reference, before the tables
 *   its dropped foreign keys referenced.
 * - A table that also has a refusal a rebuild does not cure is left alone (the plan stays refused).
 *
 * Throws `MIG_E_UNSUPPORTED` when the renames of the plan cannot be undone to name the rebuilt
 * table as it is before them (a column renamed and a new one given its old name).
 *
 * @example
 * ```ts
 * const plan = planForDialect(diff(before, after), capabilities, { allowRebuild: true, from: before });
 * // [{ kind: "rebuild_table", from: <band before>, to: <band after>, columnMap: { id: "id", name: "name" } }]
 * ```
 */
export function lowerToRebuild({ operations, refused, from }: RebuildRequest): readonly Operation[] {
  const tracker = new TableNameTracker(from);
  const places = operations.map((operation) => tracker.place(operation));
  const wanted = new Set<string>();
  const blocked = new Set<string>();
  for (const { operation, index } of refused) {
    const origin = places[index]?.table;
    if (origin === undefined) continue;
    (REBUILD_CURES.has(operation.kind) ? wanted : blocked).add(origin);
  }
  const tables = [...wanted].filter((name) => !blocked.has(name)).sort(compareStrings);
  if (tables.length === 0) return operations;

  const rebuilt = new Set(tables);
  const absorbed = operations.map((operation, i) => {
    const origin = places[i]?.table;
    return IN_TABLE_KINDS.has(operation.kind) && origin !== undefined && rebuilt.has(origin);
  });
  const kept = operations.filter((_, i) => !absorbed[i]);
  const found = kept.findIndex((operation) => operation.kind !== "raw" && OPERATION_PHASES[operation.kind] >= OPERATION_PHASES.drop_table);
  const position = found === -1 ? kept.length : found;

  const current = applyOperations(from, kept.slice(0, position));
  const target = undoRenames(applyOperations(from, operations), operations, tables);
  const rebuilds = tables.map((name) => {
    const mine = operations.filter((_, i) => absorbed[i] && places[i]?.table === name);
    const columnAt = (i: number, column: string) => places[i]?.column(column) ?? column;
    return rebuildOf(current.table(name) as TableSchema, target.table(name) as TableSchema, mine, operations, columnAt);
  });
  return [...kept.slice(0, position), ...orderRebuilds(rebuilds), ...kept.slice(position)];
}

/** The final schema under the names valid before the plan's renames (undone newest first). */
function undoRenames(final: Snapshot, operations: readonly Operation[], tables: readonly string[]): Snapshot {
  let snapshot = final;
  for (const operation of [...operations].reverse()) {
    if (operation.kind !== "rename_table" && operation.kind !== "rename_column") continue;
    const inverse: Operation = { ...operation, from: operation.to, to: operation.from };
    try {
      snapshot = applyOperation(snapshot, inverse);
    } catch (error) {
      if (!isMigError(error, "MIG_E_REPLAY")) throw error;
      throw new MigError("MIG_E_UNSUPPORTED", `Cannot rebuild ${tables.join(", ")} in the same migration as ${operation.kind} ${operation.from} → ${operation.to}`, {
        hint: "Make the rename a migration of its own, then generate the rebuild",
        meta: { tables, operation: operation.kind },
        cause: error,
      });
    }
  }
  return snapshot;
}

function rebuildOf(
  from: TableSchema,
  to: TableSchema,
  absorbed: readonly Operation[],
  operations: readonly Operation[],
  columnAt: (index: number, column: string) => string,
): RebuildTableOperation {
  // Maps, then fromEntries: a column may be called "__proto__".
  const backfill = new Map<string, JsonValue>();
  const added = new Set<string>();
  for (const operation of absorbed) {
    const index = operations.indexOf(operation);
    if (operation.kind === "add_column") {
      const name = columnAt(index, operation.column.name);
      added.add(name);
      if (operation.backfill !== undefined) backfill.set(name, operation.backfill);
    }
    if (operation.kind === "alter_column" && operation.backfill !== undefined) backfill.set(columnAt(index, operation.to.name), operation.backfill);
  }
  const kept = to.columns.filter((column) => !added.has(column.name) && from.columns.some((c) => c.name === column.name));
  return {
    kind: "rebuild_table",
    from,
    to,
    columnMap: Object.fromEntries(kept.map((column) => [column.name, column.name])),
    ...(backfill.size > 0 ? { backfill: Object.fromEntries(backfill) } : {}),
  };
}
