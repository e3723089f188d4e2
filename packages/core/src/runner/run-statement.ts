import type { Connection } from "../dialect/connection";
import type { Dialect } from "../dialect/dialect";
import type { OnlineRetry } from "../dialect/online-support";
import type { Statement } from "../dialect/statement";
import { appliedLockTimeoutMs, lockBusy, lockHolders, lockWaitPolicy, patienceOf, pauseBefore } from "./lock-wait";

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

/** How often the runner looks again while a lock holder is in the way. */
const POLL_MS = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Runs `attempt` (one step) again after each lock timeout, up to `retries` times with a growing,
 * jittered pause ({@link pauseBefore}). For an online step whose lock wait queues writers
 * (PostgreSQL: a waiting ACCESS EXCLUSIVE request holds up every writer behind it), each try is
 * bounded by the short `lockTimeoutMs`, and before each try the runner waits, without asking
 * for the lock, while the dialect sees a session holding a conflicting lock for longer than that
 * (an autovacuum run, a long transaction). Where the dialect can try without waiting at all
 * (`OnlineSupport.triesWithoutWaiting`), it makes such tries meanwhile, at the retry pauses: a
 * session it sees may not hold this table. An online step whose wait stalls nobody
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
  const applied = appliedLockTimeoutMs(dialect, policy);
  const queuesWriters = step.online === true && step.statement.tableLock?.queuesWriters !== false;
  const probes = queuesWriters && dialect.online?.triesWithoutWaiting === true;
  const isLockTimeout = (error: unknown) => dialect.online?.isLockTimeout?.(error) === true;
  // The pauses, and the tries between them.
  const deadline = performance.now() + patienceOf(policy) + (policy.retries + 1) * applied;
  let tries = 0;
  let probed = 0;
  for (;;) {
    if (queuesWriters) {
      const holders = await lockHolders(connection, dialect, step.statement.tableLock, policy.lockTimeoutMs);
      if (holders.length > 0) {
        if (probes) {
          try {
            return await attempt({ lockTimeoutMs: 0 });
          } catch (error) {
            if (!isLockTimeout(error)) throw error;
          }
        }
        if (performance.now() >= deadline) throw lockBusy(step.statement, holders, policy, tries + (probes ? probed + 1 : 0), applied);
        await sleep(Math.min(probes ? pauseBefore(policy, probed++) : POLL_MS, deadline - performance.now()));
        continue;
      }
    }
    try {
      return await attempt({ lockTimeoutMs: queuesWriters ? policy.lockTimeoutMs : undefined });
    } catch (error) {
      if (!isLockTimeout(error)) throw error;
      tries++;
      if (tries > policy.retries || performance.now() >= deadline) {
        if (!queuesWriters) throw error;
        throw lockBusy(step.statement, await lockHolders(connection, dialect, step.statement.tableLock, 0), policy, tries + probed, applied);
      }
      await sleep(pauseBefore(policy, tries - 1));
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
