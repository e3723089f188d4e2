import { resolveCapabilities } from "../dialect/capabilities";
import type { Dialect } from "../dialect/dialect";
import { refusedOperations } from "../diff/plan-for-dialect";
import { MigError, type MigProblem } from "../errors/mig-error";
import type { Operation } from "../operations/operation";

/**
 * What a dialect refuses among `operations`, per its capability flags (the planner's own check,
 * `refusedOperations`): one problem per operation, naming its table and column. Empty when the
 * dialect can run them all.
 */
export function unsupportedOperations(operations: readonly Operation[], dialect: Dialect): MigProblem[] {
  return refusedOperations(operations, resolveCapabilities(dialect.capabilities)).map(({ table, column, reason }) => ({
    message: reason,
    table,
    ...(column !== undefined ? { column } : {}),
  }));
}

/**
 * Throws `MIG_E_UNSUPPORTED` naming every operation `dialect` cannot run, so that a migration the
 * database cannot do is refused before it starts instead of failing half-way with a database error.
 */
export function assertSupported(operations: readonly Operation[], dialect: Dialect, context: string): void {
  const problems = unsupportedOperations(operations, dialect);
  if (problems.length === 0) return;
  throw new MigError(
    "MIG_E_UNSUPPORTED",
    `${context}: ${dialect.name} cannot ${problems.length === 1 ? "run this operation" : `run ${problems.length} of its operations`}: ${problems.map((p) => p.message).join("; ")}`,
    {
      hint: resolveCapabilities(dialect.capabilities).rebuildTable
        ? "Generate the migration again and allow a table rebuild (--allow-rebuild)."
        : "Change the migration so that it only uses what this dialect supports.",
      problems,
      meta: { dialect: dialect.name },
    },
  );
}
