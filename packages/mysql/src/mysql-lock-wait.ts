import type { Statement, TableLock } from "@mig/core/dialect";

/**
 * How an online step of MariaDB waits for a table's metadata lock. An `ALTER TABLE` (even
 * `ALGORITHM=INPLACE, LOCK=NONE` or `INSTANT`) takes the exclusive metadata lock briefly at its
 * start and end; while it waits for it (behind a transaction that read or wrote the table and has
 * not ended), every writer that comes after queues behind it, up to the server's
 * `lock_wait_timeout` (a day by default). Online, each try is bounded by `SET STATEMENT
 * lock_wait_timeout=n FOR …`, and while a long transaction is open ({@link mysqlLockHolders}) the
 * runner makes no waiting try, only tries without waiting.
 *
 * MariaDB counts `lock_wait_timeout` in whole seconds, so the shortest bound is one second
 * (`onlineLockTimeoutMs` is rounded up). `NOWAIT` (0) is not used: it gives up whenever a writer's
 * own statement holds the lock at that instant: measured against one loop of single-row updates
 * on MariaDB 10.11 (tries 50–100 ms apart), 272 of 287 tries of an online `DROP INDEX` and 24 of
 * 39 of an `ADD INDEX` failed. It is used while a long transaction is seen (the runner's tries
 * without waiting, `triesWithoutWaiting`): the server does not say whether that transaction
 * touched the table, and such a try queues no one.
 */

/** ER_LOCK_WAIT_TIMEOUT: a metadata-lock wait (or a row-lock wait) gave up. */
const ER_LOCK_WAIT_TIMEOUT = 1205;

export function isLockTimeout(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { errno?: unknown }).errno === ER_LOCK_WAIT_TIMEOUT;
}

/** The bound MariaDB applies for `ms`: whole seconds, at least one; 0 (no wait at all) stays 0. */
export function appliedLockTimeoutMs(ms: number): number {
  return ms <= 0 ? 0 : Math.max(1, Math.ceil(ms / 1000)) * 1000;
}

/** `statement` with its metadata-lock waits bounded: `SET STATEMENT lock_wait_timeout=n FOR …` (joined to a `SET STATEMENT` it already has). */
export function boundStatement(statement: Statement, ms: number): Statement {
  const seconds = appliedLockTimeoutMs(ms) / 1000;
  const sql = /^SET STATEMENT /i.test(statement.sql)
    ? statement.sql.replace(/^SET STATEMENT /i, `SET STATEMENT lock_wait_timeout=${seconds}, `)
    : `SET STATEMENT lock_wait_timeout=${seconds} FOR ${statement.sql}`;
  return { ...statement, sql };
}

/** The exclusive metadata lock an `ALTER TABLE` takes briefly: writers queue behind a waiting request for it. */
export function alterLock(tables: readonly string[], quote: (name: string) => string): TableLock {
  return { tables: [...new Set(tables)].map(quote), mode: "exclusive metadata lock", queuesWriters: true };
}

/** A read (the foreign key's orphan check): its shared metadata lock is granted beside the writers'. */
export function readLock(tables: readonly string[], quote: (name: string) => string): TableLock {
  return { tables: [...new Set(tables)].map(quote), mode: "shared metadata lock", queuesWriters: false };
}

/**
 * The sessions with a transaction open longer than `olderThanMs` (other than this one), in this
 * database or none: `information_schema.INNODB_TRX` (it needs the PROCESS privilege; without it
 * the runner only tries) joined with `PROCESSLIST`. A default MariaDB server does not say which
 * tables a transaction holds metadata locks on (`METADATA_LOCK_INFO` is a plugin,
 * `performance_schema` is off), so any long transaction counts: while one is seen, the runner only
 * tries without waiting (`lock_wait_timeout=0`), which succeeds when it never touched the table. `heldMs`: how long the session has been
 * in its current command (idle in the transaction: since its last statement), or, when longer,
 * the transaction's age (`trx_started` has whole seconds: counted one second short).
 */
export function mysqlLockHolders(_lock: TableLock, olderThanMs: number): Statement {
  const held = "GREATEST(p.TIME_MS, 1000 * (TIMESTAMPDIFF(SECOND, t.trx_started, NOW()) - 1))";
  return {
    sql:
      "SELECT p.ID AS pid, 'open transaction' AS mode, " +
      "CONCAT(p.USER, '@', p.HOST, ', ', p.COMMAND, ': ', LEFT(COALESCE(p.INFO, ''), 120)) AS holder, " +
      `FLOOR(${held}) AS heldMs ` +
      "FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id " +
      "WHERE p.ID <> CONNECTION_ID() AND (p.DB = DATABASE() OR p.DB IS NULL) " +
      `AND ${held} >= ? ORDER BY heldMs DESC`,
    params: [olderThanMs],
  };
}
