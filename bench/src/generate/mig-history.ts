import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { diff, generateMigrationId, migrationFileName, serialiseMigration, Snapshot, snapshotFromTables, type Operation } from "@mig/core";
import { APP, type BenchProject } from "./bench-project";
import { historyTable, tableName } from "./bench-schema";

/** IDs of generated history migrations: one second apart from 2020-01-01 (before any real one). */
const BASE = Date.UTC(2020, 0, 1);
const historyId = (k: number) => generateMigrationId(new Date(BASE + k * 1000));

function write(project: BenchProject, k: number, operations: readonly Operation[]): string {
  const id = historyId(k);
  const name = migrationFileName(APP, id);
  writeFileSync(project.path("migrations", name), serialiseMigration({ id, appName: APP, version: "0.1.0", description: "", operations }));
  return name;
}

/**
 * Writes mig migration files as `mig new --auto` writes them (core's own serialiser): the first
 * creates the N tables of the project's current tables module (history 0), migration k + 1 adds
 * column `h_k`, for k = 1 … count - 1. Returns the file names. The caller proves they are what
 * mig would have written: `mig new --auto` on the schema they end in must find only the next change.
 */
export async function writeMigHistory(project: BenchProject, count: number): Promise<string[]> {
  if (!existsSync(project.path("migrations"))) mkdirSync(project.path("migrations"), { recursive: true });
  project.writeSchema({ history: 0 });
  // A fresh URL each time: the module of this project's current state, not a cached one.
  const tables = (await import(`${pathToFileURL(project.path("src", "tables.ts")).href}?history=${Date.now()}`)) as Record<string, unknown>;
  const initial = diff(Snapshot.empty(), snapshotFromTables(tables, { maxIdentifierLength: 63 }));
  const names = [write(project, 0, initial)];
  for (let k = 1; k < count; k++) {
    const table = tableName(historyTable(k, project.tables));
    names.push(write(project, k, [{ kind: "add_column", table, column: { kind: "column", table, name: `h_${k}`, type: "integer", nullable: true, default: null } }]));
  }
  return names;
}

/** Where a migrations folder is, for the harness. */
export const migrationsDir = (project: BenchProject) => join(project.dir, "migrations");
