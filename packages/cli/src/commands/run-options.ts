import { DEFAULT_TRACKING_TABLE, type Connection, type Dialect, type RunOptions } from "@mig/core";
import type { LoadedConfig, ResolvedApp } from "../config/load-config";
import type { MigrationFile } from "../project/load-migrations";

/** The runner options every command shares: dialect, connection, files, apps, tracking table, lock timeout. */
export function baseRunOptions(
  loaded: LoadedConfig,
  apps: readonly ResolvedApp[],
  sources: readonly MigrationFile[],
  dialect: Dialect,
  connection: Connection,
): RunOptions {
  return {
    dialect,
    connection,
    sources,
    apps: apps.map((a) => a.name),
    trackingTable: loaded.config.trackingTable ?? DEFAULT_TRACKING_TABLE,
    ...(loaded.config.lockTimeoutMs !== undefined ? { lockTimeoutMs: loaded.config.lockTimeoutMs } : {}),
  };
}
