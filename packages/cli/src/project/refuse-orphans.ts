import { existsSync } from "node:fs";
import { relative } from "node:path";
import { MigError, migrationStatus, type RunnerBaseOptions } from "@mig/core";
import type { ResolvedApp } from "../config/load-config";
import type { CliDeps } from "../deps";

/**
 * Refuses to apply or reverse while an applied migration of these apps has no file (deleted, or
 * the config's `migrations` folder is wrong): the schema the history describes is unknown, so
 * building on it is not safe. The way out is named: restore the files, fix the folder, or
 * `mig clean <app>` to forget rows whose file was removed on purpose.
 */
export async function refuseOrphans(base: RunnerBaseOptions, apps: readonly ResolvedApp[], deps: CliDeps): Promise<void> {
  const { orphans } = await migrationStatus(base);
  const byApp = apps.map((app) => ({ app, ids: orphans.filter((o) => o.appName === app.name).map((o) => o.id) })).filter((a) => a.ids.length > 0);
  const first = byApp[0];
  if (!first) return;
  const folders = byApp.map(({ app, ids }) => {
    const folder = relative(deps.cwd, app.migrationsDir) || app.migrationsDir;
    return `${app.name}: ${ids.join(", ")} (looked in ${folder}${existsSync(app.migrationsDir) ? "" : ", which does not exist"})`;
  });
  const count = byApp.reduce((n, a) => n + a.ids.length, 0);
  throw new MigError("MIG_E_MIGRATION_FILE", `${count === 1 ? "An applied migration has" : `${count} applied migrations have`} no file: ${folders.join("; ")}`, {
    hint: `Restore the files or fix \`migrations\` in the config; if they were removed on purpose, \`mig clean ${first.app.name}\` forgets them`,
    meta: { orphans: byApp.map(({ app, ids }) => ({ app: app.name, ids, migrationsDir: app.migrationsDir })) },
  });
}
