import { existsSync } from "node:fs";
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
const CHECKED = MUSIC.initial.replace(`  popularity: integer().default(0),\n});`, `  popularity: integer().default(0),\n}, { checks: [{ name: "band_popularity_positive", sql: "popularity >= 0" }] });`);

let project: TestProject;
let database: TestDatabase;
beforeAll(async () => {
  project = sqliteProject({ shop: null });
  database = await createTestDatabase("mysql", project.dir);
  project.write("mig.config.ts", configText({ connection: database.url }));
});
afterAll(async () => {
  await database?.drop();
});

async function step(n: number, tables: string, flags: { online?: boolean; allowLocking?: boolean } = {}) {
  project.write("src/music/tables.ts", tables);
  const io = testDeps({ cwd: project.dir, ids: [ID(n)] });
  const code = await newMigration({ app: "music", auto: true, ...flags }, io.deps);
  return { code, io };
}

async function checks(): Promise<string[]> {
  const connection = await database.connect();
  try {
    const { rows } = await connection.query<{ name: string }>(
      "SELECT CONSTRAINT_NAME AS name FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND CONSTRAINT_TYPE = 'CHECK' AND TABLE_NAME = 'band'",
    );
    return rows.map((r) => r.name);
  } finally {
    await connection.close();
  }
}

describe("mig new --online --allow-locking on MariaDB", () => {
  it("refuses an online change MariaDB can only make by copying the table, and records consent to the locking form", async () => {
    expect(CHECKED).not.toBe(MUSIC.initial);
    expect((await step(1, MUSIC.initial)).code).toBe(0);
    expect(await forwards({ app: "music" }, testDeps({ cwd: project.dir }).deps)).toBe(0);

    // A CHECK online: MariaDB has no online form (it copies the table): refused, nothing written.
    const refused = await step(2, CHECKED, { online: true });
    expect(refused.code).not.toBe(0);
    expect(refused.io.stderr()).toContain("MIG_E_NOT_ONLINE");
    expect(refused.io.stderr()).toMatch(/ALGORITHM=COPY/);
    expect(refused.io.stderr()).toMatch(/--allow-locking/);
    expect(existsSync(join(project.dir, FILE(2)))).toBe(false);

    // With consent: written, the consent recorded on the operation beside online.
    const consented = await step(2, CHECKED, { online: true, allowLocking: true });
    expect(consented.code).toBe(0);
    const text = project.read(FILE(2));
    expect(text).toMatch(/manager\.addCheck\([\s\S]*online: true,\s+allowLocking: true,/);

    // A file marked online without the consent (written for another database, or edited) is
    // refused by forwards, and run in the locking form with forwards --allow-locking.
    project.write(FILE(2), text.replace(/\s+allowLocking: true,/, ""));
    const plain = testDeps({ cwd: project.dir });
    expect(await forwards({ app: "music" }, plain.deps)).not.toBe(0);
    expect(plain.stderr()).toContain("MIG_E_NOT_ONLINE");
    expect(await checks()).toEqual([]);
    // mig lint refuses it the same way, and lints the locking form with --allow-locking.
    const unlinted = testDeps({ cwd: project.dir });
    expect(await lint({ app: "music", json: true }, unlinted.deps)).not.toBe(0);
    expect(unlinted.stdout() + unlinted.stderr()).toContain("MIG_E_NOT_ONLINE");
    const linted = testDeps({ cwd: project.dir });
    expect(await lint({ app: "music", json: true, allowLocking: true }, linted.deps)).toBe(1);
    expect(JSON.parse(linted.stdout()).migrations[0].operations[0]).toMatchObject({ kind: "add_check", blocksWrites: true, online: false });
    // Its wait for the table's metadata lock queues writers, bounded only by the server's lock_wait_timeout: lint says so.
    expect(JSON.parse(linted.stdout()).migrations[0].operations[0].waits).toMatch(/every writer queues behind it, up to lock_wait_timeout/);
    expect(await forwards({ app: "music", allowLocking: true }, testDeps({ cwd: project.dir }).deps)).toBe(0);
    expect(await checks()).toEqual(["band_popularity_positive"]);

    // The recorded consent alone is enough going backwards and forwards again.
    project.write(FILE(2), text);
    const { run: backwards } = await import("../../src/commands/backwards/run");
    expect(await backwards({ app: "music", autoAgree: true, acceptChecksums: true }, testDeps({ cwd: project.dir }).deps)).toBe(0);
    expect(await checks()).toEqual([]);
    expect(await forwards({ app: "music" }, testDeps({ cwd: project.dir }).deps)).toBe(0);
    expect(await checks()).toEqual(["band_popularity_positive"]);
    const after = await step(3, CHECKED);
    expect(after.io.stdout()).toContain("No changes detected");
  }, 120_000);
});
