import { runMigrations } from "./run-migrations";
import type { RunOptions, RunResult } from "./runner-types";

/**
 * Reverses applied migrations, newest applied first, running each one's exact reverse plan
 * (its `backwardsPlan()`), under the migration lock. `target` defaults to `"1"` (the last one);
 * `"all"`; or an ID: back to and including it. Nothing applied → `nothingToDo: true`.
 *
 * @example
 * ```ts
 * const result = await runBackwards({ dialect, connection, sources, target: "1" });
 * if (result.nothingToDo) console.log("No migrations to reverse!");
 * ```
 */
export function runBackwards(options: RunOptions): Promise<RunResult> {
  return runMigrations("backwards", options);
}
