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
   * Holds the migration lock while `fn` runs and always releases it (also when `fn` throws, and
   * when the process dies: the lock is tied to the connection or the transaction).
   */
  withMigrationLock<T>(fn: () => Promise<T>, options: LockOptions): Promise<T>;
  close(): Promise<void>;
}
