import type { Connection } from "../dialect/connection";
import type { Statement } from "../dialect/statement";
import { MigError } from "../errors/mig-error";
import type { Step } from "./plan-migration";

/** A migration's steps with the statements that run outside its transaction taken out. */
export interface OutsideTransaction {
  /** The steps that run inside the transaction (or one by one), in plan order. */
  readonly steps: readonly Step[];
  /**
   * Runs the `"before"` statements, then `run`, then the `"after"` statements, also when `run`
   * throws. Each distinct statement (by SQL and parameters) runs once, in plan order.
   */
  around<T>(connection: Connection, run: () => Promise<T>): Promise<T>;
}

/**
 * Splits off the statements marked `outsideTransaction` (see `Statement`). A migration without
 * them is returned as it is and `around` only calls `run`.
 *
 * @example
 * ```ts
 * const outside = splitOutsideTransaction(planned.steps);
 * await outside.around(connection, () => connection.transaction(async (tx) => { ... outside.steps ... }));
 * ```
 */
export function splitOutsideTransaction(steps: readonly Step[]): OutsideTransaction {
  const before = distinct(steps, "before");
  const after = distinct(steps, "after");
  if (before.length === 0 && after.length === 0) return { steps, around: (_connection, run) => run() };
  return {
    steps: steps.filter((step) => step.kind !== "statement" || step.statement.outsideTransaction === undefined),
    around: (connection, run) => runAround(connection, before, after, run),
  };
}

async function runAround<T>(connection: Connection, before: readonly Statement[], after: readonly Statement[], run: () => Promise<T>): Promise<T> {
  let succeeded = false;
  try {
    for (const statement of before) await connection.execute(statement);
    const value = await run();
    succeeded = true;
    return value;
  } finally {
    await runAfter(connection, after, succeeded);
  }
}

function distinct(steps: readonly Step[], when: "before" | "after"): Statement[] {
  const seen = new Set<string>();
  const statements: Statement[] = [];
  for (const step of steps) {
    if (step.kind !== "statement" || step.statement.outsideTransaction !== when) continue;
    const key = JSON.stringify([step.statement.sql, step.statement.params ?? []]);
    if (seen.has(key)) continue;
    seen.add(key);
    statements.push(step.statement);
  }
  return statements;
}

/** Every "after" statement is tried, even when one fails; the first failure is thrown after all ran. */
async function runAfter(connection: Connection, after: readonly Statement[], succeeded: boolean): Promise<void> {
  let failed: { error: unknown; statement: Statement } | undefined;
  for (const statement of after) {
    try {
      await connection.execute(statement);
    } catch (error) {
      failed ??= { error, statement };
    }
  }
  if (!failed || !succeeded) return;
  throw new MigError("MIG_E_MIGRATION_FAILED", `A statement after the migration's transaction failed: ${failed.statement.sql}`, {
    cause: failed.error,
    hint: "Run that statement by hand on the database.",
    meta: { statement: failed.statement.sql },
  });
}
