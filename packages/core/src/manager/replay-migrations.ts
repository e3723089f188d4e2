import { MigError, isMigError } from "../errors/mig-error";
import type { Operation } from "../operations/operation";
import { Snapshot } from "../snapshot/snapshot";
import { applyToState } from "../operations/apply-to-state";
import { compareMigrationIds } from "./migration-id";
import { SchemaState } from "../operations/schema-state";

/** What replay needs of a migration: a `MigrationManager` is one. */
export interface ReplayableMigration {
  readonly migrationId: string;
  readonly appName?: string;
  forwardsPlan(): readonly Operation[];
}

/**
 * The schema according to the migrations: every forwards schema operation of every migration,
 * in migration ID order (old and new ID formats together), applied to `base` (default empty).
 * Raw functions are skipped. Pure: the same migrations always give the same snapshot, and
 * neither the migrations nor `base` are touched.
 *
 * Throws `MIG_E_REPLAY` naming the migration (in the message and `meta.migrationId`) when an
 * operation does not fit (alter of a missing column, a duplicate table, ...), and when two
 * migrations of the same app share an ID.
 *
 * @example
 * ```ts
 * const snapshot = replayMigrations(await Promise.all(files.map((file) => file.forwards())));
 * ```
 */
export function replayMigrations(migrations: Iterable<ReplayableMigration>, base: Snapshot = Snapshot.empty()): Snapshot {
  const ordered = [...migrations].sort((a, b) => compareMigrationIds(a.migrationId, b.migrationId));
  const seen = new Set<string>();
  for (const migration of ordered) {
    const key = `${migration.appName ?? ""}\u0000${migration.migrationId}`;
    if (seen.has(key)) {
      throw new MigError("MIG_E_REPLAY", `Two migrations have the ID ${migration.migrationId}${appLabel(migration)}`, {
        meta: { migrationId: migration.migrationId, appName: migration.appName },
      });
    }
    seen.add(key);
  }
  // Nothing to apply (a replay cache that covers every file): `base` itself, not a copy of it.
  if (ordered.length === 0) return base;
  const state = SchemaState.from(base);
  for (const migration of ordered) {
    migration.forwardsPlan().forEach((operation, index) => {
      try {
        applyToState(state, operation);
      } catch (error) {
        if (!isMigError(error)) throw error;
        throw new MigError(error.code, `Migration ${migration.migrationId}${appLabel(migration)}, operation ${index + 1}: ${error.message}`, {
          hint: "The migration files disagree with each other: was one edited or removed?",
          meta: { ...error.meta, migrationId: migration.migrationId, appName: migration.appName, operationIndex: index },
          cause: error,
        });
      }
    });
  }
  return state.toSnapshot();
}

function appLabel(migration: ReplayableMigration): string {
  return migration.appName === undefined ? "" : ` of app "${migration.appName}"`;
}
