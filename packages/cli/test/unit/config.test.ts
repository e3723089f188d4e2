import { describe, expect, it } from "vitest";
import { run as check } from "../../src/commands/check/run";
import { configText, MUSIC, SHOP } from "../support/fixtures";
import { createProject } from "../support/project";
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
});
