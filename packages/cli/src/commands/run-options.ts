import { type Dialect, type RunOptions } from "@mig/core";
import { type Connection } from "@mig/core/dialect";
import { DEFAULT_TRACKING_TABLE } from "@mig/core/internal";
import type { LoadedConfig, ResolvedApp } from "../config/load-config";
import { registryNames } from "../registry/builtin-dialects";
import type { MigrationFile } from "../project/load-migrations";

/** The runner options every command shares: dialect, connection, files, apps, tracking table, lock timeout. */
export function baseRunOptions(
  loaded: LoadedConfig,
  apps: readonly ResolvedApp[],
  sources: readonly MigrationFile[],
  dialect: Dialect,
  connection: Connection,
  flags: { readonly allowRebuild?: boolean | undefined; readonly allowLocking?: boolean | undefined } = {},
): RunOptions {
  const allowRebuild = flags.allowRebuild === true || configAllowsRebuild(loaded.config.allowRebuild, dialect);
  return {
    ...(allowRebuild ? { allowRebuild } : {}),
    ...(flags.allowLocking === true ? { allowLocking: true } : {}),
    dialect,
    connection,
    sources,
    apps: apps.map((a) => a.name),
    trackingTable: loaded.config.trackingTable ?? DEFAULT_TRACKING_TABLE,
    ...(loaded.config.lockTimeoutMs !== undefined ? { lockTimeoutMs: loaded.config.lockTimeoutMs } : {}),
    online: {
      ...(loaded.config.onlineLockTimeoutMs !== undefined ? { lockTimeoutMs: loaded.config.onlineLockTimeoutMs } : {}),
      ...(loaded.config.onlineRetries !== undefined ? { retries: loaded.config.onlineRetries } : {}),
    },
  };
}

/** `allowRebuild` of the config: `true`, or a list naming this dialect (by its name or a registry alias). */
export function configAllowsRebuild(allow: boolean | readonly string[] | undefined, dialect: Dialect): boolean {
  if (allow === undefined || allow === false) return false;
  if (allow === true) return true;
  const names = registryNames(dialect);
  return allow.some((name) => names.includes(name));
}
