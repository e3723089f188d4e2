import { afterEach, describe, expect, it } from "vitest";
import { type CliProject, createCliProject } from "../src/cli/cli-project";
import { duplicates, schemaProblems, trackingRows } from "../src/cli/database-state";
import { buildHistory } from "../src/cli/history";
import { errorCodes, runMig, shown, startMig } from "../src/cli/mig-process";
import { DIALECT_NAMES, dropAllTables } from "../src/test-database";
import { useDatabase } from "./support/cli-database";
import { WORK_DIR } from "./support/work-dir";

const projects: CliProject[] = [];
afterEach(() => projects.splice(0).forEach((p) => p.remove()));

describe.each(DIALECT_NAMES)("%s: concurrent and killed runs (built mig binary)", (dialectName) => {
  const state = useDatabase(dialectName);

  async function project(name: string, extra?: string) {
    await dropAllTables(dialectName, state.connection);
    const history = await buildHistory(state.db.dialect, { sleep: true });
    const p = createCliProject(WORK_DIR, name, { connection: state.db.url, ...(extra ? { extra } : {}) });
    p.writeMigrations(history);
    projects.push(p);
    return { p, history };
  }

  async function expectFullyApplied(history: Awaited<ReturnType<typeof buildHistory>>) {
    const rows = await trackingRows(state.db.dialect, state.connection);
    expect(duplicates(rows)).toEqual([]);
    expect(rows.map((r) => r.id)).toEqual(history.map((h) => h.id));
    expect(await schemaProblems(state.db.dialect, state.connection, history.at(-1)!.schema)).toEqual([]);
  }

  it("eight `mig forwards all` started at once: all exit 0, each migration applied exactly once", async () => {
    const { p, history } = await project("concurrent");
    const env = { MIG_REL_SLEEP_MS: "150" };
    const runs = await Promise.all(Array.from({ length: 8 }, () => startMig(["forwards", "all"], { cwd: p.dir, env }).done));
    for (const run of runs) expect(run.code, shown(run)).toBe(0);
    await expectFullyApplied(history);
    // Each migration is reported as applied by exactly one process.
    const output = runs.map((r) => r.stdout).join("\n");
    for (const step of history) expect(output.split(`✓ music ${step.id}`).length - 1, `${step.id} applied once\n${output}`).toBe(1);
    // The others waited for the lock and said so, naming what they waited for.
    const waited = runs.filter((r) => /waiting/i.test(r.stderr));
    expect(waited.length, runs.map(shown).join("\n")).toBeGreaterThan(0);
    for (const run of waited) expect(run.stderr).toMatch(/waiting:.*lock/i);
  });

  it("kill -9 of the lock holder does not wedge the next run", async () => {
    const { p, history } = await project("killed-holder");
    // Migration 2 waits 60 s: the holder is killed inside it, holding the lock.
    const holder = startMig(["forwards", "music"], { cwd: p.dir, env: { MIG_REL_SLEEP_2: "60000" } });
    await holder.waitFor(new RegExp(`✓ music ${history[0]!.id}`));
    await new Promise((resolve) => setTimeout(resolve, 300));
    holder.kill9();
    expect((await holder.done).signal).toBe("SIGKILL");

    const next = await runMig(["forwards", "music"], { cwd: p.dir });
    expect(next.code, shown(next)).toBe(0);
    // Not after the default 60 s lock timeout: the dead holder's lock went with it.
    expect(next.durationMs).toBeLessThan(30_000);
    await expectFullyApplied(history);
  });

  it("a lock timeout is a coded error with a hint, and the waiting process says what it waits for", async () => {
    const { p, history } = await project("lock-timeout", "lockTimeoutMs: 800,");
    const holder = startMig(["forwards", "music"], { cwd: p.dir, env: { MIG_REL_SLEEP_2: "8000" } });
    await holder.waitFor(new RegExp(`✓ music ${history[0]!.id}`));
    const waiter = await runMig(["forwards", "music"], { cwd: p.dir });
    expect(waiter.code, shown(waiter)).toBe(1);
    expect(errorCodes(waiter)).toEqual(["MIG_E_LOCK_TIMEOUT"]);
    expect(waiter.stderr).toMatch(/waiting:.*lock/i);
    expect(waiter.stderr).toMatch(/hint/i);
    const json = await runMig(["forwards", "music", "--json"], { cwd: p.dir });
    expect(JSON.parse(json.stdout).error.code).toBe("MIG_E_LOCK_TIMEOUT");
    const done = await holder.done;
    expect(done.code, shown(done)).toBe(0);
    await expectFullyApplied(history);
  });
});
