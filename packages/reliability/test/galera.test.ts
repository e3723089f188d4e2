import { afterAll, afterEach, describe, expect, it } from "vitest";
import { mysqlDialect } from "@mig/mysql";
import { ROOT } from "../../../scripts/build-cli-when-stale";
import { type CliProject, createCliProject } from "../src/cli/cli-project";
import { duplicates, progressRows, schemaProblems, trackingRows } from "../src/cli/database-state";
import { type HistoryStep, buildHistory } from "../src/cli/history";
import { errorCodes, runMig, shown, startMig } from "../src/cli/mig-process";
import { type GaleraDatabase, createGaleraDatabase, galeraNode, galeraUrls } from "../src/galera-cluster";
import { WORK_DIR } from "./support/work-dir";

const nodeUrls = galeraUrls();
const NODES = [0, 1, 2] as const;

describe.skipIf(nodeUrls === undefined)("mysql on a 3-node MariaDB Galera cluster (built mig binary)", () => {
  const projects: CliProject[] = [];
  const databases: GaleraDatabase[] = [];
  afterEach(() => projects.splice(0).forEach((p) => p.remove()));
  afterAll(async () => {
    // A failed kill test must not leave the cluster one node short for the next run.
    for (const index of NODES) galeraNode(ROOT, "start", index);
    await Promise.all(databases.map((db) => db.drop()));
  });

  /** A database on the cluster, the six-migration history, and one project per node pointing at it. */
  async function setUp(name: string) {
    const db = await createGaleraDatabase(nodeUrls!);
    databases.push(db);
    const history = await buildHistory(mysqlDialect, { sleep: true });
    const byNode = NODES.map((index) => {
      const project = createCliProject(WORK_DIR, `${name}-node${index}`, { connection: db.urls[index]! });
      project.writeMigrations(history);
      projects.push(project);
      return project;
    });
    return { db, history, byNode };
  }

  /** Tracking rows, progress rows and schema as the given nodes see them, by introspection. */
  async function expectFullyApplied(db: GaleraDatabase, history: readonly HistoryStep[], nodes: readonly number[]) {
    for (const index of nodes) {
      const connection = await db.connect(index);
      const rows = await trackingRows(mysqlDialect, connection);
      expect(duplicates(rows), `node ${index}`).toEqual([]);
      expect(rows.map((r) => r.id), `node ${index}`).toEqual(history.map((h) => h.id));
      expect(await progressRows(mysqlDialect, connection), `node ${index}`).toEqual([]);
      expect(await schemaProblems(mysqlDialect, connection, history.at(-1)!.schema), `node ${index}`).toEqual([]);
    }
  }

  it("eight `mig forwards all` spread over the three nodes: all exit 0, each migration applied exactly once", async () => {
    const { db, history, byNode } = await setUp("galera-concurrent");
    const env = { MIG_REL_SLEEP_MS: "100" };
    const runs = await Promise.all(Array.from({ length: 8 }, (_, i) => startMig(["forwards", "all"], { cwd: byNode[i % 3]!.dir, env }).done));
    for (const run of runs) expect(run.code, shown(run)).toBe(0);
    const output = runs.map((r) => r.stdout).join("\n");
    for (const step of history) expect(output.split(`✓ music ${step.id}`).length - 1, `${step.id} applied once\n${output}`).toBe(1);
    // The others waited for the lock row, whichever node they were connected to.
    const waited = runs.filter((r) => /waiting:.*lock/i.test(r.stderr));
    expect(waited.length, runs.map(shown).join("\n")).toBeGreaterThan(0);
    await expectFullyApplied(db, history, NODES);
  });

  it("the node of a run is killed inside a migration's DDL; the run resumed on another node ends right on every node", async () => {
    const { db, history, byNode } = await setUp("galera-node-killed");
    const third = history[2]!;
    // Node 2 is the one killed: the Galera lock tests of @mig/mysql (which may run meanwhile) use nodes 0 and 1.
    const watcher = await db.connect(0);
    const first = await runMig(["forwards", "music", history[1]!.id], { cwd: byNode[2]!.dir });
    expect(first.code, shown(first)).toBe(0);
    // Rows make the index of migration 3 take a while on every node.
    const ROWS = 100_000;
    await watcher.query(`INSERT INTO band (name, popularity) SELECT CONCAT('band ', seq), seq FROM seq_1_to_${ROWS}`);

    // Migration 3 is a rename, the index on those rows, and a raw function that waits (so the
    // migration is always caught part-way). Node 2 is killed as soon as the index has started
    // there: its progress update (done = 2) commits right before it, seen at once on node 2 itself
    // (read without waiting for the cluster: wsrep_sync_wait 0).
    expect(third.steps).toBe(3);
    const onVictimNode = await db.connect(2);
    await onVictimNode.query("SET SESSION wsrep_sync_wait = 0");
    const victim = startMig(["forwards", "music"], { cwd: byNode[2]!.dir, env: { MIG_REL_SLEEP_3: "4000" } });
    let progress: Awaited<ReturnType<typeof progressRows>> = [];
    for (let i = 0; i < 3000 && !(progress[0]?.id === third.id && progress[0].done >= 2); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      progress = await progressRows(mysqlDialect, onVictimNode);
    }
    expect(progress[0]?.id, shown(victim.output())).toBe(third.id);
    galeraNode(ROOT, "kill", 2);
    const failed = await victim.done;
    expect(failed.code, shown(failed)).not.toBe(0);
    expect(errorCodes(failed), shown(failed)).toEqual(["MIG_E_MIGRATION_FAILED"]);
    expect(failed.stderr).toMatch(/Cannot connect to MySQL at mysql:\/\/\*\*\*@127\.0\.0\.1/);
    // Where the kill landed, for the record: "failed at statement k" is inside a DDL statement.
    console.log(`galera node kill: ${/failed (at statement \d+ of \d+|while recording it)/.exec(failed.stderr)?.[0] ?? "?"}`);
    const [left] = await progressRows(mysqlDialect, watcher);
    expect(left?.id).toBe(third.id);
    expect(left!.done).toBeLessThan(third.steps);

    // On node 0: the dead run's lock row is taken over (its node left the cluster), migration 3
    // resumes after its completed statements, and the rest follows.
    const resumed = await runMig(["forwards", "music"], { cwd: byNode[0]!.dir });
    expect(resumed.code, shown(resumed)).toBe(0);
    expect(resumed.durationMs, "taken over without waiting for the 30 s heartbeat").toBeLessThan(25_000);
    for (const step of history.slice(2)) expect(resumed.stdout, shown(resumed)).toContain(`✓ music ${step.id}`);
    await expectFullyApplied(db, history, [0, 1]);

    // The killed node comes back (IST from the others) with the same schema and rows.
    galeraNode(ROOT, "start", 2);
    await expectFullyApplied(db, history, NODES);
    for (const index of NODES) {
      const { rows } = await (await db.connect(index)).query<{ n: number }>("SELECT COUNT(*) AS n FROM band");
      expect(Number(rows[0]!.n), `rows on node ${index}`).toBe(ROWS);
    }
  });
});
