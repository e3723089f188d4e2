import { describe, expect, it } from "vitest";
import type { SchemaOperation } from "@mig/core";
import { col, schema } from "@mig/core/testing";
import { createCliProject } from "../src/cli/cli-project";
import { duplicates, progressRows, schemaProblems, trackingRows } from "../src/cli/database-state";
import { buildHistory, historyOf } from "../src/cli/history";
import { errorCodes, runMig, shown, startMig } from "../src/cli/mig-process";
import { runCrashTrials } from "../src/crash/crash-trials";
import { killSessions, stopReadsOf, waitingSessions } from "../src/crash/metadata-lock-stop";
import { DIALECT_NAMES } from "../src/test-database";
import { useDatabase } from "./support/cli-database";
import { WORK_DIR } from "./support/work-dir";

/** Trials per dialect and direction in CI; `scripts/soak-crash.ts` runs 50 and more. */
const TRIALS = Number(process.env.MIG_CRASH_TRIALS ?? 3);
const SEED = Number(process.env.MIG_CRASH_SEED ?? 7);

describe.each(DIALECT_NAMES)("%s: kill -9 at random points of a six-migration run, then a plain re-run", (dialectName) => {
  const state = useDatabase(dialectName, "mig_rel_crash");

  it.each(["forwards", "backwards"] as const)(`%s: ${TRIALS} kills (seed ${SEED}); never half-applied, the re-run reaches the target`, async (direction) => {
    const figures = await runCrashTrials({ db: state.db, workDir: WORK_DIR, direction, trials: TRIALS, seed: SEED });
    console.log(`crash trials ${JSON.stringify(figures)}`);
    expect(figures.trials).toBe(TRIALS);
  });
});

describe("mysql: a migration stopped part-way (MariaDB commits DDL statement by statement)", () => {
  const state = useDatabase("mysql", "mig_rel_partial");

  it("check reports it with its progress, backwards refuses, and a plain re-run resumes it to the end", async () => {
    const history = await buildHistory(state.db.dialect, { sleep: true });
    const project = createCliProject(WORK_DIR, "partial", { connection: state.db.url });
    project.writeMigrations(history);
    try {
      // Migration 2's last step (the raw wait) never ends: every statement before it has run.
      const victim = startMig(["forwards", "music"], { cwd: project.dir, env: { MIG_REL_SLEEP_2: "60000" } });
      const second = history[1]!;
      for (let i = 0; i < 300; i++) {
        const row = (await progressRows(state.db.dialect, state.connection))[0];
        if (row?.id === second.id && row.done === second.steps - 1) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      victim.kill9();
      await victim.done;
      const progress = await progressRows(state.db.dialect, state.connection);
      expect(progress).toEqual([{ app: "music", id: second.id, direction: "forwards", done: second.steps - 1, total: second.steps }]);

      // A migration stopped part-way is an inconsistency: check exits 1.
      const check = await runMig(["check"], { cwd: project.dir });
      expect(check.code, shown(check)).toBe(1);
      const line = check.stdout.split("\n").find((l) => l.includes(second.id)) ?? "";
      expect(line, shown(check)).toMatch(/partial/);
      // Precisely: how far it got (soft: the rest of the scenario still runs when this fails).
      expect.soft(check.stdout, `check must say how far the partial migration got\n${shown(check)}`).toMatch(new RegExp(`${second.steps - 1}\\s*(/|of)\\s*${second.steps}`));

      const backwards = await runMig(["backwards", "music", "--auto-agree"], { cwd: project.dir });
      expect(backwards.code, shown(backwards)).not.toBe(0);
      expect(errorCodes(backwards)).toEqual(["MIG_E_PARTIAL"]);

      const rerun = await runMig(["forwards", "music"], { cwd: project.dir });
      expect(rerun.code, shown(rerun)).toBe(0);
      expect((await trackingRows(state.db.dialect, state.connection)).map((r) => r.id)).toEqual(history.map((h) => h.id));
      expect(await progressRows(state.db.dialect, state.connection)).toEqual([]);
      expect(await schemaProblems(state.db.dialect, state.connection, history.at(-1)!.schema)).toEqual([]);
    } finally {
      project.remove();
    }
  });
});

describe("mysql: an online foreign key killed (kill -9) between adding the key and its orphan check", () => {
  const state = useDatabase("mysql", "mig_rel_online_fk");
  const tables = schema({ name: "parent", columns: [col("id", "integer")] }, { name: "child", columns: [col("id", "serial"), col("p", "integer")] });
  const addKey: SchemaOperation = {
    kind: "add_foreign_key",
    foreignKey: { kind: "foreign_key", table: "child", name: "child_p_fkey", columns: ["p"], references: { table: "parent", columns: ["id"] }, onDelete: "no action", onUpdate: "no action" },
    online: true,
  };
  const history = () =>
    historyOf(state.db.dialect, [
      { description: "parent and child", operations: [{ kind: "create_table", schema: tables.table("parent")! }, { kind: "create_table", schema: tables.table("child")! }] },
      { description: "child.p references parent, online", operations: [addKey] },
    ]);

  /**
   * The tables with rows (and a child referencing nothing, with `orphan`), then `mig forwards` of
   * the foreign key, killed while its orphan check waits (reads of the parent held up by a stop
   * point): the key added in place (step 1 of 2 recorded), the check not done.
   */
  async function killedAtTheCheck(orphan: boolean) {
    const { db, connection } = state;
    await db.reset();
    const steps = history();
    const project = createCliProject(WORK_DIR, "online-fk", { connection: db.url });
    project.writeMigrations(steps.slice(0, 1));
    const setup = await runMig(["forwards", "music"], { cwd: project.dir });
    expect(setup.code, shown(setup)).toBe(0);
    await connection.query("INSERT INTO parent (id) WITH RECURSIVE g (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < 100) SELECT i FROM g");
    await connection.query("INSERT INTO child (p) WITH RECURSIVE g (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < 1000) SELECT 1 + i % 100 FROM g");
    if (orphan) await connection.query("INSERT INTO child (p) VALUES (999)");
    project.writeMigrations(steps);

    const stop = await stopReadsOf(db, "parent");
    const victim = startMig(["forwards", "music"], { cwd: project.dir });
    try {
      for (let i = 0; ; i++) {
        const progress = (await progressRows(db.dialect, connection))[0];
        if (progress?.done === 1 && (await waitingSessions(connection, "BEGIN NOT ATOMIC")).length > 0) break;
        if (i > 600) throw new Error(`the run never reached the orphan check:\n${shown(victim.output())}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      victim.kill9();
      const killed = await victim.done;
      expect(killed.signal).toBe("SIGKILL");
      await killSessions(connection, stop.sessions);
    } finally {
      await stop.release();
    }
    // Stopped between the steps: the key is there (added in place, its rows unchecked), the migration is not recorded.
    expect(await progressRows(db.dialect, connection)).toEqual([{ app: "music", id: steps[1]!.id, direction: "forwards", done: 1, total: 2 }]);
    expect((await trackingRows(db.dialect, connection)).map((r) => r.id)).toEqual([steps[0]!.id]);
    const keys = await connection.query("SELECT constraint_name AS name FROM information_schema.referential_constraints WHERE constraint_schema = DATABASE()");
    expect(keys.rows).toEqual([{ name: "child_p_fkey" }]);
    return { project, steps };
  }

  /** Applied exactly once, no progress left, the schema exactly the migrations', and the key refuses a row that references nothing. */
  async function expectDone(steps: ReturnType<typeof history>) {
    const { db, connection } = state;
    const rows = await trackingRows(db.dialect, connection);
    expect(duplicates(rows)).toEqual([]);
    expect(rows.map((r) => r.id)).toEqual(steps.map((step) => step.id));
    expect(await progressRows(db.dialect, connection)).toEqual([]);
    expect(await schemaProblems(db.dialect, connection, steps.at(-1)!.schema)).toEqual([]);
    await expect(connection.query("INSERT INTO child (p) VALUES (12345)")).rejects.toThrow(/foreign key constraint fails/i);
  }

  it("a plain re-run resumes at the check and finishes exactly once, the key checked, no drift", async () => {
    const { project, steps } = await killedAtTheCheck(false);
    try {
      const rerun = await runMig(["forwards", "music"], { cwd: project.dir });
      expect(rerun.code, shown(rerun)).toBe(0);
      await expectDone(steps);
      const check = await runMig(["check", "--drift"], { cwd: project.dir });
      expect(check.code, shown(check)).toBe(0);
    } finally {
      project.remove();
    }
  });

  it("with a row referencing nothing, the re-run stops at the check with a coded error; fixed, it resumes to done", async () => {
    const { project, steps } = await killedAtTheCheck(true);
    try {
      const stopped = await runMig(["forwards", "music"], { cwd: project.dir });
      expect(stopped.code, shown(stopped)).toBe(1);
      expect(errorCodes(stopped)).toEqual(["MIG_E_MIGRATION_FAILED"]);
      expect(shown(stopped)).toContain("child_p_fkey: rows of child reference no row of parent");
      // Still stopped at the check: the key in place, the step before it done, nothing recorded.
      expect(await progressRows(state.db.dialect, state.connection)).toEqual([{ app: "music", id: steps[1]!.id, direction: "forwards", done: 1, total: 2 }]);
      expect((await trackingRows(state.db.dialect, state.connection)).map((r) => r.id)).toEqual([steps[0]!.id]);

      await state.connection.query("DELETE FROM child WHERE p = 999");
      const fixed = await runMig(["forwards", "music"], { cwd: project.dir });
      expect(fixed.code, shown(fixed)).toBe(0);
      await expectDone(steps);
    } finally {
      project.remove();
    }
  });
});
