import { execFileSync, type ExecFileSyncOptions } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");
const PUBLIC = ["cli", "core", "mysql", "postgres", "sqlite"];

/** The `npm install` lines of the root README's "Use mig in your own project", as a user copies them. */
function readmeInstallLines(): string[] {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.split(/^## /m).find((part) => part.startsWith("Use mig in your own project")) ?? "";
  return section
    .split("\n")
    .map((line) => line.replace(/\s+#.*$/, "").trim())
    .filter((line) => line.startsWith("npm install "));
}

/** Every string in an `exports` map, and whether any condition is named `source`. */
function exportTargets(value: unknown, found: { targets: string[]; source: boolean } = { targets: [], source: false }) {
  if (typeof value === "string") found.targets.push(value);
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "source") found.source = true;
      exportTargets(inner, found);
    }
  }
  return found;
}

/**
 * What a user does before mig is on the registry (root README, "Use mig in your own project"):
 * `scripts/pack.sh` packs every public package, and the README's own `npm install` lines install
 * them into a blank npm project outside the repository (`<tmp>/app`, next to `<tmp>/mig/packed`,
 * as the README's `../mig/packed` says). Then `mig` runs there on SQLite, and `tsc` type-checks
 * the user's files against the packed types.
 */
describe("the packed packages in a blank npm project", () => {
  let work: string;
  let packed: string;
  let project: string;
  let tarballs: string[];
  const env: Record<string, string | undefined> = {
    ...process.env,
    // node-gyp builds better-sqlite3 against the installed Node headers (no download).
    npm_config_nodedir: process.env.npm_config_nodedir ?? dirname(dirname(process.execPath)),
    npm_config_update_notifier: "false",
    npm_config_fund: "false",
    npm_config_audit: "false",
    NO_COLOR: "1",
  };
  delete env.DATABASE_URL;
  const run = (command: string, args: string[], options: ExecFileSyncOptions = {}) =>
    execFileSync(command, args, { cwd: project, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], ...options }) as string;
  const mig = (...args: string[]) => run("npx", ["--no-install", "mig", ...args]);

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "mig-pack-"));
    packed = join(work, "mig", "packed");
    project = join(work, "app");
    mkdirSync(project, { recursive: true });
    // The global setup built dist/ (a rebuild here would empty it under the other test files).
    tarballs = run("bash", [join(ROOT, "scripts", "pack.sh"), "--no-build", packed], { cwd: ROOT }).trim().split("\n");
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "blank-app", version: "1.0.0", private: true, type: "module" }, null, 2));
    // better-sqlite3 compiles from source here (about a minute): one install for all of it.
    for (const line of readmeInstallLines()) run("bash", ["-c", `${line} --loglevel=error`]);
  }, 600_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("packs one tarball per public package, and the README installs core, a dialect and the CLI", () => {
    expect(tarballs.map((file) => file.replace(/^.*\/mig-(.+)-\d+\.\d+\.\d+.*\.tgz$/, "$1")).sort()).toEqual(PUBLIC);
    expect(readmeInstallLines()).toEqual([
      "npm install ../mig/packed/mig-core-*.tgz ../mig/packed/mig-sqlite-*.tgz",
      "npm install -D ../mig/packed/mig-cli-*.tgz",
    ]);
  });

  it("packed manifests have no workspace: ranges and no export that points outside the tarball", () => {
    for (const tarball of tarballs) {
      const dir = mkdtempSync(join(work, "unpacked-"));
      execFileSync("tar", ["xzf", tarball, "-C", dir]);
      const root = join(dir, "package");
      const text = readFileSync(join(root, "package.json"), "utf8");
      const manifest = JSON.parse(text) as Record<string, unknown>;
      expect(text, tarball).not.toMatch(/workspace:/);
      const { targets, source } = exportTargets(manifest.exports);
      expect(source, `${tarball}: a "source" export condition`).toBe(false);
      const files = [...targets, manifest.main, manifest.module, manifest.types, ...Object.values((manifest.bin ?? {}) as object)];
      for (const file of files.filter((f): f is string => typeof f === "string")) {
        expect(existsSync(join(root, file)), `${tarball}: ${file}`).toBe(true);
      }
      // The packed map is the workspace's minus `source` (publishConfig.exports must not drift from it).
      const name = String(manifest.name).replace("@mig/", "");
      const workspace = JSON.parse(readFileSync(join(ROOT, "packages", name, "package.json"), "utf8")) as { exports: unknown };
      expect(JSON.stringify(manifest.exports)).toBe(JSON.stringify(workspace.exports, (key, value: unknown) => (key === "source" ? undefined : value)));
    }
  });

  it("installed our packages (from the tarballs, not from a registry)", () => {
    for (const name of ["core", "sqlite", "cli"]) {
      const ours = JSON.parse(readFileSync(join(ROOT, "packages", name, "package.json"), "utf8")) as { name: string; description: string };
      const installed = JSON.parse(readFileSync(join(project, "node_modules", ours.name, "package.json"), "utf8")) as { description: string };
      expect(installed.description).toBe(ours.description);
    }
    const manifest = JSON.parse(readFileSync(join(project, "package.json"), "utf8")) as Record<string, Record<string, string>>;
    expect(Object.keys(manifest.dependencies ?? {}).sort()).toEqual(["@mig/core", "@mig/sqlite"]);
    expect(Object.keys(manifest.devDependencies ?? {})).toEqual(["@mig/cli"]);
  });

  it("mig new --auto, forwards, check and backwards work on SQLite", () => {
    expect(mig("--version").trim()).toMatch(/^\d+\.\d+\.\d+/);
    writeFileSync(
      join(project, "mig.config.ts"),
      `import { defineConfig } from "@mig/core";\n\nexport default defineConfig({\n  dialect: "sqlite",\n  connection: "sqlite:./app.db",\n  apps: [{ name: "app", tables: "./tables.ts", migrations: "./migrations" }],\n});\n`,
    );
    writeFileSync(
      join(project, "tables.ts"),
      `import { foreignKey, integer, table, timestamptz, varchar } from "@mig/core";\n\nexport const Author = table("author", {\n  name: varchar({ length: 100 }).unique(),\n});\n\nexport const Post = table("post", {\n  author: foreignKey(() => Author, { onDelete: "cascade" }),\n  title: varchar({ length: 200 }),\n  likes: integer().default(0).index(),\n  published: timestamptz().defaultNow(),\n});\n`,
    );
    expect(mig("new", "app", "--auto", "--desc", "first")).toMatch(/^Created migrations\/app_.*\.ts$/m);
    // A raw migration, filled in as a user would.
    const created = mig("new", "app", "--desc", "seed").match(/^Created (migrations\/app_\S*\.ts)/m)?.[1];
    expect(created).toBeDefined();
    const rawFile = join(project, created!);
    const template = readFileSync(rawFile, "utf8");
    const filled = template.replace(
      /\/\/ await db\.raw\(.*\);/,
      `await db.table("author").insert({ name: "Ada" });\n    const rows = await db.raw<{ n: number }>("SELECT count(*) AS n FROM author WHERE name = {}", "Ada");\n    if (rows[0]?.n !== 1) throw new Error("seed failed");`,
    );
    expect(filled).not.toBe(template);
    writeFileSync(rawFile, filled);
    expect(readdirSync(join(project, "migrations"))).toHaveLength(2);

    expect(mig("forwards", "app")).toMatch(/^Applied 2 migrations in /m);
    const applied = JSON.parse(mig("check", "--json")) as { applied: boolean; checksumMismatch: boolean }[];
    expect(applied).toEqual([
      expect.objectContaining({ app: "app", description: "first", applied: true, checksumMismatch: false }),
      expect.objectContaining({ app: "app", description: "seed", applied: true, checksumMismatch: false }),
    ]);
    expect(mig("backwards", "app", "all", "--auto-agree")).toMatch(/^Reversed 2 migrations in /m);
    const reversed = JSON.parse(mig("check", "--json")) as { applied: boolean }[];
    expect(reversed.map((row) => row.applied)).toEqual([false, false]);
  });

  it("the config, the tables module and both kinds of migration file type-check against the packed types", () => {
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", skipLibCheck: false, types: [] },
        include: ["*.ts", "migrations/*.ts"],
      }),
    );
    expect(readdirSync(join(project, "migrations"))).toHaveLength(2);
    expect(() => run("node", [TSC, "--noEmit", "-p", "tsconfig.json"])).not.toThrow();
    // And it can fail: a type error in the raw migration is caught.
    const rawFile = readdirSync(join(project, "migrations"))
      .map((file) => join(project, "migrations", file))
      .find((file) => readFileSync(file, "utf8").includes("seed failed"))!;
    const good = readFileSync(rawFile, "utf8");
    writeFileSync(rawFile, good.replace(`"Ada");`, `"Ada"); const wrong: string = rows.length;`));
    const failed = (() => {
      try {
        run("node", [TSC, "--noEmit", "-p", "tsconfig.json"]);
        return "";
      } catch (error) {
        return String((error as { stdout?: unknown }).stdout);
      }
    })();
    expect(failed).toMatch(/error TS2322/);
    writeFileSync(rawFile, good);
  });
});
