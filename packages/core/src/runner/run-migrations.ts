import { resolveCapabilities } from "../dialect/capabilities";
import { MigError, isMigError } from "../errors/mig-error";
import { executeMigration } from "./execute-migration";
import { type PlannedMigration, type Step, messageOf, migrationPlanning, planMigration } from "./plan-migration";
import type { Dialect } from "../dialect/dialect";
import { DEFAULT_ONLINE_LOCK_TIMEOUT_MS, type OnlineRetry } from "../dialect/online-support";
import type { Statement } from "../dialect/statement";
import { checksumError, checksumMismatches, reconcileProgress, resumeKey } from "./reconcile-state";
import type { MigrationResult, RunOptions, RunResult } from "./runner-types";
import { type SelectedMigration, assertUniqueSources, selectBackwards, selectForwards } from "./select-migrations";
import { DEFAULT_TRACKING_TABLE } from "./tracking-schema";
import { type Direction, TrackingStore } from "./tracking-store";

const DEFAULT_LOCK_TIMEOUT_MS = 60_000;

/**
 * The shared body of `runForwards` and `runBackwards`: tracking tables first, then the migration
 * lock around everything else, and inside it a fresh read of what is applied (another process
 * may have run migrations while we waited).
 */
export async function runMigrations(direction: Direction, given: RunOptions): Promise<RunResult> {
  assertUniqueSources(given.sources);
  const listener = given.onEvent;
  // A listener that throws (a broken terminal) must not break a migration half-way.
  const options: RunOptions = listener
    ? {
        ...given,
        onEvent: (event) => {
          try {
            listener(event);
          } catch {
            // Progress output is a courtesy; the result reports everything.
          }
        },
      }
    : given;
  const { connection, dialect } = options;
  const store = new TrackingStore(dialect, options.trackingTable ?? DEFAULT_TRACKING_TABLE);
  const useProgress = !resolveCapabilities(dialect.capabilities).transactionalDdl;
  if (options.preview) {
    // A preview changes nothing: no tracking table is created, no lock is taken.
    const exists = await store.exists(connection);
    return decideAndRun(direction, options, store, useProgress, { tracking: exists, progress: false });
  }
  await store.ensure(connection, { progress: useProgress });
  return connection.withMigrationLock(
    () => {
      options.onEvent?.({ type: "lock-acquired", lock: resolveCapabilities(dialect.capabilities).lockKind });
      return decideAndRun(direction, options, store, useProgress, { tracking: true, progress: useProgress });
    },
    {
      timeoutMs: options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
      onWait: (message) => options.onEvent?.({ type: "lock-wait", message }),
    },
  );
}

/** Which tracking tables are known to exist: `ensure` made them (the progress table only where it is used). */
interface KnownTables {
  readonly tracking: boolean;
  readonly progress: boolean;
}

async function decideAndRun(direction: Direction, options: RunOptions, store: TrackingStore, useProgress: boolean, tables: KnownTables): Promise<RunResult> {
  const { connection, dialect } = options;
  const preview = options.preview === true;
  const apps = new Set(options.apps ?? options.sources.map((s) => s.appName));
  const sources = options.sources.filter((s) => apps.has(s.appName));
  const applied = tables.tracking ? (await store.readApplied(connection)).filter((r) => apps.has(r.appName)) : [];
  // Where DDL is transactional the progress table exists only once an online migration ran: probe for it.
  const progress = tables.tracking ? (await store.readProgress(connection, { known: tables.progress })).filter((r) => apps.has(r.appName)) : [];
  const base = { direction, preview, migrations: [] as MigrationResult[], nothingToDo: false };

  const target = options.target ?? (direction === "forwards" ? "all" : "1");
  const selection = direction === "forwards" ? selectForwards(sources, applied, target) : selectBackwards(sources, applied, target);
  const selected = selection.kind === "run" ? selection.migrations : [];

  // Forwards builds on every applied migration, so an edited one is reported even when nothing
  // is pending (and `acceptChecksums` records it then too); backwards only reverses the selected ones.
  const checked = direction === "forwards" ? sources : selected.flatMap((s) => (s.source ? [s.source] : []));
  const mismatches = checksumMismatches(checked, applied);
  if (mismatches.length > 0) {
    if (!options.acceptChecksums) return { ...base, ok: false, error: checksumError(mismatches) };
    if (!preview) for (const m of mismatches) await store.setChecksum(connection, m.source.appName, m.source.id, m.source.checksum);
  }

  if (selection.kind === "nothing-to-do" && progress.length === 0) return { ...base, ok: true, nothingToDo: true };
  if (selection.kind === "already-applied") {
    return { ...base, ok: true, nothingToDo: true, alreadyApplied: { appName: selection.appName, id: selection.id } };
  }

  const reconciled = reconcileProgress(direction, selected, progress);
  if (reconciled instanceof MigError) return { ...base, ok: false, error: reconciled };

  // The caller's check of the database itself (the CLI's drift check), made under the lock so
  // that another run's migration in progress is never mistaken for drift; not while a migration
  // stopped part-way is to be resumed (its first statements are in the database, not yet recorded).
  if (options.beforeRun && progress.length === 0) {
    const refusal = await options.beforeRun();
    if (refusal) return { ...base, ok: false, error: refusal };
  }

  const planning = migrationPlanning(options);
  const planned: PlannedMigration[] = [];
  for (const [index, migration] of reconciled.order.entries()) {
    try {
      const plan = await planMigration(migration, direction, dialect, options.fake === true, planning);
      const record = reconciled.resume.get(resumeKey(plan.appName, plan.id));
      if (record && record.total !== plan.steps.length) {
        throw new MigError("MIG_E_PARTIAL", `Migration ${plan.appName}/${plan.id} stopped part-way, and it now has ${plan.steps.length} steps instead of ${record.total}`, {
          hint: "Run it with the mig version that started it, or finish it by hand and delete its row from the progress table.",
          meta: { appName: plan.appName, id: plan.id, statementsDone: record.statementsDone, total: record.total },
        });
      }
      planned.push(plan);
    } catch (error) {
      // Refused before anything ran: report this migration, and the others as not run.
      const migError = isMigError(error) ? error : new MigError("MIG_E_INTERNAL", messageOf(error), { cause: error });
      const migrations = reconciled.order.map((s, i) => notRun(s, i === index ? { status: "failed", error: migError } : {}));
      return { ...base, ok: false, migrations, error: migError };
    }
  }

  if (preview) {
    const migrations = planned.map((p): MigrationResult => ({
      appName: p.appName,
      id: p.id,
      description: p.description,
      status: "skipped",
      durationMs: 0,
      ...(p.fake ? { fake: true } : {}),
      statements: [...p.before, ...p.steps.flatMap((step) => (step.kind === "statement" ? previewStep(step, p, dialect, options.online) : [])), ...p.after],
      ...(p.separateSteps ? { separateSteps: true } : {}),
      rawFunctions: p.steps.filter((step) => step.kind === "raw").length,
    }));
    return { ...base, ok: true, migrations };
  }

  // Online migrations on a database with transactional DDL run step by step: they need the progress table too.
  if (!useProgress && planned.some((plan) => plan.separateSteps && !plan.fake)) await store.ensure(connection, { progress: true });
  const context = {
    dialect,
    connection,
    store,
    useProgress,
    ...(options.online ? { online: options.online } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  };
  const results: MigrationResult[] = [];
  for (const plan of planned) {
    const result = await executeMigration(context, plan, direction, reconciled.resume.get(resumeKey(plan.appName, plan.id)));
    results.push(result);
    if (result.status === "failed" || result.error) {
      // A failed migration (or one whose after-transaction statement failed) stops the run.
      const rest = reconciled.order.slice(results.length).map((s) => notRun(s, {}));
      return { ...base, ok: false, migrations: [...results, ...rest], ...(result.error ? { error: result.error } : {}) };
    }
  }
  return { ...base, ok: true, migrations: results };
}

/**
 * A statement step as it runs: in a migration run step by step, an online step's lock bound first
 * (and its reset after a step outside a transaction), each marked with where it runs
 * (`transaction`: `"own"` for every step of such a migration that is not outside one).
 */
function previewStep(step: Extract<Step, { kind: "statement" }>, plan: PlannedMigration, dialect: Dialect, online: OnlineRetry | undefined): Statement[] {
  const bounds = step.online === true && step.statement.tableLock?.queuesWriters !== false;
  // A bound carried by the statement itself (MariaDB's SET STATEMENT lock_wait_timeout=… FOR …).
  if (bounds && dialect.online?.boundStatement && !plan.transactional) {
    const bound = dialect.online.boundStatement(step.statement, online?.lockTimeoutMs ?? DEFAULT_ONLINE_LOCK_TIMEOUT_MS);
    return [plan.separateSteps ? { ...bound, transaction: step.statement.transaction ?? "own" } : bound];
  }
  if (!plan.separateSteps) return [step.statement];
  const where = step.statement.transaction ?? "own";
  const mark = (statement: Statement): Statement => ({ ...statement, transaction: where });
  const statement = mark(step.statement);
  // A step whose lock wait stalls no writer (CREATE INDEX CONCURRENTLY) runs unbounded (see withLockRetry).
  if (!step.online || !dialect.online?.lockTimeout || step.statement.tableLock?.queuesWriters === false) return [statement];
  const ms = online?.lockTimeoutMs ?? DEFAULT_ONLINE_LOCK_TIMEOUT_MS;
  const bound = dialect.online.lockTimeout(ms, where === "none" ? "session" : "local").map(mark);
  const reset = where === "none" ? (dialect.online.resetLockTimeout?.() ?? []).map(mark) : [];
  return [...bound, statement, ...reset];
}

function notRun(selected: SelectedMigration, overrides: Partial<MigrationResult>): MigrationResult {
  return {
    appName: selected.appName,
    id: selected.id,
    description: selected.source?.description ?? "",
    status: "skipped",
    durationMs: 0,
    ...overrides,
  };
}
