import { MigError } from "../errors/mig-error";
import { migrationLabel } from "./migration-source";
import { messageOf, type PlannedMigration } from "./plan-migration";
import type { Direction } from "./tracking-store";

/**
 * The error of a migration that failed while running: which step (statement or raw function) of
 * how many, the statement's SQL, and what stays applied (nothing, inside a transaction).
 */
export function migrationFailure(error: unknown, planned: PlannedMigration, direction: Direction, done: number, resumable: boolean): MigError {
  const step = planned.steps[done];
  // An online step that gave up waiting for its lock keeps its own code: nothing is wrong with the migration.
  const code = error instanceof MigError && error.code === "MIG_E_ONLINE_LOCK_BUSY" ? error.code : "MIG_E_MIGRATION_FAILED";
  const what = step === undefined ? "while recording it" : step.kind === "raw" ? `in a raw function (step ${done + 1} of ${planned.steps.length})` : `at statement ${done + 1} of ${planned.steps.length}`;
  const causeHint = code === "MIG_E_ONLINE_LOCK_BUSY" && error instanceof MigError && error.hint ? ` ${error.hint}` : "";
  return new MigError(
    code,
    `Migration ${migrationLabel(planned.appName, planned.id)} failed ${direction === "backwards" ? "going backwards " : ""}${what}: ${messageOf(error)}`,
    {
      cause: error,
      hint: planned.transactional
        ? "Nothing of this migration was applied. Fix the migration and run it again."
        : resumable
          ? `${done} step(s) completed and stay applied. Fix the cause and run again: it resumes after them.${causeHint}`
          : `${done} step(s) completed and stay applied (no transaction). Undo them by hand before running it again.`,
      meta: {
        appName: planned.appName,
        id: planned.id,
        direction,
        step: done + 1,
        steps: planned.steps.length,
        ...(step?.kind === "statement" ? { statement: step.statement.sql } : {}),
        ...(error instanceof MigError ? { causeCode: error.code, ...(code === "MIG_E_ONLINE_LOCK_BUSY" ? error.meta : {}) } : {}),
      },
    },
  );
}

/** The error of a statement the dialect marked to run outside the migration's transaction. */
export function outsideStatementFailure(error: unknown, planned: PlannedMigration, direction: Direction, sql: string, when: "before" | "after"): MigError {
  const label = migrationLabel(planned.appName, planned.id);
  return new MigError("MIG_E_MIGRATION_FAILED", `${when === "before" ? "Before" : "After"} migration ${label}, the statement "${sql}" failed: ${messageOf(error)}`, {
    cause: error,
    hint:
      when === "before"
        ? "Nothing of this migration ran. Fix the cause and run it again."
        : "The migration itself ended as reported (and is recorded if it was applied); run this statement by hand.",
    meta: { appName: planned.appName, id: planned.id, direction, statement: sql, when },
  });
}
