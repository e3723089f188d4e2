import type { Connection } from "../dialect/connection";
import type { Dialect } from "../dialect/dialect";
import type { Statement } from "../dialect/statement";
import { aroundTransaction } from "./around-transaction";
import { runBatch, stepGroups } from "./batch-steps";
import { migrationFailure } from "./migration-failure";
import type { PlannedMigration, Step } from "./plan-migration";
import { createRawDb } from "./raw-db";
import { runBoundedAlone, runBoundedInTransaction, runStatement, withLockRetry } from "./run-statement";
import type { OnlineRetry } from "../dialect/online-support";
import type { MigrationResult, RunnerEvent } from "./runner-types";
import type { Direction, ProgressRecord, TrackingStore } from "./tracking-store";

export interface ExecutionContext {
  readonly dialect: Dialect;
  readonly connection: Connection;
  readonly store: TrackingStore;
  /** The progress table exists (the dialect's DDL is not transactional). */
  readonly useProgress: boolean;
  /** Lock-wait bound and retries of online steps. */
  readonly online?: OnlineRetry;
  readonly onEvent?: (event: RunnerEvent) => void;
}

/** Runs one planned migration and records it. Never throws for a failing migration: the result says so. */
export async function executeMigration(
  context: ExecutionContext,
  planned: PlannedMigration,
  direction: Direction,
  resume: ProgressRecord | undefined,
): Promise<MigrationResult> {
  const started = performance.now();
  const resumeFrom = resume?.statementsDone ?? 0;
  context.onEvent?.({
    type: "migration-start",
    direction,
    appName: planned.appName,
    id: planned.id,
    description: planned.description,
    fake: planned.fake,
    resumeFrom,
  });
  // Statements the dialect marked outsideTransaction (SQLite's PRAGMA foreign_keys) run around the rest.
  const outcome = await aroundTransaction(context, planned, direction, () =>
    planned.transactional || planned.fake
      ? runInTransaction(context, planned, direction, started)
      : runStepByStep(context, planned, direction, started, resume),
  );
  const durationMs = performance.now() - started;
  const result: MigrationResult = {
    appName: planned.appName,
    id: planned.id,
    description: planned.description,
    durationMs,
    statementsTotal: planned.steps.length,
    ...(planned.fake ? { fake: true } : {}),
    ...outcome,
  };
  context.onEvent?.({
    type: "migration-finish",
    direction,
    appName: planned.appName,
    id: planned.id,
    status: result.status,
    durationMs,
    ...(result.error ? { error: result.error } : {}),
  });
  return result;
}

export type Outcome = Pick<MigrationResult, "status" | "error" | "statementsRun" | "concurrent">;

/**
 * The migration and its tracking row in one transaction, so the migration is applied exactly
 * once: a second process doing the same (without a lock) fails on the row's unique key, or on the
 * schema the first one changed, and its transaction rolls back. Where the migration has raw
 * functions the row is written first, so that they see it (and a second process waits on the key
 * before running them); a migration of statements only writes it last, with its duration, in
 * one statement instead of an INSERT and an UPDATE.
 */
async function runInTransaction(context: ExecutionContext, planned: PlannedMigration, direction: Direction, started: number): Promise<Outcome> {
  const { store, connection } = context;
  if (direction === "forwards" && (await runAsOneBatch(context, planned, started))) return { status: "applied", statementsRun: planned.steps.length };
  let done = 0;
  try {
    const claimFirst = direction === "backwards" || planned.steps.some((step) => step.kind === "raw");
    const claimed = await connection.transaction(async (tx) => {
      if (claimFirst && !(await claim(store, tx, planned, direction))) return false;
      for (const group of stepGroups(planned.steps, typeof tx.executeBatch === "function")) {
        if (group.batch && (await runBatch(tx, group.batch))) {
          done += group.steps.length;
          continue;
        }
        for (const step of group.steps) {
          await runStep(context, tx, step);
          done++;
        }
      }
      const durationMs = performance.now() - started;
      if (!claimFirst) await store.insert(tx, { appName: planned.appName, id: planned.id, checksum: planned.checksum, durationMs });
      else if (direction === "forwards") await store.setDuration(tx, planned.appName, planned.id, durationMs);
      return true;
    });
    return claimed ? { status: "applied", statementsRun: done } : { status: "skipped", concurrent: true };
  } catch (error) {
    // Lost a race for the tracking row to another process: it applied (or reversed) the migration.
    if ((await store.isApplied(connection, planned.appName, planned.id)) === (direction === "forwards")) {
      return { status: "skipped", concurrent: true };
    }
    return { status: "failed", error: migrationFailure(error, planned, direction, done, false) };
  }
}

/**
 * A forwards migration of parameterless statements only, sent with its tracking row as one
 * transaction (`Connection.executeTransaction`: one round trip on PostgreSQL). True when it
 * committed. False when the connection cannot, or the migration does not qualify, or the
 * transaction failed: then none of it took effect, and the caller runs the migration again
 * statement by statement, which names the failing statement exactly (or finds that another
 * process applied it: the tracking row's unique key failed the batch, as it fails the slow path).
 */
async function runAsOneBatch(context: ExecutionContext, planned: PlannedMigration, started: number): Promise<boolean> {
  const { store, connection } = context;
  if (typeof connection.executeTransaction !== "function") return false;
  const statements: Statement[] = [];
  for (const step of planned.steps) {
    if (step.kind !== "statement" || (step.statement.params?.length ?? 0) > 0 || step.statement.repair || step.statement.onlyIf) return false;
    statements.push(step.statement);
  }
  const row = { appName: planned.appName, id: planned.id, checksum: planned.checksum };
  try {
    await connection.executeTransaction(statements, {
      statement: (durationSql) => store.insertStatement(row, durationSql),
      elapsedMs: () => performance.now() - started,
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Claims the migration by writing (forwards) or deleting (backwards) its tracking row, in one
 * statement. Forwards needs no check first: the run read the tracking table under the migration
 * lock, and where another process applied it anyway (no lock), the unique key on
 * (`app_name`, `name`) fails this INSERT (after waiting for the other transaction), the
 * transaction rolls back, and the caller finds the row and reports the migration as run by
 * another process.
 */
async function claim(store: TrackingStore, connection: Connection, planned: PlannedMigration, direction: Direction): Promise<boolean> {
  if (direction === "backwards") return (await store.remove(connection, planned.appName, planned.id)) > 0;
  await store.insert(connection, { appName: planned.appName, id: planned.id, checksum: planned.checksum, durationMs: 0 });
  return true;
}

/**
 * Without a transaction (no transactional DDL, or `wrapInTransaction: false`): each step commits
 * on its own. Where the dialect has no transactional DDL, the progress row records every completed
 * step, so a failure is reported exactly and a re-run resumes after the last completed step.
 */
async function runStepByStep(
  context: ExecutionContext,
  planned: PlannedMigration,
  direction: Direction,
  started: number,
  resume: ProgressRecord | undefined,
): Promise<Outcome> {
  const resumeFrom = resume?.statementsDone ?? 0;
  const { store, connection } = context;
  // A migration with online steps on a database with transactional DDL records its steps too.
  const useProgress = context.useProgress || planned.separateSteps;
  const { appName, id } = planned;
  const stillToDo = direction === "forwards"
    ? !(await store.isApplied(connection, appName, id))
    : await store.isApplied(connection, appName, id);
  if (!stillToDo) return { status: "skipped", concurrent: true };
  let done = resumeFrom;
  const oneTrip = useProgress && typeof connection.executeStep === "function";
  const first = { appName, id, direction, total: planned.steps.length, checksum: planned.checksum };
  // The progress row of a migration that starts from its first step. A row exists only when the
  // run read one for this migration (under the lock, nothing else writes it). Without one, and
  // where the first step goes to `executeStep`, the row is written by that step's transaction,
  // with the step counted.
  let progressStarted = !(useProgress && resumeFrom === 0);
  try {
    if (!progressStarted && (resume !== undefined || !oneTrip || !fitsOneTrip(planned.steps[0]))) {
      await store.startProgress(connection, { ...first, statementsDone: 0 }, { replace: resume !== undefined });
      progressStarted = true;
    }
    for (const step of planned.steps.slice(resumeFrom)) {
      if (step.kind === "statement" && step.statement.transaction === "none") {
        // Outside any transaction block (CREATE INDEX CONCURRENTLY): run, then recorded. A kill
        // between the two runs it again on resume, which such a statement allows (its `repair`
        // clears what an interrupted try left, `IF NOT EXISTS` what a completed one did).
        await withLockRetry({ dialect: context.dialect, connection, retry: context.online }, step, ({ lockTimeoutMs }) =>
          step.online ? runBoundedAlone(connection, context.dialect, step.statement, lockTimeoutMs) : runStatement(connection, step.statement));
        done++;
        if (useProgress) await store.setProgress(connection, appName, id, done);
        continue;
      }
      if (useProgress && step.kind === "statement") {
        // A statement and the record of it commit together, so that a kill cannot fall between
        // them (the re-run would run a CREATE or DROP again, and fail): the progress update opens a
        // transaction that the statement's DDL commits implicitly before it runs (see
        // Connection.transaction), or that its DML commits with. A failing statement is set back
        // below. Raw functions keep their own transaction semantics (run, then recorded).
        // An online step runs with its lock waits bounded, and again after a lock timeout
        // (PostgreSQL rolls the whole step back, its progress update with it).
        // Where DDL commits implicitly, the progress update is committed before the
        // statement runs: a try that fails (a lock timeout) sets it back before the pause, so that
        // a run killed while it waits resumes at this step, not after it.
        if (oneTrip && fitsOneTrip(step)) {
          const record = progressStarted ? store.setProgressStatement(appName, id, done + 1) : store.startProgressStatement({ ...first, statementsDone: 1 });
          if (await runOneTrip(connection, [record, step.statement])) {
            done++;
            progressStarted = true;
            continue;
          }
          // Failed: nothing after the failing statement ran. Where the progress row was to be
          // written with the step, it may have been (a DDL statement committed it): written anew.
          if (!progressStarted) await store.startProgress(connection, { ...first, statementsDone: 0 }, { replace: true });
          progressStarted = true;
        }
        await withLockRetry({ dialect: context.dialect, connection, retry: context.online }, step, ({ lockTimeoutMs }) =>
          connection
            .transaction(async (tx) => {
              await store.setProgress(tx, appName, id, done + 1);
              if (step.online) await runBoundedInTransaction(tx, context.dialect, step.statement, lockTimeoutMs);
              else await runStep(context, tx, step);
            })
            .catch(async (error: unknown) => {
              if (step.online) await store.setProgress(connection, appName, id, done).catch(() => undefined);
              throw error;
            }));
        done++;
        continue;
      }
      await runStep(context, connection, step);
      done++;
      if (useProgress) await store.setProgress(connection, appName, id, done);
    }
    const recorded =
      oneTrip &&
      (await runOneTrip(connection, [
        direction === "forwards"
          ? store.insertStatement({ appName, id, checksum: planned.checksum }, String(Math.round(performance.now() - started)))
          : store.removeStatement(appName, id),
        store.removeProgressStatement(appName, id),
      ]));
    if (!recorded) {
      await connection.transaction(async (tx) => {
        if (direction === "forwards") await store.insert(tx, { appName, id, checksum: planned.checksum, durationMs: performance.now() - started });
        else await store.remove(tx, appName, id);
        if (useProgress) await store.removeProgress(tx, appName, id);
      });
    }
    return { status: "applied", statementsRun: done };
  } catch (error) {
    const migError = migrationFailure(error, planned, direction, done, useProgress);
    if (useProgress) {
      try {
        // A failing DDL statement has already committed its step's progress update.
        await store.setProgress(connection, appName, id, done);
        await store.failProgress(connection, appName, id, migError.message);
      } catch {
        // The progress row still says how many steps completed; the message is a courtesy.
      }
    }
    return { status: "failed", error: migError, statementsRun: done };
  }
}

/**
 * A step that may go to `Connection.executeStep` with its progress update: a statement without
 * parameters, repairs or condition, committed with its progress (not outside any transaction),
 * and not online (an online step's lock waits are bounded and retried on their own).
 */
function fitsOneTrip(step: Step | undefined): step is Extract<Step, { kind: "statement" }> {
  if (step?.kind !== "statement" || step.online) return false;
  const { statement } = step;
  return (statement.params?.length ?? 0) === 0 && statement.transaction === undefined && !statement.repair && !statement.onlyIf;
}

/**
 * `statements` as one transaction in one round trip (`Connection.executeStep`). True when they
 * committed; false when one failed: then the ones after it did not run, and the caller does the
 * same through `transaction`, which reports the failure as it always has.
 */
async function runOneTrip(connection: Connection, statements: readonly Statement[]): Promise<boolean> {
  try {
    await connection.executeStep!(statements);
    return true;
  } catch {
    return false;
  }
}

async function runStep(context: ExecutionContext, connection: Connection, step: Step): Promise<void> {
  if (step.kind === "statement") await runStatement(connection, step.statement);
  else await step.fn(createRawDb(connection, context.dialect));
}
