import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { migrationFileName } from "@mig/core";
import type { HistoryStep } from "./history";

export interface ProjectApp {
  readonly name: string;
  /** Default `./<name>/migrations`. */
  readonly migrations?: string;
  readonly dependsOn?: readonly string[];
}

export interface ProjectOptions {
  /** The config's `connection` (a URL). */
  readonly connection: string;
  /** The config's `dialect` (a registry name); left out by default (the URL's scheme picks it). */
  readonly dialect?: string;
  /** Default one app, `music`. */
  readonly apps?: readonly ProjectApp[];
  /** More config lines, such as `lockTimeoutMs: 500,`. */
  readonly extra?: string;
}

/** A user's project on disk: `mig.config.ts`, tables modules and migration folders. */
export interface CliProject {
  readonly dir: string;
  write(path: string, text: string): string;
  read(path: string): string;
  exists(path: string): boolean;
  list(path: string): string[];
  /** Writes history steps as migration files of `app` (named as `mig new` names them). */
  writeMigrations(steps: readonly HistoryStep[], app?: string): string[];
  remove(): void;
}

export function configText(options: ProjectOptions): string {
  const apps = options.apps ?? [{ name: "music" }];
  const lines = apps.map((app) => {
    const deps = app.dependsOn ? `, dependsOn: ${JSON.stringify(app.dependsOn)}` : "";
    return `    { name: ${JSON.stringify(app.name)}, tables: "./${app.name}/tables.ts", migrations: ${JSON.stringify(app.migrations ?? `./${app.name}/migrations`)}${deps} },`;
  });
  return [
    `import { defineConfig } from "@mig/core";`,
    ``,
    `export default defineConfig({`,
    ...(options.dialect ? [`  dialect: ${JSON.stringify(options.dialect)},`] : []),
    `  connection: ${JSON.stringify(options.connection)},`,
    `  apps: [`,
    ...lines,
    `  ],`,
    ...(options.extra ? [`  ${options.extra}`] : []),
    `});`,
    ``,
  ].join("\n");
}

/**
 * A project in `workDir` (inside the workspace, so that `@mig/core` imports resolve), with a
 * config and an empty tables module per app.
 */
export function createCliProject(workDir: string, name: string, options: ProjectOptions): CliProject {
  const dir = join(workDir, `${name}-${process.pid}-${randomBytes(3).toString("hex")}`);
  mkdirSync(dir, { recursive: true });
  const project: CliProject = {
    dir,
    write(path, text) {
      const full = join(dir, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
      return full;
    },
    read: (path) => readFileSync(join(dir, path), "utf8"),
    exists: (path) => existsSync(join(dir, path)),
    list(path) {
      try {
        return readdirSync(join(dir, path)).sort();
      } catch {
        return [];
      }
    },
    writeMigrations(steps, app = "music") {
      return steps.map((step) => project.write(`${app}/migrations/${migrationFileName(app, step.id)}`, step.text));
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  project.write("mig.config.ts", configText(options));
  for (const app of options.apps ?? [{ name: "music" }]) project.write(`${app.name}/tables.ts`, "export {};\n");
  return project;
}
