import type { RunnerBaseOptions } from "./runner-types";
import { DEFAULT_TRACKING_TABLE } from "./tracking-schema";
import { TrackingStore } from "./tracking-store";
import type { OrphanedMigration } from "./migration-status";

export interface CleanOrphansOptions extends RunnerBaseOptions {
  /** The apps to clean. Only their rows are ever deleted. */
  readonly apps: readonly string[];
  /** List what would be deleted without deleting it. */
  readonly dryRun?: boolean;
  readonly lockTimeoutMs?: number;
}

/**
 * Deletes tracking rows whose migration file is gone, only for `apps` (Piccolo deleted by ID
 * across every app). Runs under the migration lock. Returns the rows it deleted.
 *
 * @example
 * ```ts
 * const { removed } = await cleanOrphans({ dialect, connection, sources, apps: ["music"] });
 * ```
 */
export async function cleanOrphans(options: CleanOrphansOptions): Promise<{ readonly removed: readonly OrphanedMigration[] }> {
  const { connection } = options;
  const store = new TrackingStore(options.dialect, options.trackingTable ?? DEFAULT_TRACKING_TABLE);
  if (!(await store.exists(connection))) return { removed: [] };
  const apps = new Set(options.apps);
  const known = new Set(options.sources.map((s) => `${s.appName}\u0000${s.id}`));
  const findOrphans = async () =>
    (await store.readApplied(connection)).filter((r) => apps.has(r.appName) && !known.has(`${r.appName}\u0000${r.id}`));
  if (options.dryRun) return { removed: (await findOrphans()).map(toOrphan) };
  return connection.withMigrationLock(
    async () => {
      const orphans = await findOrphans();
      await connection.transaction(async (tx) => {
        for (const row of orphans) await store.remove(tx, row.appName, row.id);
      });
      return { removed: orphans.map(toOrphan) };
    },
    { timeoutMs: options.lockTimeoutMs ?? 60_000 },
  );
}

function toOrphan(row: { appName: string; id: string; ranOn: string | undefined }): OrphanedMigration {
  return { appName: row.appName, id: row.id, ...(row.ranOn ? { ranOn: row.ranOn } : {}) };
}
