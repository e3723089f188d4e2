import { describe, expect, it } from "vitest";
import { createCliProject } from "../src/cli/cli-project";
import { progressRows, schemaProblems, trackingRows } from "../src/cli/database-state";
import { buildHistory } from "../src/cli/history";
import { errorCodes, runMig, shown, startMig } from "../src/cli/mig-process";
import { runCrashTrials } from "../src/crash/crash-trials";
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
