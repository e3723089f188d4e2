import type { ExecutionContext, Outcome } from "./execute-migration";
import { migrationFailure, outsideStatementFailure } from "./migration-failure";
import type { PlannedMigration } from "./plan-migration";
import type { Direction } from "./tracking-store";

/**
 * Runs `run` between the statements the dialect marked `outsideTransaction` (SQLite's
 * `PRAGMA foreign_keys` around a table rebuild): the `before` ones first (a failure there fails the
 * migration before anything of it ran), the `after` ones once it ended, also when it failed. A
 * failing `after` statement is reported even when the migration itself was applied, and every
 * `after` statement is tried.
 */
export async function aroundTransaction(
  context: ExecutionContext,
  planned: PlannedMigration,
  direction: Direction,
  run: () => Promise<Outcome>,
): Promise<Outcome> {
  let outcome: Outcome | undefined;
  for (const statement of planned.before) {
    try {
      await context.connection.execute(statement);
    } catch (error) {
      outcome = { status: "failed", error: outsideStatementFailure(error, planned, direction, statement.sql, "before") };
      break;
    }
  }
  if (!outcome) {
    try {
      outcome = await run();
    } catch (error) {
      // Only reading the tracking table around the migration can get here (a lost connection).
      outcome = { status: "failed", error: migrationFailure(error, planned, direction, 0, false) };
    }
  }
  for (const statement of planned.after) {
    try {
      await context.connection.execute(statement);
    } catch (error) {
      if (!outcome.error) outcome = { ...outcome, error: outsideStatementFailure(error, planned, direction, statement.sql, "after") };
    }
  }
  return outcome;
}
