import { dirname, relative, resolve } from "node:path";
import { MigError, type MigConfig } from "@mig/core";
import { resolveConnection, validateConfig, type KnownDialects, type ResolvedConnection } from "@mig/core/internal";
import type { CliDeps } from "../deps";
import { describeLoadError } from "../project/describe-load-error";
import { builtinDescriptors } from "../registry/builtin-dialects";
import { findConfig } from "./find-config";

/** An app with its paths made absolute (relative paths in the config are relative to the config file). */
export interface ResolvedApp {
  readonly name: string;
  readonly tablesPath: string;
  readonly migrationsDir: string;
  readonly dependsOn: readonly string[];
}

export interface LoadedConfig {
  readonly path: string;
  readonly dir: string;
  readonly config: MigConfig;
  readonly apps: readonly ResolvedApp[];
  /** The built-in dialects' names and URL schemes (their descriptors), which the config was checked with. */
  readonly dialects: KnownDialects;
}

/**
 * Finds, loads (jiti) and validates the config. Every problem is reported at once
 * (`MIG_E_CONFIG`); a file that does not load is `MIG_E_CONFIG` too, with the loader's message.
 * URLs are checked against the built-in dialects' descriptors (no dialect package is loaded).
 */
export async function loadConfig(deps: CliDeps, explicitPath?: string): Promise<LoadedConfig> {
  const path = findConfig(deps.cwd, explicitPath);
  const shown = relative(deps.cwd, path) || path;
  let module: Record<string, unknown>;
  try {
    module = await deps.loadModule(path);
  } catch (error) {
    const failure = describeLoadError(error, path, deps.cwd);
    throw new MigError("MIG_E_CONFIG", `Cannot load ${failure.where}: ${failure.reason}`, {
      hint: "Fix the error in the config file; it must export default defineConfig({ ... })",
      problems: failure.problems,
      meta: failure.meta,
      cause: error,
    });
  }
  const dialects = (await builtinDescriptors()).found.map(({ descriptor }) => descriptor);
  const config = validateConfig("default" in module ? module.default : module, shown, { dialects });
  const dir = dirname(path);
  const apps = config.apps.map((app) => ({
    name: app.name,
    tablesPath: resolve(dir, app.tables),
    migrationsDir: resolve(dir, app.migrations),
    dependsOn: app.dependsOn ?? [],
  }));
  return { path, dir, config, apps, dialects };
}

/** The connection and dialect of a loaded config (`DATABASE_URL` when it has no connection). */
export function connectionOf(loaded: LoadedConfig, deps: CliDeps): ResolvedConnection {
  return resolveConnection(loaded.config, deps.env, { configDir: loaded.dir, cwd: deps.cwd, dialects: loaded.dialects });
}
