import type { Statement } from "@mig/core/dialect";

/**
 * What a statement of a table rebuild does. The connection runs each one and turns any failure
 * into `MIG_E_REBUILD` naming the table; the marked steps also check or act on what they read:
 *
 * - `guard`: reads `PRAGMA foreign_keys`; enforcement must be off and a transaction open.
 * - `drop-dependents`: reads the views and triggers from `sqlite_master`, keeps those that name
 *   the table (or a view that does), and drops them.
 * - `count`: reads the row counts of the old and new table; they must be equal.
 * - `restore-dependents`: re-creates what `drop-dependents` dropped, in creation order.
 * - `foreign-key-check`: reads foreign-key violations; there must be none.
 */
export type RebuildStep =
  | "guard"
  | "drop-dependents"
  | "create"
  | "copy"
  | "sequence"
  | "count"
  | "drop"
  | "rename"
  | "index"
  | "restore-dependents"
  | "foreign-key-check";

/** A statement of a table rebuild: `table` is the rebuilt table's name. */
export interface RebuildStatement extends Statement {
  readonly rebuild: { readonly table: string; readonly step: RebuildStep };
}

export function isRebuildStatement(statement: Statement): statement is RebuildStatement {
  return typeof (statement as Partial<RebuildStatement>).rebuild?.step === "string";
}
