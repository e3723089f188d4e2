import type { Statement } from "./statement";

export interface QueryResult<Row = Record<string, unknown>> {
  readonly rows: Row[];
  /** Rows inserted, updated or deleted (0 for DDL and selects). */
  readonly affectedRows: number;
}

export interface LockOptions {
  /** Give up after this long with `MIG_E_LOCK_TIMEOUT`. */
  readonly timeoutMs: number;
  /** Called once when the lock is held by someone else and we start waiting. */
  readonly onWait?: (message: string) => void;
}

/**
 * An open connection to one database, made by a dialect's `connect()`. This is the only place a
 * dialect touches its driver. Everything else (emitter, introspector) goes through `query`.
 */
export interface Connection {
  /** Runs one statement. `params` are bound by the driver, never spliced into `sql`. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
  /** Runs a statement produced by an emitter. */
  execute(statement: Statement): Promise<QueryResult>;
  /**
   * Runs `fn` in a transaction: commit when it resolves, roll back when it throws (and rethrow).
   * On a dialect without transactional DDL, DDL inside still commits implicitly.
   */
  transaction<T>(fn: (connection: Connection) => Promise<T>): Promise<T>;
  /**
   * Optional: runs `statements` (two or more, none with parameters) in order, in fewer round trips
   * than one `execute` each, as one unit: when it throws, none of them has taken effect and the
   * transaction is as it was before the call. The runner calls it only inside `transaction`, and
   * after a failure runs the same statements one at a time, so that the error it reports names the
   * failing statement exactly. A dialect without it runs every statement with `execute`.
   */
  executeBatch?(statements: readonly Statement[]): Promise<void>;
  /**
   * Optional: runs `statements` (none with parameters), then `record.statement`, as one
   * transaction of their own, in as few round trips as the driver allows (PostgreSQL: one). Either
   * all of them commit, or it throws and none of them has taken effect, with no transaction left
   * open. `record.statement(durationSql)` is the runner's tracking row, given the migration's
   * duration in milliseconds as SQL: `String(Math.round(record.elapsedMs()))` once the
   * statements have run, or, where they go in one round trip, an expression the database
   * evaluates when it gets there (`record.elapsedMs()` at the time of sending plus the time since
   * the database received them). The runner calls it outside any transaction, for a migration of
   * statements only; after a failure it runs the migration again in `transaction`, one statement
   * at a time, so that the error it reports names the failing statement exactly.
   */
  executeTransaction?(
    statements: readonly Statement[],
    record: { readonly statement: (durationSql: string) => Statement; readonly elapsedMs: () => number },
  ): Promise<void>;
  /**
   * Optional, for a database whose DDL is not transactional: runs `statements` (none with
   * parameters) in order as one transaction of their own, as `transaction` with one `execute`
   * each would (a DDL statement commits what came before it implicitly), in one round trip. When
   * one fails it throws: the statements after it have not run, what was not committed is rolled
   * back, and no transaction is left open. The runner, running a migration step by step, hands it
   * a step's statement after the progress update that records it, and at the end the tracking row
   * with the removal of the progress row; after a failure it runs the same again through
   * `transaction`, one statement at a time, so that the error it reports is exactly as without it.
   */
  executeStep?(statements: readonly Statement[]): Promise<void>;
  /**
   * Holds the migration lock while `fn` runs and always releases it (also when `fn` throws, and
   * when the process dies: the lock is tied to the connection or the transaction).
   */
  withMigrationLock<T>(fn: () => Promise<T>, options: LockOptions): Promise<T>;
  close(): Promise<void>;
}
