import type { Dialect, RunnerEvent, RunResult } from "@mig/core";
import type { Connection } from "@mig/core/dialect";
import type { ResolvedFleetTarget } from "@mig/core/internal";
import type { CommandContext } from "../command-context";
import { FleetProgress } from "./fleet-progress";
import type { PreparedFleet } from "./prepare-fleet";
import { runFleet, type FleetOutcome } from "./run-fleet";

/** One target's run: what `runForwards` / `runBackwards` return for it. `onEvent` feeds the progress view. */
export type TargetRun = (target: ResolvedFleetTarget, dialect: Dialect, connection: Connection, onEvent: (event: RunnerEvent) => void) => Promise<RunResult>;

/**
 * Runs forwards or backwards on every target of the fleet with its concurrency limit, showing
 * progress on standard error. A run that did not complete (`ok: false`) is a failed target.
 */
export async function runMigrationsOnFleet(context: CommandContext, fleet: PreparedFleet, label: string, run: TargetRun): Promise<FleetOutcome<RunResult>[]> {
  const { deps } = context;
  const progress = new FleetProgress(context.output, deps, fleet.targets.length, label);
  try {
    return await runFleet(fleet.targets, {
      concurrency: fleet.concurrency,
      resolveDialect: (spec) => context.resolveDialect(spec),
      elapsed: deps.elapsed,
      work: (target, dialect, connection) =>
        run(target, dialect, connection, (event) => {
          if (event.type === "migration-start") progress.step(target.name, `${event.appName} ${event.id}`);
          if (event.type === "lock-wait") progress.step(target.name, "waiting for the migration lock");
        }),
      errorOf: (result) => (result.ok ? undefined : (result.error ?? { code: "MIG_E_INTERNAL", message: "The run did not complete" })),
      onStart: (target) => progress.start(target),
      onFinish: (outcome) => progress.finish(outcome),
    });
  } finally {
    progress.stop();
  }
}
