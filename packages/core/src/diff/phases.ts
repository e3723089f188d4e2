import type { Operation, SchemaOperationKind } from "../operations/operation";
import { compareStrings } from "../snapshot/snapshot";

/**
 * The order of a diff, as data: every operation kind runs in a phase, phases run in this order.
 *
 * Drops come first, while old names are valid and before anything that depends on their absence;
 * renames next, so that everything after uses new names; then creations, each after what it
 * refers to (tables before their columns' constraints, indexes and foreign keys last).
 * `rebuild_table` shares the alter phase: it stands for the alterations it replaces.
 */
export const OPERATION_PHASES: Readonly<Record<SchemaOperationKind, number>> = {
  drop_foreign_key: 0,
  drop_index: 1,
  drop_unique: 2,
  drop_check: 2,
  drop_table: 3,
  rename_table: 4,
  rename_column: 5,
  drop_column: 6,
  alter_column: 7,
  rebuild_table: 7,
  create_table: 8,
  add_column: 9,
  add_unique: 10,
  add_check: 10,
  add_index: 11,
  add_foreign_key: 12,
};

/** A tie-break inside a phase: compared element by element (numbers numerically, strings by code point). */
export type SortKey = readonly (string | number)[];

/** An operation with its place inside its phase. */
export interface PlannedOperation {
  readonly operation: Exclude<Operation, { kind: "raw" }>;
  readonly key: SortKey;
}

/** Sorts planned operations by phase, then by their key: same input, same order. */
export function orderOperations(planned: readonly PlannedOperation[]): Operation[] {
  return [...planned]
    .sort((a, b) => OPERATION_PHASES[a.operation.kind] - OPERATION_PHASES[b.operation.kind] || compareKeys(a.key, b.key))
    .map((entry) => entry.operation);
}

function compareKeys(a: SortKey, b: SortKey): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i] as string | number;
    const y = b[i] as string | number;
    const order = typeof x === "number" && typeof y === "number" ? x - y : compareStrings(String(x), String(y));
    if (order !== 0) return order;
  }
  return a.length - b.length;
}
