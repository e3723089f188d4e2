import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run as pull } from "../../src/commands/pull/run";
import { createTestDatabase, execSql, type TestDatabase } from "../support/databases";
import { createProject, type TestProject } from "../support/project";
import { testDeps } from "../support/test-deps";

const CONFIG = `import { defineConfig } from "@mig/core";

export default defineConfig({
  apps: [{ name: "legacy", tables: "./src/legacy/tables.ts", migrations: "./src/legacy/migrations" }],
});
`;

/**
 * `mig pull` validates the pulled tables for the configured dialect as `mig new` does: MariaDB
 * lets an AUTO_INCREMENT column be a unique key beside another primary key, which reads back as a
 * serial that is not the primary key, and mig refuses such a serial on MariaDB (it could not
 * create it). Pull must say so and write nothing, not leave a module the next `mig new` refuses.
 */
describe("mig pull on mysql validates with the dialect", () => {
  let project: TestProject;
  let db: TestDatabase;
  const io = () => testDeps({ cwd: project.dir, env: { DATABASE_URL: db.url }, ids: ["2026-12-01T10:00:00:000000"] });
  const exec = (...statements: string[]) => execSql(db, statements);

  beforeAll(async () => {
    project = createProject("pull-validate-mysql", { "mig.config.ts": CONFIG });
    db = await createTestDatabase("mysql", project.dir);
  });
  afterAll(async () => {
    await db?.drop();
    project?.remove();
  });

  it("refuses an AUTO_INCREMENT column that is not the primary key with MIG_E_SCHEMA_INVALID, writing nothing", async () => {
    await exec(`CREATE TABLE tickets (code varchar(10) NOT NULL PRIMARY KEY, seq int NOT NULL AUTO_INCREMENT UNIQUE, title varchar(50) NOT NULL)`);
    const run = io();
    expect(await pull({ app: "legacy", json: true }, run.deps)).toBe(1);
    const error = (JSON.parse(run.stdout()) as { error: { code: string; message: string; problems: { message: string; table?: string; column?: string }[] } }).error;
    expect(error.code).toBe("MIG_E_SCHEMA_INVALID");
    expect(error.message).toContain("mysql");
    expect(error.problems).toEqual([expect.objectContaining({ table: "tickets", column: "seq", message: expect.stringContaining("primary key") })]);
    expect(project.list("src/legacy")).toEqual([]);
    const connection = await db.connect();
    try {
      // Nothing recorded either: no tracking table holds a baseline.
      const { rows } = await connection.query<{ n: number | bigint }>(`SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name LIKE 'mig\\_%'`);
      expect(Number(rows[0]!.n)).toBe(0);
    } finally {
      await connection.close();
    }
  });

  it("pulls the same table once the column is an ordinary integer", async () => {
    await exec(`ALTER TABLE tickets MODIFY seq int NOT NULL`);
    const run = io();
    expect(await pull({ app: "legacy" }, run.deps), run.stderr()).toBe(0);
    expect(project.read("src/legacy/tables.ts")).toMatch(/seq: integer\(\)\.unique\(/);
  });
});
