import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MigError, migrationFileName, serialiseMigration, type Operation } from "@mig/core";
import { serialiseEmptyMigration } from "@mig/core/internal";
import type { ResolvedApp } from "../../config/load-config";
import { VERSION } from "../../version";

export interface NewMigration {
  readonly app: ResolvedApp;
  readonly id: string;
  readonly description: string;
  /** `undefined`: an empty migration with a raw function to fill in. */
  readonly operations?: readonly Operation[];
}

/** The file text of a new migration (`--auto`: manager calls; otherwise an empty raw function). */
export function migrationText(migration: NewMigration): string {
  const base = { id: migration.id, appName: migration.app.name, description: migration.description, version: VERSION };
  return migration.operations === undefined ? serialiseEmptyMigration(base) : serialiseMigration({ ...base, operations: migration.operations });
}

/** Writes the file into the app's migrations folder (created if missing); never overwrites. */
export function writeMigration(migration: NewMigration, text: string): string {
  const path = join(migration.app.migrationsDir, migrationFileName(migration.app.name, migration.id));
  if (existsSync(path)) {
    throw new MigError("MIG_E_MIGRATION_FILE", `${path} already exists`, { hint: "Run the command again: the next ID will differ" });
  }
  mkdirSync(migration.app.migrationsDir, { recursive: true });
  writeFileSync(path, text, { flag: "wx" });
  return path;
}
