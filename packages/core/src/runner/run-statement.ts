import type { Connection } from "../dialect/connection";
import type { Dialect } from "../dialect/dialect";
import type { OnlineRetry } from "../dialect/online-support";
import type { Statement } from "../dialect/statement";
import { appliedLockTimeoutMs, lockBusy, lockHolders, lockWaitPolicy, patienceOf, pauseBefore, waitForHolders } from "./lock-wait";

/**
 * Runs one statement of a plan: first its `repair` statements (each only when its `onlyIf` query
 * finds something), then the statement itself, unless its own `onlyIf` finds nothing.
 */
export async function runStatement(connection: Connection, statement: Statement): Promise<void> {
  for (const repair of statement.repair ?? []) await runStatement(connection, repair);
  if (statement.onlyIf) {
    const { rows } = await connection.query(statement.onlyIf.sql, statement.onlyIf.params ?? []);
    if (rows.length === 0) return;
  }
  await connection.execute(statement);
}

/**
 * Runs `attempt` (one step) again after each lock timeout, up to `retries` times with a growing,
 * jittered pause ({@link pauseBefore}). For an online step whose lock wait queues writers
 * (PostgreSQL: a waiting ACCESS EXCLUSIVE request holds up every writer behind it), each try is
 * bounded by the short `lockTimeoutMs`, and before each try the runner waits, without asking
 * for the lock, while the dialect sees a session holding a conflicting lock for longer than that
 * (an autovacuum run, a long transaction). An online step whose wait stalls nobody
 * (`tableLock.queuesWriters: false`: `CREATE INDEX CONCURRENTLY`) runs unbounded. When the
 * patience of the step runs out: `MIG_E_ONLINE_LOCK_BUSY`, naming the sessions in the way.
 */
export async function withLockRetry<T>(
  on: { readonly dialect: Dialect; readonly connection: Connection; readonly retry: OnlineRetry | undefined },
  step: { readonly statement: Statement; readonly online?: boolean },
  attempt: (bound: { readonly lockTimeoutMs: number | undefined }) => Promise<T>,
): Promise<T> {
  const { dialect, connection } = on;
  const policy = lockWaitPolicy(on.retry);
  const queuesWriters = step.online === true && step.statement.tableLock?.queuesWriters !== false;
  // The pauses, and the tries between them.
  const deadline = performance.now() + patienceOf(policy) + (policy.retries + 1) * appliedLockTimeoutMs(dialect, policy);
  for (let tries = 0; ; tries++) {
    if (queuesWriters) await waitForHolders(connection, dialect, step.statement, policy, deadline, tries);
    try {
      return await attempt({ lockTimeoutMs: queuesWriters ? policy.lockTimeoutMs : undefined });
    } catch (error) {
      if (!dialect.online?.isLockTimeout?.(error)) throw error;
      if (tries >= policy.retries || performance.now() >= deadline) {
        if (!queuesWriters) throw error;
        throw lockBusy(step.statement, await lockHolders(connection, dialect, step.statement.tableLock, 0), policy, tries + 1, appliedLockTimeoutMs(dialect, policy));
      }
      await new Promise((resolve) => setTimeout(resolve, pauseBefore(policy, tries)));
    }
  }
}

/** Runs `statement` outside any transaction, its lock waits bounded for it alone (set, run, reset). */
export async function runBoundedAlone(connection: Connection, dialect: Dialect, statement: Statement, lockTimeoutMs: number | undefined): Promise<void> {
  const online = dialect.online;
  if (lockTimeoutMs === undefined) return runStatement(connection, statement);
  if (online?.boundStatement) return runStatement(connection, online.boundStatement(statement, lockTimeoutMs));
  for (const set of online?.lockTimeout?.(lockTimeoutMs, "session") ?? []) await connection.execute(set);
  try {
    await runStatement(connection, statement);
  } finally {
    for (const reset of online?.resetLockTimeout?.() ?? []) await connection.execute(reset);
  }
}

/** Runs `statement` inside the transaction `tx`, its lock waits bounded until the transaction ends (or, with `boundStatement`, by the statement itself). */
export async function runBoundedInTransaction(tx: Connection, dialect: Dialect, statement: Statement, lockTimeoutMs: number | undefined): Promise<void> {
  const online = dialect.online;
  if (lockTimeoutMs !== undefined && online?.boundStatement) return runStatement(tx, online.boundStatement(statement, lockTimeoutMs));
  if (lockTimeoutMs !== undefined) for (const set of online?.lockTimeout?.(lockTimeoutMs, "local") ?? []) await tx.execute(set);
  await runStatement(tx, statement);
}
