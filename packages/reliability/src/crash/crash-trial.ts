import { Snapshot } from "@mig/core";
import { type Connection } from "@mig/core/dialect";
import type { CliProject } from "../cli/cli-project";
import { type ProgressRow, duplicates, progressRows, schemaProblems, trackingRows } from "../cli/database-state";
import type { HistoryStep } from "../cli/history";
import { runMig, shown, startMig } from "../cli/mig-process";
import { type TestDatabase, dropAllTables } from "../test-database";

export type CrashDirection = "forwards" | "backwards";

export interface CrashTrialInput {
  readonly db: TestDatabase;
  readonly connection: Connection;
  readonly project: CliProject;
  readonly history: readonly HistoryStep[];
  readonly direction: CrashDirection;
  /**
   * When the kill -9 comes: `delayMs` after the process reported its `afterMigrations`-th
   * migration done (0: after it started).
   */
  readonly kill: { readonly afterMigrations: number; readonly delayMs: number };
  /** How long each migration's raw function waits (inside its transaction where there is one). */
  readonly sleepMs: number;
}

/** What a trial saw at the moment of the kill. */
export interface CrashTrialResult {
  /** The process had already ended when the kill came. */
  readonly finishedBeforeKill: boolean;
  /** Migrations applied when it died. */
  readonly appliedAtKill: number;
  /** The migration that stopped part-way (databases without transactional DDL only). */
  readonly partial?: ProgressRow;
}

/** A broken guarantee: what the trial found, with the output that led to it. */
export class CrashFailure extends Error {}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new CrashFailure(message);
}

const emptyOr = (history: readonly HistoryStep[], k: number) => (k === 0 ? Snapshot.empty() : history[k - 1]!.schema);

/**
 * The state after a kill: the tracking rows are the first k migrations (no duplicate, no gap);
 * the schema is exactly that of k migrations, or, where DDL is not transactional, one migration
 * may have stopped part-way and the progress table says so (and how far it got).
 */
async function stateAtKill(input: CrashTrialInput): Promise<{ applied: number; partial?: ProgressRow }> {
  const { db, connection, history } = input;
  const rows = await trackingRows(db.dialect, connection);
  check(duplicates(rows).length === 0, `duplicate tracking rows: ${duplicates(rows).join(", ")}`);
  const ids = rows.map((r) => r.id);
  const prefix = history.slice(0, ids.length).map((h) => h.id);
  check(JSON.stringify(ids) === JSON.stringify(prefix), `tracking rows are not the first ${ids.length} migrations: ${JSON.stringify(ids)}`);
  const progress = await progressRows(db.dialect, connection);
  check(progress.length <= 1, `more than one migration in progress: ${JSON.stringify(progress)}`);
  const partial = progress[0];
  if (partial) {
    const next = input.direction === "forwards" ? history[ids.length] : history[ids.length - 1];
    const steps = input.direction === "forwards" ? next?.steps : next?.backwardsSteps;
    check(partial.id === next?.id && partial.direction === input.direction, `progress row for ${partial.id} (${partial.direction}), expected ${next?.id} (${input.direction})`);
    check(partial.done >= 0 && partial.done <= partial.total && partial.total === steps, `progress ${partial.done}/${partial.total}, the migration has ${steps} steps ${input.direction}`);
    return { applied: ids.length, partial };
  }
  const problems = await schemaProblems(db.dialect, connection, emptyOr(history, ids.length));
  check(problems.length === 0, `half-applied: ${ids.length} migrations recorded, but the schema differs:\n  - ${problems.join("\n  - ")}`);
  return { applied: ids.length };
}

/**
 * One crash trial: a fresh database (all migrations applied first, for backwards), `mig forwards
 * music` (or `mig backwards music all --auto-agree`) killed with SIGKILL after `killAfterMs`,
 * the state checked, then a plain re-run that must end in exactly the target state.
 */
export async function runCrashTrial(input: CrashTrialInput): Promise<CrashTrialResult> {
  const { db, connection, project, history, direction } = input;
  await dropAllTables(db.dialectName, connection);
  const args = direction === "forwards" ? ["forwards", "music"] : ["backwards", "music", "all", "--auto-agree"];
  if (direction === "backwards") {
    const setup = await runMig(["forwards", "music"], { cwd: project.dir });
    check(setup.code === 0, `setting up for backwards failed:\n${shown(setup)}`);
  }
  const env = { MIG_REL_SLEEP_MS: String(input.sleepMs) };
  const victim = startMig(args, { cwd: project.dir, env });
  const { afterMigrations, delayMs } = input.kill;
  if (afterMigrations > 0) {
    // The line is printed after the migration committed; the process may also end first.
    await victim.waitFor((stdout) => (stdout.match(/✓ music /g)?.length ?? 0) >= afterMigrations).catch(() => undefined);
  }
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  victim.kill9();
  const killed = await victim.done;
  const finishedBeforeKill = killed.signal !== "SIGKILL";
  if (finishedBeforeKill) check(killed.code === 0, `the run failed on its own:\n${shown(killed)}`);
  const atKill = await stateAtKill(input);

  const rerun = await runMig(args, { cwd: project.dir });
  check(rerun.code === 0, `the re-run after the kill failed (${atKill.applied} applied${atKill.partial ? `, ${atKill.partial.id} partial ${atKill.partial.done}/${atKill.partial.total}` : ""}):\n${shown(rerun)}`);
  const rows = await trackingRows(db.dialect, connection);
  const want = direction === "forwards" ? history.map((h) => h.id) : [];
  check(JSON.stringify(rows.map((r) => r.id)) === JSON.stringify(want), `after the re-run the tracking rows are ${JSON.stringify(rows.map((r) => r.id))}`);
  check((await progressRows(db.dialect, connection)).length === 0, "after the re-run a migration is still marked in progress");
  const problems = await schemaProblems(db.dialect, connection, emptyOr(history, want.length));
  check(problems.length === 0, `after the re-run the schema differs from the target:\n  - ${problems.join("\n  - ")}`);
  return { finishedBeforeKill, appliedAtKill: atKill.applied, ...(atKill.partial ? { partial: atKill.partial } : {}) };
}
