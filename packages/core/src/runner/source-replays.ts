import { compareMigrationIds } from "../manager/migration-id";
import { replayMigrations } from "../manager/replay-migrations";
import { Snapshot } from "../snapshot/snapshot";
import type { MigrationSource, RunnableMigration } from "./migration-source";

/**
 * The replays of one run, sharing their work: each migration file is loaded (its `forwards()`
 * called) once, and a list of files that extends the last list replayed (in replay order: by ID)
 * applies only the files after it. So the drift check's replay of the applied migrations and the
 * planner's schema before the first pending migration are one replay, and the schemas before
 * consecutive pending migrations are built one migration at a time instead of each from nothing.
 * The result is `replayMigrations` of the files' managers, errors included.
 *
 * @example
 * ```ts
 * const replays = new SourceReplays();
 * const before = await replays.replay(sources.filter((s) => s.appName === "music"));
 * ```
 */
export class SourceReplays {
  readonly #loaded = new Map<MigrationSource, Promise<RunnableMigration>>();
  /** The sources of the last replay, in replay order, and its snapshot. */
  #last: { readonly sources: readonly MigrationSource[]; readonly snapshot: Snapshot } = { sources: [], snapshot: Snapshot.empty() };

  /** The source's migration manager, loaded once per run. */
  load(source: MigrationSource): Promise<RunnableMigration> {
    let migration = this.#loaded.get(source);
    if (!migration) this.#loaded.set(source, (migration = source.load()));
    return migration;
  }

  /** The schema according to `sources` (`replayMigrations` of their managers). */
  async replay(sources: readonly MigrationSource[]): Promise<Snapshot> {
    const ordered = [...sources].sort((a, b) => compareMigrationIds(a.id, b.id));
    const migrations = await Promise.all(ordered.map((source) => this.load(source)));
    const last = this.#last;
    const extends_ =
      last.sources.length <= ordered.length &&
      last.sources.every((source, index) => ordered[index] === source) &&
      // The IDs of the whole list are distinct (replayMigrations checks only the ones it is given).
      new Set(ordered.map((s) => `${s.appName}\u0000${s.id}`)).size === ordered.length;
    const snapshot = extends_
      ? last.sources.length === ordered.length
        ? last.snapshot
        : replayMigrations(migrations.slice(last.sources.length), last.snapshot)
      : replayMigrations(migrations);
    this.#last = { sources: ordered, snapshot };
    return snapshot;
  }
}
