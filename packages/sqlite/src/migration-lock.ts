import type Database from "better-sqlite3";
import { type LockOptions, MigError } from "@mig/core/dialect";
import { loadSqliteDriver } from "./load-driver";

const POLL_MS = 50;

/** A held migration lock. `release()` is idempotent. */
export interface HeldLock {
  release(): void;
}

/**
 * Takes the migration lock of the database file `filename`: a `BEGIN IMMEDIATE` write
 * transaction held on the side file `<filename>-mig-lock` for the whole run.
 *
 * Why a side file: SQLite has no session or advisory locks, and a write transaction held on the
 * database itself would forbid the `PRAGMA foreign_keys` changes a table rebuild needs
 * (a no-op inside a transaction). The side file's lock is an OS file
 * lock, so it dies with the process: a crash never leaves a stale lock.
 * The file is left in place (deleting it would let two processes hold "the" lock at once).
 *
 * Waits without blocking the event loop (polls every 50 ms), calls `onWait` once when someone
 * else holds it, and throws `MIG_E_LOCK_TIMEOUT` after `timeoutMs`.
 */
export async function acquireSqliteMigrationLock(filename: string, options: LockOptions): Promise<HeldLock> {
  const path = `${filename}-mig-lock`;
  const openDatabase = loadSqliteDriver();
  let db: Database.Database;
  try {
    // timeout 0: a busy lock fails at once, and this function does the waiting.
    db = openDatabase(path, { timeout: 0 });
    // Nothing is ever written: keep the journal in memory so no -journal file appears.
    db.pragma("journal_mode = MEMORY");
  } catch (error) {
    throw new MigError("MIG_E_CONNECTION", `Cannot open the migration lock file ${path}`, { cause: error });
  }
  const deadline = Date.now() + options.timeoutMs;
  let waiting = false;
  for (;;) {
    try {
      db.exec("BEGIN IMMEDIATE");
      return {
        release() {
          if (db.open) db.close();
        },
      };
    } catch (error) {
      if (!isBusy(error)) {
        db.close();
        throw error;
      }
    }
    if (Date.now() >= deadline) {
      db.close();
      throw new MigError("MIG_E_LOCK_TIMEOUT", `Another migration holds the lock on ${filename} (waited ${options.timeoutMs} ms)`, {
        hint: "Wait for the other migration run to finish, then try again.",
        meta: { filename, timeoutMs: options.timeoutMs },
      });
    }
    if (!waiting) {
      waiting = true;
      options.onWait?.(`Waiting for another migration run to release the lock on ${filename}`);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.min(POLL_MS, deadline - Date.now()))));
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "SQLITE_BUSY" || code === "SQLITE_LOCKED";
}
