/**
 * The table lock a statement takes, as the dialect names it (`ACCESS EXCLUSIVE`, `SHARE ROW
 * EXCLUSIVE`), on each of `tables` (as the emitter quotes them).
 */
export interface TableLock {
  readonly tables: readonly string[];
  readonly mode: string;
  /**
   * While this statement waits for the lock, writes to the tables queue behind it (PostgreSQL:
   * a waiting request that conflicts with ROW EXCLUSIVE). An online step with `false`
   * (`CREATE INDEX CONCURRENTLY`, `VALIDATE CONSTRAINT`) waits without the short online bound:
   * its wait stalls nobody.
   */
  readonly queuesWriters: boolean;
}

/** One SQL statement with its parameters. Emitters produce these; connections run them. */
export interface Statement {
  readonly sql: string;
  readonly params?: readonly unknown[];
  /**
   * Runs outside the migration's transaction: `"before"` it begins, `"after"` it ends (also when
   * it fails). For settings a transaction ignores, such as SQLite's `PRAGMA foreign_keys`
   * (a no-op inside a transaction). The runner runs each distinct
   * statement once per migration, in plan order. Default: inside, in plan order.
   */
  readonly outsideTransaction?: "before" | "after";
  /**
   * Commits on its own instead of in the migration's transaction: `"own"` in a transaction of its
   * own (PostgreSQL's `VALIDATE CONSTRAINT` after an `ADD CONSTRAINT … NOT VALID`, so the brief
   * lock of the first is let go before the long scan of the second), `"none"` outside any
   * transaction block (`CREATE INDEX CONCURRENTLY`). A migration with such a statement runs step by
   * step, each step recorded in the progress table, so that a killed run resumes after the last
   * completed step. A `"none"` statement is not recorded atomically with its progress: it must be
   * safe to run again (`IF NOT EXISTS`, `IF EXISTS`, or a `repair`). Default: in the migration's
   * transaction.
   */
  readonly transaction?: "own" | "none";
  /**
   * Statements run just before this one every time it runs, also when a killed run resumes at it
   * or a lock timeout retries it: they clear what an interrupted earlier try left behind (an
   * INVALID index of a `CREATE INDEX CONCURRENTLY`). Each must be harmless when there is nothing to
   * clear. Default: none.
   */
  readonly repair?: readonly Statement[];
  /**
   * A query: this statement runs only when it returns at least one row (a repair that applies only
   * when `pg_index.indisvalid` is false). Default: always runs.
   */
  readonly onlyIf?: Statement;
  /**
   * The table lock it takes, for online steps: the runner waits for sessions holding a
   * conflicting lock without queueing (`OnlineSupport.lockHolders`), and bounds the wait only
   * when it would queue writers. Default: unknown (every try bounded and retried).
   */
  readonly tableLock?: TableLock;
}
