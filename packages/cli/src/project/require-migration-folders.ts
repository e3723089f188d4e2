import { existsSync } from "node:fs";
import { relative } from "node:path";
import { MigError } from "@mig/core";
import type { ResolvedApp } from "../config/load-config";
import type { CliDeps } from "../deps";

/**
 * Applying or reversing needs each app's migrations folder: a folder that does not exist is a
 * typo in the config far more often than an app without migrations, and must not deploy nothing,
 * silently. `mig new <app>` creates the folder.
 */
export function requireMigrationFolders(apps: readonly ResolvedApp[], deps: CliDeps): void {
  const missing = apps.filter((app) => !existsSync(app.migrationsDir));
  const first = missing[0];
  if (!first) return;
  const shown = (app: ResolvedApp) => relative(deps.cwd, app.migrationsDir) || app.migrationsDir;
  throw new MigError("MIG_E_CONFIG", `The migrations folder of ${missing.map((app) => `${app.name} (${shown(app)})`).join(", ")} does not exist`, {
    hint: `Check \`migrations\` in the config, or create the folder with \`mig new ${first.name}\``,
    problems: missing.map((app) => ({ message: `${app.name}: ${shown(app)} does not exist`, path: `apps.${app.name}.migrations` })),
    meta: { folders: missing.map((app) => app.migrationsDir) },
  });
}
