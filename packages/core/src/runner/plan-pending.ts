import { MigError, isMigError } from "../errors/mig-error";
import type { MigrationSource } from "./migration-source";
import { messageOf, migrationPlanning, planMigration } from "./plan-migration";
import type { RunnerBaseOptions } from "./runner-types";

/** Whether one pending migration can run on this database as it stands. */
export interface PendingPlan {
  readonly appName: string;
  readonly id: string;
  /** Planned without a refusal: every operation can run (with the consent given). */
  readonly ok: boolean;
  /** Why not: `MIG_E_UNSUPPORTED` naming each operation, or the file's own error. */
  readonly error?: MigError;
}

/**
 * Plans the given pending migrations for the database, exactly as `forwards` would (core's one
 * planner, with the same consent), without running anything or taking a lock: what `mig check`
 * shows, so that CI learns that a migration will be refused before the deploy does.
 *
 * @example
 * ```ts
 * const plans = await planPending({ dialect, connection, sources }, pendingSources, { allowRebuild: false });
 * for (const plan of plans) if (!plan.ok) console.log(plan.appName, plan.id, plan.error?.message);
 * ```
 */
export async function planPending(
  options: RunnerBaseOptions,
  pending: readonly MigrationSource[],
  consent: { readonly allowRebuild?: boolean; readonly allowLocking?: boolean } = {},
): Promise<PendingPlan[]> {
  const planning = migrationPlanning({
    sources: options.sources,
    ...(consent.allowRebuild !== undefined ? { allowRebuild: consent.allowRebuild } : {}),
    ...(consent.allowLocking !== undefined ? { allowLocking: consent.allowLocking } : {}),
  });
  const plans: PendingPlan[] = [];
  for (const source of pending) {
    try {
      await planMigration({ appName: source.appName, id: source.id, source, applied: undefined }, "forwards", options.dialect, false, planning);
      plans.push({ appName: source.appName, id: source.id, ok: true });
    } catch (error) {
      const migError = isMigError(error) ? error : new MigError("MIG_E_INTERNAL", messageOf(error), { cause: error });
      plans.push({ appName: source.appName, id: source.id, ok: false, error: migError });
    }
  }
  return plans;
}
