import type { ResolvedApp } from "../config/load-config";
import type { CliDeps } from "../deps";
import { loadMigrations, type MigrationFile } from "./load-migrations";

/** The migration files of several apps, in the apps' order, each app's files in ID order. */
export async function loadSources(apps: readonly ResolvedApp[], deps: CliDeps): Promise<MigrationFile[]> {
  const all: MigrationFile[] = [];
  for (const app of apps) all.push(...(await loadMigrations(app, deps)));
  return all;
}
