import { createHash } from "node:crypto";
import { type LockOptions, MigError } from "@mig/core/dialect";

type Query = (sql: string, params: readonly unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

/** MySQL 5.7+ refuses lock names longer than 64 characters. */
const MAX_LOCK_NAME = 64;
const POLL_MS = 200;

/**
 * The default lock name: one per database, since GET_LOCK names are server-wide and two databases
 * on one server must not block each other.
 */
export function defaultLockName(database: string | undefined): string {
  const name = `mig:${database ?? ""}`;
  if (name.length <= MAX_LOCK_NAME) return name;
  return `mig:${createHash("sha256").update(database ?? "").digest("hex").slice(0, 40)}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Holds the named lock `lockName` while `fn` runs. `GET_LOCK(name, 0)` does not wait, so it is
 * polled until `timeoutMs` (calling `onWait` once) and then fails with `MIG_E_LOCK_TIMEOUT`.
 * RELEASE_LOCK runs in `finally`; if the session dies first, the server releases the lock itself.
 */
export async function withNamedLock<T>(query: Query, lockName: string, fn: () => Promise<T>, options: LockOptions): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let warned = false;
  for (;;) {
    const { rows } = await query("SELECT GET_LOCK(?, 0) AS acquired", [lockName]);
    const acquired = rows[0]?.["acquired"];
    if (acquired === null || acquired === undefined) {
      throw new MigError("MIG_E_INTERNAL", `GET_LOCK(${JSON.stringify(lockName)}) returned NULL`, { meta: { lockName } });
    }
    if (Number(acquired) === 1) break;
    const { rows: holders } = await query("SELECT IS_USED_LOCK(?) AS holder", [lockName]);
    const holder = holders[0]?.["holder"] ?? null;
    if (!warned) {
      warned = true;
      options.onWait?.(`Waiting for the migration lock "${lockName}" (held by connection ${String(holder)})`);
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new MigError("MIG_E_LOCK_TIMEOUT", `Timed out after ${options.timeoutMs} ms waiting for the migration lock "${lockName}"`, {
        hint: `Another mig run holds it (connection ${String(holder)}); wait for it to finish, or end that session (KILL ${String(holder)}).`,
        meta: { lockName, timeoutMs: options.timeoutMs, holder: holder === null ? null : String(holder) },
      });
    }
    await sleep(Math.min(POLL_MS, left));
  }
  try {
    return await fn();
  } finally {
    // A failed release (connection gone) is harmless: the server frees the lock with the session.
    await query("SELECT RELEASE_LOCK(?) AS released", [lockName]).catch(() => undefined);
  }
}
