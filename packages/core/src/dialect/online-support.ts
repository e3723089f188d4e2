import type { SchemaOperation } from "../operations/operation";
import type { Statement, TableLock } from "./statement";

/** Why an operation marked online cannot be made without blocking writes, and the way that can. */
export interface OnlineRefusal {
  readonly reason: string;
  /** What to do instead (the expand/contract recipe, or consenting to the locking form). */
  readonly hint: string;
}

/** What one operation does to a table while it runs on a database: what `mig lint` reports. */
export interface LockFacts {
  /** The lock it takes, in the database's words (`SHARE`, `ACCESS EXCLUSIVE`, `ALGORITHM=INPLACE, LOCK=NONE`). */
  readonly lock: string;
  /** What it reads or writes of the table: nothing (a catalog change), a scan of every row, or a rewrite of the table. */
  readonly work: "none" | "scan" | "rewrite";
  /** Writes to the table wait for the length of the scan or rewrite (a brief lock at start or end does not count). */
  readonly blocksWrites: boolean;
  /** The form that does not block, when there is one (`online: true`, or a recipe). */
  readonly alternative?: string;
  /**
   * What its wait for the lock does, where that matters (PostgreSQL: a brief ACCESS EXCLUSIVE that
   * waits behind an autovacuum run or a long transaction queues every writer, unless online).
   */
  readonly waits?: string;
}

/**
 * How a dialect makes operations marked `online: true` (see `OperationConsent`) without holding a
 * lock that blocks writes for the length of a table scan or rewrite. The dialect's emitter reads
 * `operation.online` and emits the non-blocking forms (marking statements that must commit on
 * their own with `Statement.transaction`); this object tells the planner what it refuses and the
 * runner how to bound lock waits. A dialect without it treats `online` as a no-op and says so
 * (`note`).
 */
export interface OnlineSupport {
  /**
   * Why `operation` (marked online) cannot be made online here, or `undefined` when it can. The
   * planner refuses such a plan with `MIG_E_NOT_ONLINE`, when the migration is written and when it
   * is applied. Default: nothing is refused.
   */
  refusal?(operation: SchemaOperation): OnlineRefusal | undefined;
  /**
   * The statements that bound every lock wait of the next statement to `ms` (PostgreSQL's
   * `SET lock_timeout`), for a step inside a transaction (`"local"`) or outside one
   * (`"session"`, undone by `resetLockTimeout`). Default: none (waits are not bounded).
   */
  lockTimeout?(ms: number, scope: "local" | "session"): readonly Statement[];
  /**
   * `statement` with every lock wait of its own bounded to `ms`, for a database that bounds one
   * statement rather than a session or a transaction (MariaDB: `SET STATEMENT lock_wait_timeout=…
   * FOR …`, in whole seconds). Used instead of {@link lockTimeout} when given; the runner retries
   * it like a bounded step ({@link isLockTimeout}). Default: none.
   */
  boundStatement?(statement: Statement, ms: number): Statement;
  /**
   * The bound the database applies when asked for `ms` (MariaDB counts whole seconds: at least
   * 1 000), said in `MIG_E_ONLINE_LOCK_BUSY` and counted in a step's patience. Default: `ms`.
   */
  appliedLockTimeoutMs?(ms: number): number;
  /**
   * `boundStatement(statement, 0)` gives up at once when the lock is taken, queueing no one
   * (MariaDB: `lock_wait_timeout=0`). While {@link lockHolders} finds a session (which, where the
   * database cannot say what tables a session holds, may not be in the way), the runner makes such
   * tries at the retry pauses instead of only waiting. Default: false.
   */
  readonly triesWithoutWaiting?: boolean;
  /** Undoes a `"session"` {@link lockTimeout}. */
  resetLockTimeout?(): readonly Statement[];
  /** True when `error` is the database giving up a lock wait bounded by {@link lockTimeout}: the step is retried after a pause. */
  isLockTimeout?(error: unknown): boolean;
  /**
   * A query for the sessions that hold a lock conflicting with `lock` and have held it longer than
   * `olderThanMs` (an autovacuum run, a long transaction; not the writers' own brief locks), each
   * row `{ pid, mode, holder, heldMs }` (`holder`: what the session is, and its query). Before each
   * try of a step whose waits queue writers, the runner waits while this finds one, without
   * queueing, and names them when it gives up (`MIG_E_ONLINE_LOCK_BUSY`). Default: none (the
   * runner only tries, bounded, and retries).
   */
  lockHolders?(lock: TableLock, olderThanMs: number): Statement;
  /**
   * The lock an operation (as planned: `online` or not) takes on this database, for `mig lint`.
   * Default: unknown (`mig lint` reports no lock and never fails on one).
   */
  lockOf?(operation: SchemaOperation): LockFacts;
  /**
   * Said once when online operations are planned for this database and it has nothing to offer
   * (SQLite: one writer at a time). Default: none.
   */
  readonly note?: string;
}

/**
 * How an online step waits for its lock: each try is bounded by `lockTimeoutMs` (writers queue
 * behind a waiting request for at most that long), then let go; the next try comes after a pause
 * that grows from `backoffMs` (doubled each time up to `maxBackoffMs`, each pause drawn at random
 * between its half and its whole, so that runs do not retry in step), `retries` times. The pauses
 * add up to the patience of a step (about 50 s with the defaults); where the dialect can see who
 * holds a conflicting lock (`OnlineSupport.lockHolders`), the runner waits for them to finish
 * within that patience instead of trying.
 */
export interface OnlineRetry {
  /** Bound of each lock wait, in milliseconds. Default is {@link DEFAULT_ONLINE_LOCK_TIMEOUT_MS}. */
  readonly lockTimeoutMs?: number;
  /** Retries after a lock timeout. Default is {@link DEFAULT_ONLINE_RETRIES}. */
  readonly retries?: number;
  /** Pause before the first retry, doubled for each next one. Default is {@link DEFAULT_ONLINE_BACKOFF_MS}. */
  readonly backoffMs?: number;
  /** The longest pause between two tries. Default is {@link DEFAULT_ONLINE_MAX_BACKOFF_MS}. */
  readonly maxBackoffMs?: number;
}

/**
 * A lock wait of an online step longer than this gives up and is retried: writers queued behind
 * the waiting request wait at most this long (plus the step's own brief hold of the lock).
 */
export const DEFAULT_ONLINE_LOCK_TIMEOUT_MS = 50;
export const DEFAULT_ONLINE_RETRIES = 15;
export const DEFAULT_ONLINE_BACKOFF_MS = 100;
export const DEFAULT_ONLINE_MAX_BACKOFF_MS = 5_000;
