import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run as forwards } from "../../src/commands/forwards/run";
import { run as lint } from "../../src/commands/lint/run";
import { run as newMigration } from "../../src/commands/new/run";
import { type TestDatabase, createTestDatabase } from "../support/databases";
import { configText, MUSIC } from "../support/fixtures";
import type { TestProject } from "../support/project";
import { sqliteProject } from "../support/sqlite-project";
import { testDeps } from "../support/test-deps";

const ID = (n: number) => `2026-11-22T10:00:0${n}:000000`;
const FILE = (n: number) => `src/music/migrations/music_2026_11_22t10_00_0${n}_000000.ts`;
const INDEXED = MUSIC.initial.replace("popularity: integer().default(0),", "popularity: integer().default(0).index(),");
const CHECKED = INDEXED.replace(`  popularity: integer().default(0).index(),\n});`, `  popularity: integer().default(0).index(),\n}, { checks: [{ name: "band_popularity_positive", sql: "popularity >= 0" }] });`);

let project: TestProject;
let database: TestDatabase;
beforeAll(async () => {
  project = sqliteProject({ shop: null });
  database = await createTestDatabase("postgres", project.dir);
  project.write("mig.config.ts", configText({ connection: database.url }));
});
afterAll(async () => {
  await database?.drop();
});

async function step(n: number, tables: string, flags: { online?: boolean } = {}) {
  project.write("src/music/tables.ts", tables);
  const io = testDeps({ cwd: project.dir, ids: [ID(n)] });
  const code = await newMigration({ app: "music", auto: true, ...flags }, io.deps);
  return { code, io };
}

async function lintJson(target?: string) {
  const io = testDeps({ cwd: project.dir });
  const code = await lint({ app: "music", json: true, ...(target ? { target } : {}) }, io.deps);
  return { code, report: JSON.parse(io.stdout()) as { ok: boolean; migrations: { id: string; fails: boolean; operations: { kind: string; lock?: string; blocksWrites?: boolean; online: boolean; alternative?: string; waits?: string }[] }[] } };
}

describe("mig new --online and mig lint on PostgreSQL", () => {
  it("records online on the operations, lints them clean, and gates a blocking change until it is online or accepted", async () => {
    expect((await step(1, MUSIC.initial)).code).toBe(0);
    expect(await forwards({ app: "music" }, testDeps({ cwd: project.dir }).deps)).toBe(0);

    // An index, offline: mig new warns, mig lint fails on it.
    const offline = await step(2, INDEXED);
    expect(offline.code).toBe(0);
    expect(offline.io.stderr()).toMatch(/takes SHARE and blocks writes/);
    const failing = await lintJson();
    expect(failing.code).toBe(1);
    expect(failing.report.migrations[0]).toMatchObject({ id: ID(2), fails: true, operations: [{ kind: "add_index", lock: "SHARE", blocksWrites: true, online: false }] });
    // Its wait for SHARE (behind autovacuum or a long transaction) queues writers: lint says so.
    expect(failing.report.migrations[0]?.operations[0]?.waits).toMatch(/autovacuum[\s\S]*every writer queues/);

    // Accepted by its author: listed, not failed.
    project.write(FILE(2), project.read(FILE(2)).replace('description: DESCRIPTION });', "description: DESCRIPTION, accept: true });"));
    expect((await lintJson()).code).toBe(0);

    // The same change online: recorded in the file, lints clean.
    rmSync(join(project.dir, FILE(2)));
    expect((await step(2, INDEXED, { online: true })).code).toBe(0);
    expect(project.read(FILE(2))).toMatch(/manager\.addIndex\([\s\S]*online: true/);
    const clean = await lintJson();
    expect(clean.code).toBe(0);
    expect(clean.report.migrations[0]?.operations[0]).toMatchObject({ kind: "add_index", lock: "SHARE UPDATE EXCLUSIVE (CONCURRENTLY)", blocksWrites: false, online: true });
    // CONCURRENTLY waits beside the writers: nothing to say.
    expect(clean.report.migrations[0]?.operations[0]?.waits).toBeUndefined();

    // The config's online: true is the default for new migrations.
    project.write("mig.config.ts", configText({ connection: database.url, extra: "  online: true," }));
    expect(await forwards({ app: "music" }, testDeps({ cwd: project.dir }).deps)).toBe(0);
    expect((await step(3, CHECKED)).code).toBe(0);
    expect(project.read(FILE(3))).toMatch(/manager\.addCheck\([\s\S]*online: true/);
    const preview = testDeps({ cwd: project.dir });
    expect(await forwards({ app: "music", preview: true }, preview.deps)).toBe(0);
    expect(preview.stdout()).toMatch(/NOT VALID[\s\S]*VALIDATE CONSTRAINT/);
    expect(await forwards({ app: "music" }, testDeps({ cwd: project.dir }).deps)).toBe(0);

    // Afterwards the database is exactly what the tables say, with no INVALID index.
    const after = await step(4, CHECKED);
    expect(after.io.stdout()).toContain("No changes detected");
    const connection = await database.connect();
    try {
      expect((await connection.query("SELECT 1 FROM pg_index WHERE NOT indisvalid")).rows).toEqual([]);
    } finally {
      await connection.close();
    }
  }, 60_000);
});
