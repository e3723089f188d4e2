import { runMigrations } from "./run-migrations";
import type { RunOptions, RunResult } from "./runner-types";

/**
 * Applies pending migrations, each in one transaction with its tracking row where the dialect
 * has transactional DDL, all under one migration lock. A failing migration stops the run and is
 * reported in the result (not thrown). Throws only for usage errors (an unknown target ID,
 * duplicate migration IDs) and `MIG_E_LOCK_TIMEOUT`.
 *
 * @example
 * ```ts
 * const result = await runForwards({ dialect, connection, sources, target: "all" });
 * if (!result.ok) console.error(result.error?.code, result.error?.message);
 * for (const m of result.migrations) console.log(m.appName, m.id, m.status, `${m.durationMs} ms`);
 * ```
 */
export function runForwards(options: RunOptions): Promise<RunResult> {
  return runMigrations("forwards", options);
}
