import { driftError, type Connection, type Dialect } from "@mig/core";
import type { LoadedConfig, ResolvedApp } from "../config/load-config";
import type { CliDeps } from "../deps";
import type { MigrationFile } from "../project/load-migrations";
import { liveDrift } from "./live-drift";

/**
 * `mig forwards` on a drifted database: `MIG_E_DRIFT` naming every difference, because a plan
 * computed from the migrations would be wrong for it. Checked only when one of `apps` has a
 * pending migration, so a run with nothing to do costs no introspection.
 */
export async function refuseDrift(
  input: { readonly loaded: LoadedConfig; readonly apps: readonly ResolvedApp[]; readonly dialect: Dialect; readonly connection: Connection; readonly sources: readonly MigrationFile[] },
  deps: CliDeps,
): Promise<void> {
  const report = await liveDrift({ ...input, onlyIfPendingIn: input.apps.map((a) => a.name) }, deps);
  if (report && report.differences.length > 0) throw driftError(report.differences);
}
