import { createHash } from "node:crypto";
import { type LockOptions, MigError } from "@mig/core/dialect";
import { isConnectionLost } from "./connection-error";

/** The queries the lock needs: the connection's own `query`. */
type Query = <Row>(sql: string, params?: readonly unknown[]) => Promise<{ rows: Row[] }>;

/**
 * The default advisory lock key: the first 8 bytes of SHA-256("mig_migrations") as a signed
 * bigint. Advisory locks are per database, so runs against different databases
 * never wait for each other.
 */
export const POSTGRES_LOCK_KEY: bigint = BigInt.asIntN(64, BigInt(`0x${createHash("sha256").update("mig_migrations").digest("hex").slice(0, 16)}`));

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The backend holding the lock, from pg_locks: a bigint key is stored as classid (high 32 bits) and objid (low 32 bits), objsubid 1. */
async function lockHolder(query: Query, key: bigint): Promise<{ pid: number; application: string } | undefined> {
  const { rows } = await query<{ pid: number; application: string | null }>(
    `SELECT l.pid, a.application_name AS application
       FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND l.classid = $1::bigint::oid AND l.objid = $2::bigint::oid
      LIMIT 1`,
    [BigInt.asUintN(32, key >> 32n).toString(), BigInt.asUintN(32, key).toString()],
  );
  const row = rows[0];
  return row ? { pid: row.pid, application: row.application ?? "" } : undefined;
}

function describeHolder(holder: { pid: number; application: string } | undefined): string {
  if (!holder) return "another session";
  return `backend pid ${holder.pid}${holder.application ? `, application "${holder.application}"` : ""}`;
}

export interface MigrationLockSettings {
  readonly key: bigint;
  readonly pollMs: number;
  readonly database: string;
}

/**
 * Holds a session-level advisory lock while `fn` runs.
 *
 * - Taken with `pg_try_advisory_lock`, polled until `timeoutMs`: a plain `pg_advisory_lock` would
 *   wait inside the server, where only `lock_timeout` could stop it, and we could not say who we wait for.
 * - Released in `finally` with `pg_advisory_unlock`. If the process dies, the session ends and the
 *   server releases the lock itself: it cannot outlive the process.
 * - It cannot leak behind a pooler either: the lock belongs to this one `pg.Client` session, and
 *   the unlock must succeed on that same session. If it returns false, a pooler in transaction
 *   mode (PgBouncer) ran our statements on different server sessions, so the lock may still be
 *   held on another one: that is reported as an error instead of passing silently.
 * - No `statement_timeout` is set: the lock never blocks in the server (it is polled), and
 *   migrations may legitimately run long (index builds, backfills).
 */
export async function withAdvisoryLock<T>(query: Query, settings: MigrationLockSettings, fn: () => Promise<T>, options: LockOptions): Promise<T> {
  const key = settings.key.toString();
  const deadline = Date.now() + options.timeoutMs;
  let waited = false;
  for (;;) {
    const { rows } = await query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS locked", [key]);
    if (rows[0]?.locked) break;
    const remaining = deadline - Date.now();
    if (!waited || remaining <= 0) {
      const holder = await lockHolder(query, settings.key);
      if (remaining <= 0) {
        throw new MigError(
          "MIG_E_LOCK_TIMEOUT",
          `Gave up after ${options.timeoutMs} ms waiting for the migration lock on database "${settings.database}", held by ${describeHolder(holder)}`,
          {
            hint: holder
              ? `Another migration run is in progress; wait for it to finish. If it is stuck, end it with SELECT pg_terminate_backend(${holder.pid}).`
              : "Another migration run is in progress; wait for it to finish and try again.",
            meta: { database: settings.database, lockKey: key, timeoutMs: options.timeoutMs, ...(holder ? { holderPid: holder.pid } : {}) },
          },
        );
      }
      if (!waited) {
        options.onWait?.(
          `Waiting for the migration lock on database "${settings.database}" (PostgreSQL advisory lock ${key}), held by ${describeHolder(holder)}; giving up after ${options.timeoutMs} ms`,
        );
        waited = true;
      }
    }
    await sleep(Math.max(1, Math.min(settings.pollMs, deadline - Date.now())));
  }

  let result: T;
  try {
    result = await fn();
  } catch (error) {
    await query("SELECT pg_advisory_unlock($1::bigint)", [key]).catch(() => undefined);
    throw error;
  }
  let unlocked: boolean;
  try {
    const { rows } = await query<{ unlocked: boolean }>("SELECT pg_advisory_unlock($1::bigint) AS unlocked", [key]);
    unlocked = rows[0]?.unlocked === true;
  } catch (error) {
    // The session is gone, and the server released the lock with it.
    if (isConnectionLost(error) || (error instanceof MigError && error.code === "MIG_E_CONNECTION")) return result;
    throw error;
  }
  if (!unlocked) {
    throw new MigError("MIG_E_CONNECTION", `The migration lock on database "${settings.database}" was not held by this session when releasing it`, {
      hint: "A connection pooler in transaction mode (e.g. PgBouncer) moved the session. Connect to PostgreSQL directly or through session pooling.",
      meta: { database: settings.database, lockKey: key },
    });
  }
  return result;
}
