import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run as forwards } from "../../src/commands/forwards/run";
import { run as newMigration } from "../../src/commands/new/run";
import { type TestDatabase, createTestDatabase } from "../support/databases";
import { configText, MUSIC } from "../support/fixtures";
import type { TestProject } from "../support/project";
import { sqliteProject } from "../support/sqlite-project";
import { testDeps } from "../support/test-deps";

const ID = (n: number) => `2026-12-07T10:00:0${n}:000000`;
const CHECKED = MUSIC.initial.replace(`  popularity: integer().default(0),\n});`, `  popularity: integer().default(0),\n}, { checks: [{ name: "band_popularity_positive", sql: "popularity >= 0" }] });`);

let project: TestProject;
let database: TestDatabase;
beforeAll(async () => {
  project = sqliteProject({ shop: null });
  database = await createTestDatabase("postgres", project.dir);
  // The config's lock-wait settings reach the runner: one retry, so the patience is short.
  project.write("mig.config.ts", configText({ connection: database.url, extra: "  onlineLockTimeoutMs: 50,\n  onlineRetries: 1," }));
});
afterAll(async () => {
  await database?.drop();
});

describe("mig forwards: an online step that cannot get its lock (PostgreSQL)", () => {
  it("stops with MIG_E_ONLINE_LOCK_BUSY naming the session in the way, and the next run resumes", async () => {
    project.write("src/music/tables.ts", MUSIC.initial);
    expect(await newMigration({ app: "music", auto: true }, testDeps({ cwd: project.dir, ids: [ID(1)] }).deps)).toBe(0);
    expect(await forwards({ app: "music" }, testDeps({ cwd: project.dir }).deps)).toBe(0);
    project.write("src/music/tables.ts", CHECKED);
    expect(await newMigration({ app: "music", auto: true, online: true }, testDeps({ cwd: project.dir, ids: [ID(2)] }).deps)).toBe(0);

    // What an autovacuum run of the table holds, in a transaction that stays open.
    const blocker = await database.connect();
    const pid = Number((await blocker.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid);
    await blocker.query("BEGIN");
    await blocker.query('LOCK TABLE "band" IN SHARE UPDATE EXCLUSIVE MODE');
    try {
      const io = testDeps({ cwd: project.dir });
      expect(await forwards({ app: "music" }, io.deps)).toBe(1);
      const said = io.stdout() + io.stderr();
      expect(said).toContain("MIG_E_ONLINE_LOCK_BUSY");
      expect(said).toContain(`session ${pid} (client backend`);
      expect(said).toContain("ShareUpdateExclusiveLock");
    } finally {
      await blocker.query("COMMIT");
      await blocker.close();
    }
    expect(await forwards({ app: "music" }, testDeps({ cwd: project.dir }).deps)).toBe(0);
    const connection = await database.connect();
    try {
      const check = await connection.query("SELECT convalidated FROM pg_constraint WHERE conname = 'band_popularity_positive'");
      expect(check.rows).toEqual([{ convalidated: true }]);
    } finally {
      await connection.close();
    }
  });
});
