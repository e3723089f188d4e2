import type { ResolvedCapabilities } from "../dialect/capabilities";
import { MigError } from "../errors/mig-error";
import type { CreateTableOperation, Operation } from "../operations/operation";
import type { Snapshot } from "../snapshot/snapshot";
import { invertOperation } from "../manager/invert-operation";
import { lowerToRebuild } from "./lower-to-rebuild";
import { refusalOf } from "./refusal-of";
import { wrapForeignKeyColumnAlters } from "./wrap-foreign-key-alters";

/** An operation the dialect cannot perform in place, and why. */
export interface RefusedOperation {
  readonly operation: Operation;
  /** Its position in the plan. */
  readonly index: number;
  readonly table: string;
  readonly column?: string;
  readonly reason: string;
}

/** What a rebuild lowering receives: the whole plan, what was refused, and the schema before it. */
export interface RebuildRequest {
  readonly operations: readonly Operation[];
  readonly refused: readonly RefusedOperation[];
  readonly from: Snapshot;
}

/**
 * Rewrites the refused operations of a plan into `rebuild_table` operations (SQLite's copy into
 * a new table). The extension point of `planForDialect`; the plan it returns is checked again.
 */
export type RebuildLowering = (request: RebuildRequest) => readonly Operation[];

export interface PlanOptions {
  /** The user opted in to table rebuilds (`--allow-rebuild`). Default is `false`. */
  readonly allowRebuild?: boolean;
  /** The schema the plan starts from: what a rebuild copies. Required for rebuilds. */
  readonly from?: Snapshot;
  /** The lowering to use when rebuilds are allowed and the dialect offers them. Default: `lowerToRebuild`. */
  readonly rebuild?: RebuildLowering;
}

/**
 * Fits a diff's operations to what a dialect can do. Never drops anything silently: what the
 * dialect cannot do in place is lowered (a table rebuild, when the dialect offers it, the user
 * opted in and a lowering is given) or refused with one `MIG_E_UNSUPPORTED` error whose
 * problems name each refused operation (table, column).
 *
 * @example
 * ```ts
 * const plan = planForDialect(diff(before, after), resolveCapabilities(dialect.capabilities));
 * ```
 */
export function planForDialect(operations: readonly Operation[], capabilities: ResolvedCapabilities, options: PlanOptions = {}): readonly Operation[] {
  const folded = capabilities.alterConstraints ? operations : foldCycleForeignKeys(operations);
  const limits = { retype: !capabilities.alterForeignKeyColumnType, rename: !capabilities.renameForeignKeyColumn };
  const plan = limits.retype || limits.rename ? wrapForeignKeyColumnAlters(folded, options.from, limits) : folded;
  const refused = [...refusedOperations(plan, capabilities), ...irreversibleDrops(plan, capabilities)].sort((a, b) => a.index - b.index);
  if (refused.length === 0) return plan;

  const { allowRebuild = false, from, rebuild = lowerToRebuild } = options;
  if (allowRebuild && capabilities.rebuildTable && from && rebuild) {
    // The lowered plan must need nothing more: check it without rebuilds.
    return planForDialect(rebuild({ operations: plan, refused, from }), capabilities, {});
  }
  const hint = !capabilities.rebuildTable
    ? "Write these changes by hand in a raw migration, or change the tables so that they are not needed"
    : !allowRebuild
      ? "This dialect can rebuild the tables instead: pass --allow-rebuild (it copies each table into a new one)"
      : "Table rebuilds are not available for this plan (no rebuild lowering, or no starting snapshot)";
  throw new MigError("MIG_E_UNSUPPORTED", `The database cannot do ${refused.length === 1 ? "this change" : `${refused.length} of these changes`} in place`, {
    problems: refused.map(({ table, column, reason }) => ({ message: reason, table, ...(column !== undefined ? { column } : {}) })),
    meta: { operations: refused.map(({ operation, index, table, column }) => ({ kind: operation.kind, index, table, ...(column !== undefined ? { column } : {}) })) },
    hint,
  });
}

/** Every operation of the plan the dialect cannot perform, in plan order. */
export function refusedOperations(operations: readonly Operation[], capabilities: ResolvedCapabilities): RefusedOperation[] {
  const refused: RefusedOperation[] = [];
  operations.forEach((operation, index) => {
    const refusal = refusalOf(operation, operations, capabilities);
    if (refusal) refused.push({ operation, index, ...refusal });
  });
  return refused;
}

/**
 * Dropped columns the dialect could not add back when the migration is reversed (SQLite cannot
 * ADD COLUMN with a now() or random default, nor with a value for existing rows): planned like a refused change (a rebuild, or a
 * refusal), so that `mig new` never writes a migration whose backwards cannot run. Only the
 * planner asks this; the runner still runs such a drop forwards in migrations written before.
 */
function irreversibleDrops(operations: readonly Operation[], capabilities: ResolvedCapabilities): RefusedOperation[] {
  return operations.flatMap((operation, index): RefusedOperation[] => {
    if (operation.kind !== "drop_column") return [];
    const back = refusalOf(invertOperation(operation), operations, capabilities);
    if (!back) return [];
    const reason = `drop_column ${operation.table}.${operation.column.name}: going backwards, ${back.reason.slice(back.reason.indexOf(": ") + 2)}`;
    return [{ operation, index, table: operation.table, column: operation.column.name, reason }];
  });
}

/**
 * A dialect that cannot add a foreign key to an existing table gets the FKs of a cycle inside
 * the CREATE TABLE statements instead. Such a dialect (SQLite) accepts a reference to a table
 * that does not exist yet: foreign-key errors that need another table's definition are not
 * detected by CREATE TABLE, only when rows are written (sqlite.org/foreignkeys.html, "foreign key
 * DML errors").
 */
function foldCycleForeignKeys(operations: readonly Operation[]): readonly Operation[] {
  const created = new Map<string, CreateTableOperation>();
  for (const op of operations) if (op.kind === "create_table") created.set(op.schema.table.name, op);
  const folded = new Map<string, CreateTableOperation>();
  const result: Operation[] = [];
  for (const op of operations) {
    const create = op.kind === "add_foreign_key" ? created.get(op.foreignKey.table) : undefined;
    if (op.kind !== "add_foreign_key" || !create) {
      result.push(op);
      continue;
    }
    const name = create.schema.table.name;
    const current = folded.get(name) ?? create;
    folded.set(name, { kind: "create_table", schema: { ...current.schema, foreignKeys: [...current.schema.foreignKeys, op.foreignKey] } });
  }
  return folded.size === 0 ? operations : result.map((op) => (op.kind === "create_table" ? (folded.get(op.schema.table.name) ?? op) : op));
}
