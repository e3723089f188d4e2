import { assertUniqueSources } from "./select-migrations";
import type { RunnerBaseOptions } from "./runner-types";
import { DEFAULT_TRACKING_TABLE } from "./tracking-schema";
import { type Direction, TrackingStore } from "./tracking-store";

/** One migration file and whether it is applied (a row of `mig check`). */
export interface MigrationStatusEntry {
  readonly appName: string;
  readonly id: string;
  readonly description: string;
  readonly path?: string;
  readonly applied: boolean;
  /** Applied, and the file changed since it ran. */
  readonly checksumMismatch: boolean;
  readonly ranOn?: string;
  /** Stopped part-way on a database without transactional DDL. */
  readonly partial?: { readonly direction: Direction; readonly statementsDone: number; readonly total: number; readonly error: string | null };
}

/** An applied migration whose file is gone (`mig clean` removes these). */
export interface OrphanedMigration {
  readonly appName: string;
  readonly id: string;
  readonly ranOn?: string;
}

export interface MigrationStatusReport {
  /** One entry per source, in source order. */
  readonly migrations: readonly MigrationStatusEntry[];
  readonly orphans: readonly OrphanedMigration[];
}

/**
 * What is applied, what is pending, which applied files were edited, and which applied
 * migrations have no file any more. Reads only: creates nothing, takes no lock.
 *
 * @example
 * ```ts
 * const { migrations, orphans } = await migrationStatus({ dialect, connection, sources });
 * console.log(migrations.map((m) => ({ app: m.appName, id: m.id, description: m.description, applied: m.applied, checksumMismatch: m.checksumMismatch })));
 * ```
 */
export async function migrationStatus(options: RunnerBaseOptions): Promise<MigrationStatusReport> {
  assertUniqueSources(options.sources);
  const store = new TrackingStore(options.dialect, options.trackingTable ?? DEFAULT_TRACKING_TABLE);
  const apps = new Set(options.apps ?? options.sources.map((s) => s.appName));
  const exists = await store.exists(options.connection);
  const applied = exists ? (await store.readApplied(options.connection)).filter((r) => apps.has(r.appName)) : [];
  // Also where DDL is transactional: an online migration stopped part-way has a progress row.
  const progress = exists ? await store.readProgress(options.connection) : [];
  const key = (appName: string, id: string) => `${appName}\u0000${id}`;
  const rows = new Map(applied.map((r) => [key(r.appName, r.id), r]));
  const partial = new Map(progress.map((p) => [key(p.appName, p.id), p]));

  const migrations = options.sources
    .filter((s) => apps.has(s.appName))
    .map((source): MigrationStatusEntry => {
      const row = rows.get(key(source.appName, source.id));
      const half = partial.get(key(source.appName, source.id));
      return {
        appName: source.appName,
        id: source.id,
        description: source.description,
        ...(source.path ? { path: source.path } : {}),
        applied: row !== undefined,
        checksumMismatch: row !== undefined && row.checksum !== source.checksum,
        ...(row?.ranOn ? { ranOn: row.ranOn } : {}),
        ...(half ? { partial: { direction: half.direction, statementsDone: half.statementsDone, total: half.total, error: half.error } } : {}),
      };
    });
  const known = new Set(options.sources.map((s) => key(s.appName, s.id)));
  const orphans = applied
    .filter((r) => !known.has(key(r.appName, r.id)))
    .map((r): OrphanedMigration => ({ appName: r.appName, id: r.id, ...(r.ranOn ? { ranOn: r.ranOn } : {}) }));
  return { migrations, orphans };
}
