import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import {
  checksum,
  compareMigrationIds,
  isMigrationId,
  MigError,
  type MigrationSource,
  type RunnableMigration,
} from "@mig/core";
import type { ResolvedApp } from "../config/load-config";
import type { CliDeps } from "../deps";
import { describeLoadError, type LoadFailure } from "./describe-load-error";

const MIGRATION_FILE = /\.(ts|mts|cts|js|mjs|cjs)$/;

/** Files in a migrations folder that are migrations: sources, not declarations, tests or `_private` files. */
export function isMigrationFileName(name: string): boolean {
  return MIGRATION_FILE.test(name) && !/\.d\.[mc]?ts$/.test(name) && !/\.(test|spec)\./.test(name) && !/^[._]/.test(name) && !/^index\./.test(name);
}

/** A migration file, loaded: what the runner needs plus the file's own details. */
export interface MigrationFile extends MigrationSource {
  readonly path: string;
  readonly version: string | undefined;
}

function fileError(path: string, message: string, cause?: unknown, failure?: LoadFailure): MigError {
  return new MigError("MIG_E_MIGRATION_FILE", `${failure?.where ?? path}: ${message}`, {
    hint: "A migration file exports ID, DESCRIPTION and an async forwards() returning a MigrationManager",
    meta: { path, ...failure?.meta },
    ...(failure?.problems.length ? { problems: failure.problems } : {}),
    ...(cause === undefined ? {} : { cause }),
  });
}

function firstLine(error: unknown): string {
  return error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
}

/** The paths of an app's migration files (sorted by name; none when the folder does not exist). */
export function migrationFilePaths(app: ResolvedApp): string[] {
  if (!existsSync(app.migrationsDir)) return [];
  return readdirSync(app.migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && isMigrationFileName(entry.name))
    .map((entry) => join(app.migrationsDir, entry.name))
    .sort();
}

/**
 * Loads one migration file (jiti) and checks its exports. `text`: the file's text when the caller
 * has read it; the checksum and the loaded code are both of that one reading.
 */
export async function loadMigrationFile(app: ResolvedApp, path: string, deps: CliDeps, text: string = readFileSync(path, "utf8")): Promise<MigrationFile> {
  const shown = relative(deps.cwd, path) || path;
  let module: Record<string, unknown>;
  try {
    module = await deps.loadModule(path, text);
  } catch (error) {
    const failure = describeLoadError(error, path, deps.cwd);
    throw fileError(shown, `cannot be loaded: ${failure.reason}`, error, failure);
  }
  const { ID: id, DESCRIPTION: description, VERSION: version, forwards } = module;
  if (typeof id !== "string" || !isMigrationId(id)) throw fileError(shown, "exports no valid ID (like \"2026-11-22T13:58:23:024723\")");
  if (typeof forwards !== "function") throw fileError(shown, "exports no forwards() function");
  return {
    appName: app.name,
    id,
    description: typeof description === "string" ? description : "",
    version: typeof version === "string" ? version : undefined,
    path,
    checksum: checksum(text),
    async load(): Promise<RunnableMigration> {
      let manager: unknown;
      try {
        manager = await (forwards as () => unknown)();
      } catch (error) {
        throw fileError(shown, `forwards() threw: ${firstLine(error)}`, error);
      }
      if (typeof manager !== "object" || manager === null || typeof (manager as RunnableMigration).forwardsPlan !== "function") {
        throw fileError(shown, "forwards() did not return a MigrationManager");
      }
      const runnable = manager as RunnableMigration;
      if (runnable.migrationId !== id || runnable.appName !== app.name) {
        throw fileError(shown, `forwards() returns a manager for ${runnable.appName}/${runnable.migrationId}, but the file is ${app.name}/${id}`);
      }
      return runnable;
    },
  };
}

/**
 * Every migration file of an app, loaded (jiti) and sorted by ID. A folder that does not exist
 * yet holds no migrations. Two files with the same ID are `MIG_E_MIGRATION_FILE`.
 */
export async function loadMigrations(app: ResolvedApp, deps: CliDeps): Promise<MigrationFile[]> {
  const files: MigrationFile[] = [];
  const paths = migrationFilePaths(app);
  // Each file is read once: its checksum, its compiled code's cache entry and its loading all use this text.
  const texts = paths.map((path) => readFileSync(path, "utf8"));
  deps.prepareModules?.(paths, texts);
  for (let i = 0; i < paths.length; i++) files.push(await loadMigrationFile(app, paths[i]!, deps, texts[i]));
  files.sort((a, b) => compareMigrationIds(a.id, b.id));
  for (let i = 1; i < files.length; i++) {
    const [previous, current] = [files[i - 1]!, files[i]!];
    if (previous.id === current.id) {
      throw new MigError("MIG_E_MIGRATION_FILE", `Two migrations of app "${app.name}" have the ID ${current.id}: ${relative(deps.cwd, previous.path)} and ${relative(deps.cwd, current.path)}`, {
        hint: "Give one of them a new ID, or delete the copy",
        meta: { app: app.name, id: current.id },
      });
    }
  }
  return files;
}
