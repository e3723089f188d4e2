import type { Connection } from "../dialect/connection";
import type { Dialect } from "../dialect/dialect";
import {
  DEFAULT_ONLINE_BACKOFF_MS,
  DEFAULT_ONLINE_LOCK_TIMEOUT_MS,
  DEFAULT_ONLINE_MAX_BACKOFF_MS,
  DEFAULT_ONLINE_RETRIES,
  type OnlineRetry,
} from "../dialect/online-support";
import type { Statement, TableLock } from "../dialect/statement";
import { MigError } from "../errors/mig-error";

/** {@link OnlineRetry} with its defaults filled in. */
export interface LockWaitPolicy {
  readonly lockTimeoutMs: number;
  readonly retries: number;
  readonly backoffMs: number;
  readonly maxBackoffMs: number;
}

export function lockWaitPolicy(retry: OnlineRetry | undefined): LockWaitPolicy {
  return {
    lockTimeoutMs: retry?.lockTimeoutMs ?? DEFAULT_ONLINE_LOCK_TIMEOUT_MS,
    retries: retry?.retries ?? DEFAULT_ONLINE_RETRIES,
    backoffMs: retry?.backoffMs ?? DEFAULT_ONLINE_BACKOFF_MS,
    maxBackoffMs: retry?.maxBackoffMs ?? DEFAULT_ONLINE_MAX_BACKOFF_MS,
  };
}

/** The longest pause before retry `n` (0: the first): doubled from `backoffMs`, at most `maxBackoffMs`. */
function pauseCap(policy: LockWaitPolicy, n: number): number {
  return Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** Math.min(n, 30));
}

/** The pause before retry `n`: between half of its cap and all of it, at random (runs started together do not retry in step). */
export function pauseBefore(policy: LockWaitPolicy, n: number, random: () => number = Math.random): number {
  const cap = pauseCap(policy, n);
  return cap / 2 + random() * (cap / 2);
}

/** How long a step may wait for its lock in all: the longest pauses of all its retries. */
export function patienceOf(policy: LockWaitPolicy): number {
  let total = 0;
  for (let n = 0; n < policy.retries; n++) total += pauseCap(policy, n);
  return total;
}

/** A session holding a lock an online step waits for, as `OnlineSupport.lockHolders` finds it. */
export interface LockHolder {
  readonly pid: unknown;
  readonly mode: string;
  readonly holder: string;
  readonly heldMs: number;
}

export async function lockHolders(connection: Connection, dialect: Dialect, lock: TableLock | undefined, olderThanMs: number): Promise<LockHolder[]> {
  const query = lock && dialect.online?.lockHolders?.(lock, olderThanMs);
  if (!query) return [];
  let rows: Record<string, unknown>[];
  try {
    ({ rows } = await connection.query<Record<string, unknown>>(query.sql, query.params ?? []));
  } catch {
    // A catalog this user may not read: the runner only tries, bounded, and names no one.
    return [];
  }
  return rows.map((row) => ({ pid: row.pid, mode: String(row.mode), holder: String(row.holder ?? ""), heldMs: Math.round(Number(row.heldMs ?? row.heldms ?? 0)) }));
}

/** The bound each try really has on this database (see `OnlineSupport.appliedLockTimeoutMs`). */
export function appliedLockTimeoutMs(dialect: Dialect, policy: LockWaitPolicy): number {
  return dialect.online?.appliedLockTimeoutMs?.(policy.lockTimeoutMs) ?? policy.lockTimeoutMs;
}

function describeHolder(holder: LockHolder): string {
  return `session ${String(holder.pid)} (${holder.holder}) holding ${holder.mode} for ${holder.heldMs} ms`;
}

/** `MIG_E_ONLINE_LOCK_BUSY`: an online step gave up waiting for its lock; nothing of the step ran. */
export function lockBusy(statement: Statement, holders: readonly LockHolder[], policy: LockWaitPolicy, tries: number, appliedMs: number = policy.lockTimeoutMs): MigError {
  const lock = statement.tableLock;
  const what = lock ? `${lock.mode} on ${lock.tables.join(", ")}` : "its lock";
  const who = holders.length > 0 ? `: in the way, ${holders.map(describeHolder).join("; ")}` : ": another session held a conflicting lock each time";
  return new MigError(
    "MIG_E_ONLINE_LOCK_BUSY",
    `gave up waiting for ${what} after ${Math.round(patienceOf(policy))} ms of patience (${tries === 0 ? "without asking for it" : `${tries} ${tries === 1 ? "try" : "tries"} of at most ${appliedMs} ms each`})${who}`,
    {
      hint:
        "Writers never queued longer than one try. Run again when the session in the way has finished (an autovacuum run ends on its own; " +
        "a long transaction must commit), or give the step more patience (onlineRetries in the config).",
      meta: { holders: holders.map((h) => ({ ...h, pid: String(h.pid) })), lock: lock ?? null },
    },
  );
}
