import { readFileSync } from "node:fs";
import { type Snapshot } from "@mig/core";
import { cacheWrittenMigration, defaultCacheDir, replayWithCache, type WrittenMigrationFile } from "@mig/core/internal";
import type { ResolvedApp } from "../config/load-config";
import type { CliDeps } from "../deps";
import { VERSION } from "../version";
import { loadMigrationFile, loadMigrations, migrationFilePaths } from "./load-migrations";

/** An app's migrations, replayed. */
export interface ReplayedApp {
  /** The schema according to the migrations. */
  readonly snapshot: Snapshot;
  /**
   * Tells the replay cache about a migration file just written on top of these migrations (`mig
   * new --auto`), so that the next run need not load it (core's `cacheWrittenMigration`). Never fails.
   */
  readonly written: (file: WrittenMigrationFile) => void;
}

/**
 * The schema according to an app's migrations (core's `replayWithCache`): files replayed by an
 * earlier run and unchanged since (same bytes) are not loaded again; their snapshot comes from
 * `node_modules/.cache/mig` of the project (`MIG_CACHE=0` turns it off). Errors are those of
 * loading and replaying every file.
 */
export async function replayApp(app: ResolvedApp, deps: CliDeps): Promise<ReplayedApp> {
  const files = migrationFilePaths(app).map((path) => ({ path, text: readFileSync(path, "utf8") }));
  const input = {
    cacheDir: defaultCacheDir(app.migrationsDir, deps.env),
    key: `${app.name}\u0000${app.migrationsDir}`,
    migVersion: VERSION,
    files,
  };
  const replayed = await replayWithCache({
    ...input,
    loadAll: async () => Promise.all((await loadMigrations(app, deps)).map(async (file) => ({ path: file.path, migration: await file.load() }))),
    loadOne: async (file) => (await loadMigrationFile(app, file.path, deps)).load(),
  });
  return { snapshot: replayed.snapshot, written: (file) => cacheWrittenMigration(input, replayed, file) };
}
