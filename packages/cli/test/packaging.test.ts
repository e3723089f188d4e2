import { execFileSync, type ExecFileSyncOptions } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const PACKAGES = ["core", "sqlite", "postgres", "mysql", "cli"];
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");

/**
 * What a user does: install the packed packages with npm into a blank project outside the
 * repository, write a config and a tables file, and use the `mig` binary through npx. Proves the
 * exports maps, the types and the bin of the published packages.
 */
describe("the packed packages in a blank npm project", () => {
  let work: string;
  let project: string;
  const env = { ...process.env, npm_config_nodedir: process.env.npm_config_nodedir ?? "/usr", NO_COLOR: "1", npm_config_update_notifier: "false" };
  delete (env as Record<string, string | undefined>).DATABASE_URL;
  const run = (command: string, args: string[], options: ExecFileSyncOptions = {}) =>
    execFileSync(command, args, { cwd: project, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], ...options }) as string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "mig-pack-"));
    project = join(work, "app");
    mkdirSync(project);
    const tarballs = join(work, "tarballs");
    mkdirSync(tarballs);
    for (const name of PACKAGES) run("pnpm", ["pack", "--pack-destination", tarballs], { cwd: join(ROOT, "packages", name) });
    const files = readdirSync(tarballs).map((file) => join(tarballs, file));
    expect(files).toHaveLength(PACKAGES.length);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "blank-app", version: "1.0.0", private: true }, null, 2));
    // better-sqlite3 compiles from source here (about a minute).
    run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...files]);
  }, 600_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("installed our packages (from the tarballs, not from a registry)", () => {
    for (const name of PACKAGES) {
      const ours = JSON.parse(readFileSync(join(ROOT, "packages", name, "package.json"), "utf8")) as { name: string; description: string };
      const installed = JSON.parse(readFileSync(join(project, "node_modules", ours.name, "package.json"), "utf8")) as { description: string };
      expect(installed.description).toBe(ours.description);
    }
  });

  it("mig --version answers", () => {
    expect(run("npx", ["--no-install", "mig", "--version"]).trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("new --auto, forwards and check --json work on SQLite", () => {
    writeFileSync(
      join(project, "mig.config.ts"),
      `import { defineConfig } from "@mig/core";\n\nexport default defineConfig({\n  dialect: "sqlite",\n  connection: "sqlite:./app.db",\n  apps: [{ name: "app", tables: "./tables.ts", migrations: "./migrations" }],\n});\n`,
    );
    writeFileSync(
      join(project, "tables.ts"),
      `import { foreignKey, integer, table, timestamptz, varchar } from "@mig/core";\n\nexport const Author = table("author", {\n  name: varchar({ length: 100 }).unique(),\n});\n\nexport const Post = table("post", {\n  author: foreignKey(() => Author, { onDelete: "cascade" }),\n  title: varchar({ length: 200 }),\n  likes: integer().default(0).index(),\n  published: timestamptz().defaultNow(),\n});\n`,
    );
    expect(run("npx", ["--no-install", "mig", "new", "app", "--auto", "--desc", "first"])).toMatch(/^Created migrations\/app_.*\.ts$/m);
    expect(readdirSync(join(project, "migrations"))).toHaveLength(1);
    expect(run("npx", ["--no-install", "mig", "forwards", "app"])).toMatch(/^Applied 1 migration in /m);
    const rows = JSON.parse(run("npx", ["--no-install", "mig", "check", "--json"])) as unknown[];
    expect(rows).toEqual([expect.objectContaining({ app: "app", description: "first", applied: true, checksumMismatch: false })]);
  });

  it("the config, tables and migration files type-check against the packed types", () => {
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", skipLibCheck: false, types: [] }, include: ["*.ts", "migrations/*.ts"] }),
    );
    expect(() => run("node", [TSC, "-p", "tsconfig.json"])).not.toThrow();
  });
});
