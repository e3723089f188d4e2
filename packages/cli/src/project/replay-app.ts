import { readFileSync } from "node:fs";
import { type Snapshot } from "@mig/core";
import { defaultCacheDir, replayWithCache } from "@mig/core/internal";
import type { ResolvedApp } from "../config/load-config";
import type { CliDeps } from "../deps";
import { VERSION } from "../version";
import { loadMigrationFile, loadMigrations, migrationFilePaths } from "./load-migrations";

/**
 * The schema according to an app's migrations (core's `replayWithCache`): files replayed by an
 * earlier run and unchanged since (same bytes) are not loaded again; their snapshot comes from
 * `node_modules/.cache/mig` of the project (`MIG_CACHE=0` turns it off). Errors are those of
 * loading and replaying every file.
 */
export async function replayApp(app: ResolvedApp, deps: CliDeps): Promise<Snapshot> {
  const files = migrationFilePaths(app).map((path) => ({ path, text: readFileSync(path, "utf8") }));
  const { snapshot } = await replayWithCache({
    cacheDir: defaultCacheDir(app.migrationsDir, deps.env),
    key: `${app.name}\u0000${app.migrationsDir}`,
    migVersion: VERSION,
    files,
    loadAll: async () => Promise.all((await loadMigrations(app, deps)).map(async (file) => ({ path: file.path, migration: await file.load() }))),
    loadOne: async (file) => (await loadMigrationFile(app, file.path, deps)).load(),
  });
  return snapshot;
}
