import { describe, expect, it } from "vitest";
import { run as check } from "../../src/commands/check/run";
import { run as forwards } from "../../src/commands/forwards/run";
import { run as newMigration } from "../../src/commands/new/run";
import { configText, MUSIC, SHOP } from "../support/fixtures";
import { createProject } from "../support/project";
import { runMig } from "../support/run-mig";
import { sqliteProject } from "../support/sqlite-project";
import { testDeps } from "../support/test-deps";

describe("config loading", () => {
  it("reports every problem of an invalid config at once (exit 2)", async () => {
    const project = sqliteProject();
    project.write(
      "mig.config.ts",
      `export default { dialct: "sqlite", apps: [{ name: "a", tables: "./t.ts" }, { name: "a", tables: "./t.ts", migrations: "./m", dependsOn: ["b"] }] };\n`,
    );
    const io = testDeps({ cwd: project.dir });
    expect(await check({ json: true }, io.deps)).toBe(2);
    const { error } = JSON.parse(io.stdout()) as { error: { code: string; problems: { path: string; message: string }[] } };
    expect(error.code).toBe("MIG_E_CONFIG");
    expect(error.problems.map((p) => p.path)).toEqual(["dialct", "apps[0].migrations", "apps[1].name", "apps[1].dependsOn"]);
    expect(error.problems[0]?.message).toContain('did you mean "dialect"');
    project.remove();
  });

  it("text mode prints one error line, each problem, and a hint", async () => {
    const project = sqliteProject();
    project.write("mig.config.ts", `export default { apps: [] };\n`);
    const io = testDeps({ cwd: project.dir });
    expect(await check({}, io.deps)).toBe(2);
    const lines = io.stderr().trim().split("\n");
    expect(lines[0]).toMatch(/^error MIG_E_CONFIG: /);
    expect(lines.at(-1)).toMatch(/^hint: /);
  });

  it("a missing config, a --config that does not exist, and a config that throws are MIG_E_CONFIG", async () => {
    const empty = createProject("noconfig", {});
    const io = testDeps({ cwd: empty.dir });
    expect(await check({}, io.deps)).toBe(2);
    expect(io.stderr()).toContain("MIG_E_CONFIG");
    expect(await check({ config: "nope.ts" }, testDeps({ cwd: empty.dir }).deps)).toBe(2);
    empty.write("mig.config.ts", `throw new Error("boom");\n`);
    const thrown = testDeps({ cwd: empty.dir });
    expect(await check({}, thrown.deps)).toBe(2);
    expect(thrown.stderr()).toMatch(/MIG_E_CONFIG.*boom/);
    empty.remove();
  });

  it("--config names a file anywhere; paths in it are relative to it", async () => {
    const project = createProject("elsewhere", {
      "conf/mig.config.mts": configText({ connection: "sqlite:./db.sqlite" }).replace(/"\.\/src/g, '"../src'),
      "src/music/tables.ts": MUSIC.initial,
      "src/shop/tables.ts": SHOP,
    });
    const io = testDeps({ cwd: project.dir });
    expect(await check({ config: "conf/mig.config.mts", json: true }, io.deps)).toBe(0);
    expect(JSON.parse(io.stdout())).toEqual([]);
    expect(project.list("conf")).toContain("db.sqlite");
    project.remove();
  });

  it("uses DATABASE_URL when the config has no connection", async () => {
    const project = createProject("envurl", { "mig.config.ts": configText(), "src/music/tables.ts": MUSIC.initial, "src/shop/tables.ts": SHOP });
    const io = testDeps({ cwd: project.dir, env: { DATABASE_URL: "sqlite:./from-env.db" } });
    expect(await check({}, io.deps)).toBe(0);
    expect(project.list(".")).toContain("from-env.db");
    const none = testDeps({ cwd: project.dir, env: {} });
    expect(await check({}, none.deps)).toBe(2);
    expect(none.stderr()).toContain("DATABASE_URL");
    project.remove();
  });

  it("never prints a password: not in a connection error, not in JSON", async () => {
    const secret = "s3cret-Pa55";
    for (const connection of [`postgres://app:${secret}@127.0.0.1:1/app`, `mysql://root:${secret}@127.0.0.1:1/app`]) {
      const project = createProject("secret", { "mig.config.ts": configText({ connection }), "src/music/tables.ts": MUSIC.initial, "src/shop/tables.ts": SHOP });
      for (const json of [false, true]) {
        const io = testDeps({ cwd: project.dir });
        expect(await check({ json }, io.deps)).toBe(1);
        expect(io.stdout() + io.stderr()).toContain("MIG_E_CONNECTION");
        expect(io.stdout() + io.stderr()).not.toContain(secret);
      }
      project.remove();
    }
  });

  it("a malformed connection URL is MIG_E_CONFIG (exit 2) saying what is wrong, for every dialect, never with the password", async () => {
    const secret = "s3cret-Pa55";
    const cases: [string, RegExp][] = [
      [`postgres://app:${secret}@127.0.0.1:notaport/app`, /postgres:\/\/ connection URL cannot be used: its port "notaport" is not a number/],
      [`mysql://root:${secret}@127.0.0.1:notaport/app`, /mysql:\/\/ connection URL cannot be used: its port "notaport" is not a number/],
      [`mariadb://root:${secret}@:3306/app`, /no host name/],
      ["sqlite:", /"sqlite:" names no database file/],
    ];
    for (const [connection, message] of cases) {
      const project = createProject("badurl", { "mig.config.ts": configText({ connection }), "src/music/tables.ts": MUSIC.initial, "src/shop/tables.ts": SHOP });
      for (const json of [false, true]) {
        const io = testDeps({ cwd: project.dir });
        expect(await check({ json }, io.deps), io.stderr()).toBe(2);
        const printed = io.stdout() + io.stderr();
        expect(printed).toContain("MIG_E_CONFIG");
        expect(json ? (JSON.parse(io.stdout()) as { error: { message: string } }).error.message : io.stderr()).toMatch(message);
        expect(printed).not.toContain(secret);
        expect(printed).not.toContain("MIG_E_INTERNAL");
      }
      project.remove();
    }
  });
});

describe("syntax errors in the user's files: file:line:column and the offending line", () => {
  it("in the config (MIG_E_CONFIG, exit 2), without the secret the line holds", async () => {
    const project = sqliteProject();
    project.write(
      "mig.config.ts",
      'import { defineConfig } from "@mig/core";\n\nexport default defineConfig({\n  dialect: "sqlite"\n  connection: { filename: "./test.db", password: "hunter2" },\n  apps: [],\n});\n',
    );
    const io = testDeps({ cwd: project.dir });
    expect(await check({}, io.deps)).toBe(2);
    expect(io.stderr()).toContain('error MIG_E_CONFIG: Cannot load mig.config.ts:5:3: Expected "}" but found "connection"\n');
    expect(io.stderr()).toContain('\n  - 5 |   connection: { filename: "./test.db", password: "***" },\n');
    expect(io.stderr()).not.toContain("hunter2");
    const json = testDeps({ cwd: project.dir });
    expect(await check({ json: true }, json.deps)).toBe(2);
    expect(JSON.parse(json.stdout()).error).toMatchObject({ code: "MIG_E_CONFIG", meta: { file: "mig.config.ts", line: 5, column: 3 } });
  });

  it("in a tables module (MIG_E_SCHEMA_INVALID) and in a migration file (MIG_E_MIGRATION_FILE)", async () => {
    const project = sqliteProject();
    expect(await newMigration({ app: "music", auto: true }, testDeps({ cwd: project.dir }).deps)).toBe(0);
    const good = project.read("src/music/tables.ts");
    project.write("src/music/tables.ts", good.replace("name: varchar({ length: 50 }),", "name: varchar({ length: 50 }),,"));
    const tables = testDeps({ cwd: project.dir });
    expect(await newMigration({ app: "music", auto: true }, tables.deps)).toBe(1);
    expect(tables.stderr()).toMatch(/error MIG_E_SCHEMA_INVALID: src\/music\/tables\.ts:4:33 cannot be loaded: Expected identifier but found ","\n {2}- 4 \| {3}name: varchar\(\{ length: 50 \}\),,\n/);
    // In a module the tables module imports: that file, line and column.
    project.write("src/music/columns.ts", 'import { varchar } from "@mig/core";\nexport const name = () => varchar({ length: 50 }),,;\n');
    project.write("src/music/tables.ts", `import { name } from "./columns";\n${good.replace("name: varchar({ length: 50 }),", "name: name(),")}`);
    // (The built binary: where the message names the imported file is the loader's, jiti's, doing.)
    const imported = await runMig(["new", "music", "--auto"], { cwd: project.dir });
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain(
      'error MIG_E_SCHEMA_INVALID: src/music/tables.ts cannot be loaded: src/music/columns.ts:2:51: Expected identifier but found ","\n  - 2 | export const name',
    );
    project.write("src/music/tables.ts", good);

    const file = `src/music/migrations/${project.list("src/music/migrations")[0]}`;
    const lines = project.read(file).split("\n");
    const at = lines.findIndex((line) => line.includes("return manager;"));
    project.write(file, lines.map((line, i) => (i === at ? "  return manager +;" : line)).join("\n"));
    const migration = testDeps({ cwd: project.dir });
    expect(await forwards({ app: "music" }, migration.deps)).toBe(1);
    expect(migration.stderr()).toContain(`error MIG_E_MIGRATION_FILE: ${file}:${at + 1}:19: cannot be loaded: Unexpected ";"\n  - ${at + 1} |   return manager +;\n`);
  });
});
