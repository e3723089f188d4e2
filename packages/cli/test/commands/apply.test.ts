import { rmSync } from "node:fs";
import { join } from "node:path";
import { sqliteDialect } from "@mig/sqlite";
import { describe, expect, it } from "vitest";
import { run as backwards } from "../../src/commands/backwards/run";
import { run as check, type CheckRow } from "../../src/commands/check/run";
import { run as clean } from "../../src/commands/clean/run";
import { run as forwards } from "../../src/commands/forwards/run";
import { run as newMigration } from "../../src/commands/new/run";
import { MUSIC } from "../support/fixtures";
import type { TestProject } from "../support/project";
import { sqliteProject } from "../support/sqlite-project";
import { testDeps } from "../support/test-deps";

const ID = (n: number) => `2026-11-22T10:00:0${n}:000000`;

/** music: 3 migrations (tables, a column, an index); shop: 1. */
async function projectWithHistory(): Promise<TestProject> {
  const project = sqliteProject();
  const steps = [MUSIC.initial, MUSIC.addColumn, MUSIC.addIndex];
  for (const [i, tables] of steps.entries()) {
    project.write("src/music/tables.ts", tables);
    expect(await newMigration({ app: "music", auto: true, desc: `step ${i + 1}` }, testDeps({ cwd: project.dir, ids: [ID(i + 1)] }).deps)).toBe(0);
  }
  expect(await newMigration({ app: "shop", auto: true }, testDeps({ cwd: project.dir, ids: [ID(4)] }).deps)).toBe(0);
  return project;
}

async function tables(project: TestProject): Promise<readonly string[]> {
  const connection = await sqliteDialect.connect({ filename: join(project.dir, "test.db") });
  try {
    return (await sqliteDialect.introspector.introspect(connection)).tableNames();
  } finally {
    await connection.close();
  }
}

async function status(project: TestProject, exitCode = 0): Promise<CheckRow[]> {
  const io = testDeps({ cwd: project.dir });
  expect(await check({ json: true }, io.deps)).toBe(exitCode);
  return JSON.parse(io.stdout()) as CheckRow[];
}

const applied = (rows: CheckRow[]) => rows.filter((r) => r.applied).map((r) => `${r.app}:${r.id}`);

describe("mig forwards", () => {
  it("applies all apps in dependency order, one line per migration, then says nothing is left", async () => {
    const project = await projectWithHistory();
    const io = testDeps({ cwd: project.dir });
    expect(await forwards({ app: "all" }, io.deps)).toBe(0);
    const lines = io.stdout().trim().split("\n");
    expect(lines.slice(0, 4).map((l) => l.split(" ").slice(1, 3).join(" "))).toEqual([
      `music ${ID(1)}`,
      `music ${ID(2)}`,
      `music ${ID(3)}`,
      `shop ${ID(4)}`,
    ]);
    expect(lines[0]).toMatch(/step 1 applied in \d+ ms$/);
    expect(lines[4]).toMatch(/^Applied 4 migrations in /);
    expect(await tables(project)).toEqual(["band", "manager", "product"]);
    const again = testDeps({ cwd: project.dir });
    expect(await forwards({ app: "all" }, again.deps)).toBe(0);
    expect(again.stdout()).toContain("No migrations need to be run");
  });

  it("1, an ID, an already-applied ID, an unknown ID", async () => {
    const project = await projectWithHistory();
    expect(await forwards({ app: "music", target: "1" }, testDeps({ cwd: project.dir }).deps)).toBe(0);
    expect(applied(await status(project))).toEqual([`music:${ID(1)}`]);
    expect(await forwards({ app: "music", target: ID(2) }, testDeps({ cwd: project.dir }).deps)).toBe(0);
    expect(applied(await status(project))).toEqual([`music:${ID(1)}`, `music:${ID(2)}`]);
    const already = testDeps({ cwd: project.dir });
    expect(await forwards({ app: "music", target: ID(1) }, already.deps)).toBe(0);
    expect(already.stdout()).toContain(`Migration music ${ID(1)} has already been run`);
    const unknown = testDeps({ cwd: project.dir });
    expect(await forwards({ app: "music", target: "2000-01-01T00:00:00:000000", json: true }, unknown.deps)).toBe(2);
    expect(JSON.parse(unknown.stdout()).error.code).toBe("MIG_E_UNKNOWN_MIGRATION");
  });

  it("--preview prints the SQL and changes nothing", async () => {
    const project = await projectWithHistory();
    const io = testDeps({ cwd: project.dir });
    expect(await forwards({ app: "all", preview: true }, io.deps)).toBe(0);
    expect(io.stdout()).toMatch(/CREATE TABLE "manager"/);
    expect(io.stdout()).toContain("Preview only: nothing was changed (4 migrations)");
    expect(await tables(project)).toEqual([]);
  });

  it("--fake asks once when faking several, and records without running", async () => {
    const project = await projectWithHistory();
    const refused = testDeps({ cwd: project.dir });
    expect(await forwards({ app: "music", fake: true }, refused.deps)).toBe(3);
    const io = testDeps({ cwd: project.dir, tty: true, confirms: [true] });
    expect(await forwards({ app: "music", fake: true }, io.deps)).toBe(0);
    expect(io.asked).toHaveLength(1);
    expect(io.asked[0]).toMatch(/^Fake 3 migrations/);
    expect(io.stdout()).toMatch(/step 1 recorded without running \(fake\) in /);
    expect(io.stdout()).toMatch(/^Recorded 3 migrations in /m);
    expect(applied(await status(project))).toHaveLength(3);
    expect(await tables(project)).toEqual([]);
    const single = testDeps({ cwd: project.dir, tty: true });
    expect(await forwards({ app: "shop", fake: true }, single.deps)).toBe(0);
    expect(single.asked).toEqual([]);
  });
});

describe("a failing migration", () => {
  it("is reported with a coded error (exit 1); earlier ones stay applied, later ones do not run", async () => {
    const project = await projectWithHistory();
    const file = `src/music/migrations/${project.list("src/music/migrations")[1]}`;
    project.write(file, project.read(file).replace("return manager;", 'manager.addRaw(async () => {\n    throw new Error("boom");\n  });\n  return manager;'));
    const io = testDeps({ cwd: project.dir });
    expect(await forwards({ app: "music" }, io.deps)).toBe(1);
    expect(io.stdout()).toMatch(new RegExp(`^✓ music ${ID(1)} step 1 applied`, "m"));
    expect(io.stdout()).toMatch(new RegExp(`^✗ music ${ID(2)} step 2 failed`, "m"));
    expect(io.stderr()).toMatch(/^error MIG_E_MIGRATION_FAILED: .*boom/m);
    expect(applied(await status(project))).toEqual([`music:${ID(1)}`]);
    const json = testDeps({ cwd: project.dir });
    expect(await forwards({ app: "music", json: true }, json.deps)).toBe(1);
    const { error } = JSON.parse(json.stdout()) as { error: { code: string; meta: { migrations: { id: string; status: string }[] } } };
    expect(error.code).toBe("MIG_E_MIGRATION_FAILED");
    expect(error.meta.migrations.map((m) => m.status)).toEqual(["failed", "not-run"]);
  });
});

describe("mig backwards", () => {
  it("asks Reverse N migrations? on a TTY; no answers no; without a TTY exits 3", async () => {
    const project = await projectWithHistory();
    expect(await forwards({ app: "all" }, testDeps({ cwd: project.dir }).deps)).toBe(0);
    const noTty = testDeps({ cwd: project.dir });
    expect(await backwards({ app: "music", target: "all" }, noTty.deps)).toBe(3);
    expect(noTty.stderr()).toContain("MIG_E_NEEDS_INPUT");
    const declined = testDeps({ cwd: project.dir, tty: true, confirms: [false] });
    expect(await backwards({ app: "shop" }, declined.deps)).toBe(0);
    expect(declined.asked).toEqual(["Reverse 1 migration?"]);
    expect(await tables(project)).toContain("product");
    const agreed = testDeps({ cwd: project.dir, tty: true, confirms: [true] });
    expect(await backwards({ app: "shop" }, agreed.deps)).toBe(0);
    expect(agreed.stderr()).toMatch(/reversing drops data.*table product/);
    expect(await tables(project)).toEqual(["band", "manager"]);
  });

  it("1, an ID, all, unknown ID, nothing applied; --clean deletes the reversed files", async () => {
    const project = await projectWithHistory();
    expect(await forwards({ app: "all" }, testDeps({ cwd: project.dir }).deps)).toBe(0);
    expect(await backwards({ app: "shop", autoAgree: true }, testDeps({ cwd: project.dir }).deps)).toBe(0);
    expect(await backwards({ app: "music", target: ID(2), autoAgree: true }, testDeps({ cwd: project.dir }).deps)).toBe(0);
    expect(applied(await status(project))).toEqual([`music:${ID(1)}`]);
    const unknown = testDeps({ cwd: project.dir });
    expect(await backwards({ app: "music", target: "2000-01-01T00:00:00:000000", autoAgree: true }, unknown.deps)).toBe(2);
    expect(await backwards({ app: "music", target: "all", autoAgree: true, clean: true }, testDeps({ cwd: project.dir }).deps)).toBe(0);
    expect(project.list("src/music/migrations")).toHaveLength(2);
    const nothing = testDeps({ cwd: project.dir });
    expect(await backwards({ app: "music", autoAgree: true }, nothing.deps)).toBe(0);
    expect(nothing.stdout()).toContain("No migrations to reverse!");
    expect(await tables(project)).toEqual([]);
  });

  it("--preview prints the reverse SQL and changes nothing", async () => {
    const project = await projectWithHistory();
    expect(await forwards({ app: "all" }, testDeps({ cwd: project.dir }).deps)).toBe(0);
    const io = testDeps({ cwd: project.dir });
    expect(await backwards({ app: "shop", preview: true }, io.deps)).toBe(0);
    expect(io.stdout()).toMatch(/DROP TABLE "product"/);
    expect(await tables(project)).toContain("product");
  });
});

describe("mig check and mig clean", () => {
  it("check lists app, ID, description, applied and edited files, and exits 1 on an edited one", async () => {
    const project = await projectWithHistory();
    expect(await forwards({ app: "music", target: "1" }, testDeps({ cwd: project.dir }).deps)).toBe(0);
    // Pending migrations are not an inconsistency.
    expect((await status(project, 0)).map((r) => r.applied)).toEqual([true, false, false, false]);
    const file = `src/music/migrations/${project.list("src/music/migrations")[0]}`;
    project.write(file, `${project.read(file)}\n// edited\n`);
    const rows = await status(project, 1);
    expect(rows[0]).toEqual({ app: "music", id: ID(1), description: "step 1", applied: true, checksumMismatch: true });
    expect(rows.slice(1).map((r) => r.applied)).toEqual([false, false, false]);
    const text = testDeps({ cwd: project.dir });
    expect(await check({ app: "music" }, text.deps)).toBe(1);
    expect(text.stderr()).toContain(`music/${ID(1)} was edited after it was applied`);
    expect(text.stdout()).toMatch(/APP\s+MIGRATION_ID\s+DESCRIPTION\s+APPLIED/);
    expect(text.stdout()).toContain("MISMATCH");
    const refused = testDeps({ cwd: project.dir });
    expect(await forwards({ app: "music" }, refused.deps)).toBe(1);
    expect(refused.stderr()).toContain("MIG_E_CHECKSUM");
    expect(await forwards({ app: "music", acceptChecksums: true }, testDeps({ cwd: project.dir }).deps)).toBe(0);
    expect((await status(project)).filter((r) => r.app === "music").every((r) => r.applied && !r.checksumMismatch)).toBe(true);
  });

  it("forwards with nothing pending still refuses an edited applied migration (exit 1); --accept-checksums records it", async () => {
    const project = await projectWithHistory();
    expect(await forwards({ app: "music" }, testDeps({ cwd: project.dir }).deps)).toBe(0);
    const file = `src/music/migrations/${project.list("src/music/migrations")[1]}`;
    project.write(file, `${project.read(file)}\n// edited\n`);
    const refused = testDeps({ cwd: project.dir });
    expect(await forwards({ app: "music" }, refused.deps)).toBe(1);
    expect(refused.stderr()).toContain("MIG_E_CHECKSUM");
    expect(refused.stderr()).toContain(file.split("/").at(-1));
    expect(refused.stdout()).not.toContain("No migrations need to be run");
    const json = testDeps({ cwd: project.dir });
    expect(await forwards({ app: "music", json: true }, json.deps)).toBe(1);
    expect(JSON.parse(json.stdout()).error.code).toBe("MIG_E_CHECKSUM");
    const accepted = testDeps({ cwd: project.dir });
    expect(await forwards({ app: "music", acceptChecksums: true }, accepted.deps)).toBe(0);
    expect(accepted.stdout()).toContain("No migrations need to be run");
    expect((await status(project, 0)).some((r) => r.checksumMismatch)).toBe(false);
  });

  it("check exits 1 on an applied migration whose file is gone, listing it (a row with fileMissing in JSON)", async () => {
    const project = await projectWithHistory();
    expect(await forwards({ app: "music" }, testDeps({ cwd: project.dir }).deps)).toBe(0);
    rmSync(join(project.dir, "src/music/migrations", project.list("src/music/migrations")[2]!));
    const rows = await status(project, 1);
    expect(rows.filter((r) => r.fileMissing)).toEqual([{ app: "music", id: ID(3), description: "", applied: true, checksumMismatch: false, fileMissing: true }]);
    const text = testDeps({ cwd: project.dir });
    expect(await check({}, text.deps)).toBe(1);
    expect(text.stderr()).toContain(`music/${ID(3)} is applied but its file is gone`);
    // Forwards, with nothing pending, refuses too (and names the way out).
    const refused = testDeps({ cwd: project.dir });
    expect(await forwards({ app: "music" }, refused.deps)).toBe(1);
    expect(refused.stderr()).toContain("MIG_E_MIGRATION_FILE");
  });

  it("clean removes only the orphans of that app", async () => {
    const project = await projectWithHistory();
    expect(await forwards({ app: "all", fake: true, autoAgree: true }, testDeps({ cwd: project.dir }).deps)).toBe(0);
    rmSync(join(project.dir, "src/music/migrations", project.list("src/music/migrations")[2]!));
    rmSync(join(project.dir, "src/shop/migrations", project.list("src/shop/migrations")[0]!));
    const noTty = testDeps({ cwd: project.dir });
    expect(await clean({ app: "music" }, noTty.deps)).toBe(3);
    const io = testDeps({ cwd: project.dir });
    expect(await clean({ app: "music", autoAgree: true, json: true }, io.deps)).toBe(0);
    expect(JSON.parse(io.stdout())).toEqual({ app: "music", removed: [{ app: "music", id: ID(3) }] });
    const connection = await sqliteDialect.connect({ filename: join(project.dir, "test.db") });
    const { rows } = await connection.query<{ app_name: string; name: string }>("SELECT app_name, name FROM mig_migrations ORDER BY app_name, name");
    await connection.close();
    expect(rows.map((r) => `${r.app_name}:${r.name}`)).toEqual([`music:${ID(1)}`, `music:${ID(2)}`, `shop:${ID(4)}`]);
  });
});
