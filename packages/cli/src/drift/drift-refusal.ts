import { type Dialect, type MigError } from "@mig/core";
import { type Connection } from "@mig/core/dialect";
import { driftError, type SourceReplays } from "@mig/core/internal";
import type { LoadedConfig, ResolvedApp } from "../config/load-config";
import type { CliDeps } from "../deps";
import type { MigrationFile } from "../project/load-migrations";
import { liveDrift } from "./live-drift";

/**
 * `mig forwards` on a drifted database: `MIG_E_DRIFT` naming every difference, because a plan
 * computed from the migrations would be wrong for it. Checked only when one of `apps` has a
 * pending migration, so a run with nothing to do costs no introspection. The runner calls it
 * inside its lock (`beforeRun`), so another run's migration in progress is not mistaken for drift.
 */
export async function driftRefusal(
  input: { readonly loaded: LoadedConfig; readonly apps: readonly ResolvedApp[]; readonly dialect: Dialect; readonly connection: Connection; readonly sources: readonly MigrationFile[]; readonly replays?: SourceReplays },
  deps: CliDeps,
): Promise<MigError | undefined> {
  const report = await liveDrift({ ...input, onlyIfPendingIn: input.apps.map((a) => a.name) }, deps);
  return report && report.differences.length > 0 ? driftError(report.differences) : undefined;
}
