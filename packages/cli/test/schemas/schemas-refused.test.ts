import { describe, expect, it } from "vitest";
import { run as newMigration } from "../../src/commands/new/run";
import { configText, MUSIC } from "../support/fixtures";
import { sqliteProject } from "../support/sqlite-project";
import { testDeps } from "../support/test-deps";

const IN_A_SCHEMA = MUSIC.initial.replace(`export const Manager = table("manager", {
  name: varchar({ length: 50 }),
});`, `export const Manager = table("manager", {
  name: varchar({ length: 50 }),
}, { schema: "people" });`);

/** A table in a named schema on a database without schemas: refused when the migration is written, from `capabilities.schemas`. */
describe("the schema option where the database has no schemas", () => {
  it("is refused at mig new on SQLite with MIG_E_UNSUPPORTED naming the table; no file is written", async () => {
    expect(IN_A_SCHEMA).toContain(`{ schema: "people" }`);
    const project = sqliteProject({ music: IN_A_SCHEMA, shop: null });
    const io = testDeps({ cwd: project.dir, ids: ["2026-12-02T10:00:00:000000"] });
    expect(await newMigration({ app: "music", auto: true }, io.deps)).toBe(1);
    expect(io.stderr()).toContain("MIG_E_UNSUPPORTED");
    expect(io.stderr()).toContain(`the database has no schemas (table "manager" has the option schema: "people")`);
    expect(project.list("src/music/migrations")).toEqual([]);
  });

  it("is refused at mig new for a target without schemas (MySQL/MariaDB), naming the target, though the configured database has them", async () => {
    const project = sqliteProject({ music: IN_A_SCHEMA, shop: null });
    project.write("mig.config.ts", configText({ connection: "postgres://mig@127.0.0.1:1/unused", extra: `  targets: ["postgres", "mysql"],` }));
    const io = testDeps({ cwd: project.dir, ids: ["2026-12-02T10:00:00:000000"] });
    expect(await newMigration({ app: "music", auto: true }, io.deps)).toBe(1);
    expect(io.stderr()).toContain("MIG_E_UNSUPPORTED");
    expect(io.stderr()).toMatch(/mysql: create_table "people"\."manager"/);
    expect(project.list("src/music/migrations")).toEqual([]);
    // PostgreSQL alone takes it.
    project.write("mig.config.ts", configText({ connection: "postgres://mig@127.0.0.1:1/unused", extra: `  targets: ["postgres"],` }));
    const alone = testDeps({ cwd: project.dir, ids: ["2026-12-02T10:00:00:000000"] });
    expect(await newMigration({ app: "music", auto: true }, alone.deps), alone.stderr()).toBe(0);
  });

  it("an unknown table option is still MIG_E_SCHEMA_INVALID", async () => {
    const project = sqliteProject({ music: IN_A_SCHEMA.replace(`{ schema: "people" }`, `{ tablespace: "fast" } as never`), shop: null });
    const io = testDeps({ cwd: project.dir, ids: ["2026-12-02T10:00:00:000000"] });
    expect(await newMigration({ app: "music", auto: true }, io.deps)).toBe(1);
    expect(io.stderr()).toContain("MIG_E_SCHEMA_INVALID");
    expect(io.stderr()).toContain(`Unknown table option "tablespace"`);
  });
});
