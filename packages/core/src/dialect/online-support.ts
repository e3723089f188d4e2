import type { SchemaOperation } from "../operations/operation";
import type { Statement } from "./statement";

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
  /** Undoes a `"session"` {@link lockTimeout}. */
  resetLockTimeout?(): readonly Statement[];
  /** True when `error` is the database giving up a lock wait bounded by {@link lockTimeout}: the step is retried after a pause. */
  isLockTimeout?(error: unknown): boolean;
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

/** How many times an online step is retried after a lock timeout, and the pause before the first retry (doubled each time). */
export interface OnlineRetry {
  /** Bound of each lock wait, in milliseconds. Default is {@link DEFAULT_ONLINE_LOCK_TIMEOUT_MS}. */
  readonly lockTimeoutMs?: number;
  /** Retries after a lock timeout. Default is {@link DEFAULT_ONLINE_RETRIES}. */
  readonly retries?: number;
  /** Pause before the first retry, doubled for each next one. Default is 500 ms. */
  readonly backoffMs?: number;
}

/** A lock wait longer than this gives up and is retried: writers queued behind the migration wait at most this long. */
export const DEFAULT_ONLINE_LOCK_TIMEOUT_MS = 2_000;
export const DEFAULT_ONLINE_RETRIES = 5;
export const DEFAULT_ONLINE_BACKOFF_MS = 500;
