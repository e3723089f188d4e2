import type { Connection } from "../dialect/connection";
import type { Dialect } from "../dialect/dialect";
import {
  DEFAULT_ONLINE_BACKOFF_MS,
  DEFAULT_ONLINE_LOCK_TIMEOUT_MS,
  DEFAULT_ONLINE_RETRIES,
  type OnlineRetry,
} from "../dialect/online-support";
import type { Statement } from "../dialect/statement";

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
 * Runs `attempt` (one online step) with the dialect's bound on lock waits, again after each lock
 * timeout, up to `retries` times with a pause doubling from `backoffMs`: a migration that waits
 * for a lock behind a long transaction gives up after `lockTimeoutMs` instead of queueing every
 * writer behind it (PostgreSQL: writers queue behind a waiting ACCESS EXCLUSIVE request),
 * and tries again once the way may be clear. `attempt` receives the statements that set
 * the bound, to run first on the connection it uses. The last timeout is thrown.
 */
export async function withLockRetry<T>(
  dialect: Dialect,
  retry: OnlineRetry | undefined,
  attempt: (bound: { readonly lockTimeoutMs: number }) => Promise<T>,
): Promise<T> {
  const online = dialect.online;
  const lockTimeoutMs = retry?.lockTimeoutMs ?? DEFAULT_ONLINE_LOCK_TIMEOUT_MS;
  const retries = retry?.retries ?? DEFAULT_ONLINE_RETRIES;
  let pause = retry?.backoffMs ?? DEFAULT_ONLINE_BACKOFF_MS;
  for (let tries = 0; ; tries++) {
    try {
      return await attempt({ lockTimeoutMs });
    } catch (error) {
      if (tries >= retries || !online?.isLockTimeout?.(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause *= 2;
    }
  }
}

/** Runs `statement` outside any transaction, its lock waits bounded for it alone (set, run, reset). */
export async function runBoundedAlone(connection: Connection, dialect: Dialect, statement: Statement, lockTimeoutMs: number): Promise<void> {
  const online = dialect.online;
  for (const set of online?.lockTimeout?.(lockTimeoutMs, "session") ?? []) await connection.execute(set);
  try {
    await runStatement(connection, statement);
  } finally {
    for (const reset of online?.resetLockTimeout?.() ?? []) await connection.execute(reset);
  }
}

/** Runs `statement` inside the transaction `tx`, its lock waits bounded until the transaction ends. */
export async function runBoundedInTransaction(tx: Connection, dialect: Dialect, statement: Statement, lockTimeoutMs: number): Promise<void> {
  for (const set of dialect.online?.lockTimeout?.(lockTimeoutMs, "local") ?? []) await tx.execute(set);
  await runStatement(tx, statement);
}
