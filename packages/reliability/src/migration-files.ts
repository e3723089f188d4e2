import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import {
  type MigrationSource,
  type Operation,
  type RunnableMigration,
  checksum,
  isMigrationId,
  migrationFileName,
  serialiseMigration,
} from "@mig/core";
import { createJiti } from "jiti";

const require = createRequire(import.meta.url);

/** `@mig/core`'s source entry (its `source` export condition), so that migration files load the code under test. */
export function coreSourceEntry(): string {
  const manifestPath = require.resolve("@mig/core/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { exports: Record<string, { source?: string }> };
  const source = manifest.exports["."]?.source;
  if (!source) throw new Error("@mig/core has no source export condition");
  return join(dirname(manifestPath), source);
}

export type ModuleLoader = (path: string) => Promise<Record<string, unknown>>;

/**
 * Loads migration files as the CLI does, with jiti, except that `@mig/core` is its source (the
 * tests run from source; the CLI tests cover the built package). Modules are cached (core is
 * transpiled once): give every file a path of its own.
 */
export function jitiLoader(): ModuleLoader {
  const jiti = createJiti(import.meta.url, { moduleCache: true, interopDefault: false, alias: { "@mig/core": coreSourceEntry() } });
  return async (path) => (await jiti.import(path)) as Record<string, unknown>;
}

export interface WrittenMigration {
  readonly path: string;
  readonly text: string;
}

/** Writes an `--auto` migration file (`serialiseMigration`) into `dir`, named as `mig new` names it. */
export function writeAutoMigration(dir: string, input: { appName: string; id: string; operations: readonly Operation[]; description?: string }): WrittenMigration {
  const text = serialiseMigration({ id: input.id, appName: input.appName, description: input.description ?? "", version: "0.1.0", operations: input.operations });
  mkdirSync(dir, { recursive: true });
  const path = join(dir, migrationFileName(input.appName, input.id));
  writeFileSync(path, text, { flag: "wx" });
  return { path, text };
}

/** A written migration file as the runner takes it: loaded with `load`, checked like the CLI checks it. */
export async function loadMigrationSource(path: string, appName: string, load: ModuleLoader): Promise<MigrationSource & { manager: RunnableMigration }> {
  const text = readFileSync(path, "utf8");
  const module = await load(path);
  const { ID: id, DESCRIPTION: description, forwards } = module;
  if (typeof id !== "string" || !isMigrationId(id)) throw new Error(`${path}: no valid ID`);
  if (typeof forwards !== "function") throw new Error(`${path}: no forwards()`);
  const manager = (await (forwards as () => Promise<RunnableMigration>)()) as RunnableMigration;
  if (manager.migrationId !== id || manager.appName !== appName) throw new Error(`${path}: forwards() returns a manager for ${manager.appName}/${manager.migrationId}`);
  return {
    appName,
    id,
    description: typeof description === "string" ? description : "",
    path,
    checksum: checksum(text),
    manager,
    load: async () => (await (forwards as () => Promise<RunnableMigration>)()) as RunnableMigration,
  };
}
