import { MigError } from "../errors/mig-error";
import { applyToState } from "../operations/apply-to-state";
import { SchemaState } from "../operations/schema-state";
import type { AlterColumnOperation, Operation } from "../operations/operation";
import type { ForeignKeyEntity } from "../snapshot/entities";
import { entityKey, sameType } from "../snapshot/entities";
import type { Snapshot } from "../snapshot/snapshot";

/** True for an alter that changes the column's type (with its length, precision or scale). */
export function changesType(operation: AlterColumnOperation): boolean {
  return !sameType(operation.from, operation.to);
}

/** Which column changes a foreign key must not be in place for (the dialect's capabilities, negated). */
export interface ForeignKeyColumnLimits {
  /** Type changes (`alterForeignKeyColumnType: false`). */
  readonly retype: boolean;
  /** Renames (`renameForeignKeyColumn: false`). */
  readonly rename: boolean;
}

/** The column an operation changes in a way the dialect cannot do under a foreign key, if any. */
function columnInTheWay(operation: Operation, limits: ForeignKeyColumnLimits): { table: string; column: string } | undefined {
  if (limits.retype && operation.kind === "alter_column" && changesType(operation)) return { table: operation.table, column: operation.from.name };
  if (limits.rename && operation.kind === "rename_column") return { table: operation.table, column: operation.from };
  return undefined;
}

/** True when the plan changes a column in a way the dialect cannot do under a foreign key (the wrap may be needed). */
export function hasForeignKeyColumnChange(operations: readonly Operation[], limits: ForeignKeyColumnLimits): boolean {
  return operations.some((op) => columnInTheWay(op, limits) !== undefined);
}

const uses = (fk: ForeignKeyEntity, table: string, column: string): boolean =>
  (fk.table === table && fk.columns.includes(column)) || (fk.references.table === table && fk.references.columns.includes(column));

/**
 * For dialects that cannot change the type of a column while a foreign key uses it
 * (`alterForeignKeyColumnType: false`; MySQL/MariaDB errors 1832 and 1833), or cannot rename such
 * a column in every table (`renameForeignKeyColumn: false`; MariaDB error 1846 when the table must
 * be copied, e.g. for a unique TEXT column): every foreign key that uses such a column, on either
 * side, is dropped right before the first such change and added back right after the last one,
 * as it is then (with the columns' new names). Other operations keep their order.
 *
 * Needs `from` (the schema the plan starts from, or a function that gives it: asked only when a
 * change is in the way) to know the foreign keys that exist.
 */
export function wrapForeignKeyColumnAlters(
  operations: readonly Operation[],
  from: Snapshot | (() => Snapshot) | undefined,
  limits: ForeignKeyColumnLimits = { retype: true, rename: false },
): readonly Operation[] {
  const changed = operations.map((op, index) => (columnInTheWay(op, limits) ? index : -1)).filter((i) => i >= 0);
  if (changed.length === 0) return operations;
  if (!from) {
    throw new MigError("MIG_E_INTERNAL", "planForDialect needs the starting snapshot (`from`) to plan changes of foreign-key columns");
  }
  const first = changed[0] as number;
  const last = changed[changed.length - 1] as number;
  // The schema just before the first change: its foreign keys are the ones that can be in the way.
  const state = SchemaState.from(typeof from === "function" ? from() : from);
  for (const op of operations.slice(0, first)) applyToState(state, op);
  const foreignKeysOf = (snapshot: Snapshot) => snapshot.entities.filter((e): e is ForeignKeyEntity => e.kind === "foreign_key");
  const before = new Map(foreignKeysOf(state.toSnapshot()).map((fk) => [entityKey(fk), fk]));

  // Walk the changes in order: a column renamed earlier in the plan is known by its new name.
  const inTheWay = new Set<string>();
  for (let index = first; index <= last; index++) {
    const op = operations[index] as Operation;
    const column = columnInTheWay(op, limits);
    if (column) {
      for (const fk of foreignKeysOf(state.toSnapshot())) if (uses(fk, column.table, column.column)) inTheWay.add(entityKey(fk));
    }
    applyToState(state, op);
  }
  if (inTheWay.size === 0) return operations;
  const after = new Map(foreignKeysOf(state.toSnapshot()).map((fk) => [entityKey(fk), fk]));
  const keys = [...inTheWay];
  return [
    ...operations.slice(0, first),
    ...keys.map((key): Operation => ({ kind: "drop_foreign_key", foreignKey: before.get(key) as ForeignKeyEntity })),
    ...operations.slice(first, last + 1),
    ...keys.flatMap((key): Operation[] => {
      const foreignKey = after.get(key);
      return foreignKey ? [{ kind: "add_foreign_key", foreignKey }] : [];
    }),
    ...operations.slice(last + 1),
  ];
}
