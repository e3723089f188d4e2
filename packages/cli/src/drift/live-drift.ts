import { migrationStatus, replayMigrations, type Dialect } from "@mig/core";
import { type Connection } from "@mig/core/dialect";
import { DEFAULT_TRACKING_TABLE, detectDrift, type DriftReport, type SourceReplays } from "@mig/core/internal";
import type { LoadedConfig } from "../config/load-config";
import type { CliDeps } from "../deps";
import type { MigrationFile } from "../project/load-migrations";
import { loadSources } from "../project/load-sources";

export interface LiveDriftInput {
  readonly loaded: LoadedConfig;
  readonly dialect: Dialect;
  readonly connection: Connection;
  /** Migration files already loaded by the command (the other apps' are loaded here). */
  readonly sources?: readonly MigrationFile[];
  /** Skip the introspection (and return undefined) unless one of these apps has a pending migration. */
  readonly onlyIfPendingIn?: readonly string[];
  /** The run's replays, shared with the runner's planning (`mig forwards`): the history is replayed once. */
  readonly replays?: SourceReplays;
}

/**
 * The drift of the whole database: every app of the config, its applied migrations replayed
 * (files loaded by the command are not loaded again), against one introspection. Costs one read
 * of the tracking table, loading the other apps' files, and one introspection.
 */
export async function liveDrift(input: LiveDriftInput, deps: CliDeps): Promise<DriftReport | undefined> {
  const { loaded, dialect, connection } = input;
  const given = input.sources ?? [];
  const loadedApps = new Set(given.map((s) => s.appName));
  const others = loaded.apps.filter((app) => !loadedApps.has(app.name));
  const sources = [...given, ...(await loadSources(others, deps))];
  const trackingTable = loaded.config.trackingTable ?? DEFAULT_TRACKING_TABLE;
  const status = await migrationStatus({ dialect, connection, sources, trackingTable });
  if (input.onlyIfPendingIn) {
    const apps = new Set(input.onlyIfPendingIn);
    if (!status.migrations.some((m) => !m.applied && apps.has(m.appName))) return undefined;
  }
  const applied = new Set(status.migrations.filter((m) => m.applied).map((m) => `${m.appName}\u0000${m.id}`));
  const appliedSources = sources.filter((s) => applied.has(`${s.appName}\u0000${s.id}`));
  const expected = input.replays ? await input.replays.replay(appliedSources) : replayMigrations(await Promise.all(appliedSources.map((s) => s.load())));
  return detectDrift({ dialect, connection, expected, trackingTable });
}
