import { MigError } from "../errors/mig-error";
import { applyToState } from "../manager/apply-to-state";
import { SchemaState } from "../manager/schema-state";
import type { AlterColumnOperation, Operation } from "../operations/operation";
import type { ColumnTypeSpec, ForeignKeyEntity } from "../snapshot/entities";
import { entityKey } from "../snapshot/entities";
import type { Snapshot } from "../snapshot/snapshot";

const sameType = (a: ColumnTypeSpec, b: ColumnTypeSpec): boolean =>
  a.type === b.type && a.length === b.length && a.precision === b.precision && a.scale === b.scale;

/** True for an alter that changes the column's type (with its length, precision or scale). */
export function changesType(operation: AlterColumnOperation): boolean {
  return !sameType(operation.from, operation.to);
}

/**
 * For dialects that cannot change the type of a column while a foreign key uses it
 * (`alterForeignKeyColumnType: false`; MySQL/MariaDB errors 1832 and 1833): every foreign key
 * that uses a retyped column, on either side, is dropped right before the first such alter and
 * added back, unchanged, right after the last one. Other operations keep their order.
 *
 * Needs `from` (the schema the plan starts from) to know the foreign keys that exist.
 */
export function wrapForeignKeyColumnAlters(operations: readonly Operation[], from: Snapshot | undefined): readonly Operation[] {
  const retyped = operations.map((op, index) => (op.kind === "alter_column" && changesType(op) ? index : -1)).filter((i) => i >= 0);
  if (retyped.length === 0) return operations;
  if (!from) {
    throw new MigError("MIG_E_INTERNAL", "planForDialect needs the starting snapshot (`from`) to plan type changes of foreign-key columns");
  }
  const first = retyped[0] as number;
  const last = retyped[retyped.length - 1] as number;
  // The schema just before the first retyping alter: its foreign keys are the ones in the way.
  const state = SchemaState.from(from);
  for (const op of operations.slice(0, first)) applyToState(state, op);
  const foreignKeys = state.toSnapshot().entities.filter((e): e is ForeignKeyEntity => e.entity === "foreign_key");

  const inTheWay = new Map<string, ForeignKeyEntity>();
  for (const index of retyped) {
    const { table, to } = operations[index] as AlterColumnOperation;
    for (const fk of foreignKeys) {
      const uses = (fk.table === table && fk.columns.includes(to.name)) || (fk.references.table === table && fk.references.columns.includes(to.name));
      if (uses) inTheWay.set(entityKey(fk), fk);
    }
  }
  if (inTheWay.size === 0) return operations;
  const wrapped = [...inTheWay.values()];
  return [
    ...operations.slice(0, first),
    ...wrapped.map((foreignKey): Operation => ({ kind: "drop_foreign_key", foreignKey })),
    ...operations.slice(first, last + 1),
    ...wrapped.map((foreignKey): Operation => ({ kind: "add_foreign_key", foreignKey })),
    ...operations.slice(last + 1),
  ];
}
