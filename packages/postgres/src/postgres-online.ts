import type { ColumnEntity, LockFacts, OnlineRefusal, OnlineSupport, SchemaOperation, Statement, TableLock } from "@mig/core/dialect";
import { isSerial } from "./postgres-type-mapper";

/** SQLSTATE 55P03 lock_not_available: a lock wait ended by `lock_timeout`. */
const LOCK_NOT_AVAILABLE = "55P03";

/**
 * A type change PostgreSQL makes without rewriting the table or scanning it: binary-coercible
 * widenings (changing a column's type normally rebuilds the table and its indexes, except varchar(n) → varchar(m > n),
 * varchar → text, numeric(p, s) → numeric(q > p, s) and constraint removals).
 */
function widensWithoutRewrite(from: ColumnEntity, to: ColumnEntity): boolean {
  if (from.type === to.type && from.length === to.length && from.precision === to.precision && from.scale === to.scale) return true;
  if (from.type === "varchar" && to.type === "varchar") return to.length === undefined || (from.length !== undefined && to.length >= from.length);
  if (from.type === "varchar" && to.type === "text") return true;
  if (from.type === "numeric" && to.type === "numeric") {
    return to.precision === undefined || (from.precision !== undefined && to.precision >= from.precision && to.scale === from.scale);
  }
  return false;
}

function expandContract(table: string, column: string): string {
  return (
    `Change ${table}.${column} in steps instead (expand/contract): add a new column with the new type (nullable), ` +
    "write both columns from the application, backfill the new one in batches (UPDATE … WHERE id BETWEEN …), " +
    "switch reads to it, then drop the old column and rename the new one, each in its own online migration. " +
    "Or accept the rewrite under ACCESS EXCLUSIVE: mig new --online --allow-locking (recorded on the operation as allowLocking: true), " +
    "mig forwards --allow-locking, or a migration without `online: true`."
  );
}

/** Why an operation marked online cannot be made online on PostgreSQL. */
function refusal(operation: SchemaOperation): OnlineRefusal | undefined {
  switch (operation.kind) {
    case "alter_column": {
      const { table, from, to } = operation;
      if (isSerial(from) !== isSerial(to) || !widensWithoutRewrite(from, to)) {
        return {
          reason: `alter_column ${table}.${to.name}: changing the type from ${from.type} to ${to.type} rewrites the table under an ACCESS EXCLUSIVE lock (reads and writes blocked)`,
          hint: expandContract(table, to.name),
        };
      }
      return undefined;
    }
    case "add_column": {
      const { table, column } = operation;
      // A volatile default (gen_random_uuid()) is evaluated for every existing row: a rewrite.
      // now() is stable: stored once, no rewrite since PostgreSQL 11.
      if (column.default?.kind === "random") {
        return {
          reason: `add_column ${table}.${column.name}: a random default is computed for every row, which rewrites the table under an ACCESS EXCLUSIVE lock`,
          hint: `Add ${table}.${column.name} nullable without the default, set the default, backfill the existing rows in batches, then make it NOT NULL online.`,
        };
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

const BRIEF = (lock: string): LockFacts => ({ lock, work: "none", blocksWrites: false });
const ONLINE = "mark it online (mig new --online)";
const VALIDATE: LockFacts = { lock: "ACCESS EXCLUSIVE briefly (NOT VALID), then SHARE UPDATE EXCLUSIVE (VALIDATE)", work: "scan", blocksWrites: false };

/** What the wait for a brief lock that conflicts with writers does, online or not. */
const WAITS_ONLINE =
  "waits for an autovacuum run or a long transaction on the table without queueing writers: tries of onlineLockTimeoutMs (50 ms), retried; MIG_E_ONLINE_LOCK_BUSY names the session when it outlasts the patience";
const WAITS_OFFLINE = "while it waits for its lock (behind an autovacuum run or a long transaction) every writer queues behind it; online, each wait is bounded and retried";

/**
 * The lock each operation takes on PostgreSQL 15, as mig emits it: online or not; with what its
 * wait does where the lock conflicts with writers (all but the CONCURRENTLY forms).
 */
function lockOf(operation: SchemaOperation): LockFacts {
  const facts = lockOfOperation(operation);
  const online = "online" in operation && operation.online === true;
  // A new table has no one to wait for; CONCURRENTLY waits beside the writers.
  if (operation.kind === "create_table" || (online && (operation.kind === "add_index" || operation.kind === "drop_index"))) return facts;
  return { ...facts, waits: online ? WAITS_ONLINE : WAITS_OFFLINE };
}

function lockOfOperation(operation: SchemaOperation): LockFacts {
  const online = "online" in operation && operation.online === true;
  switch (operation.kind) {
    case "create_table":
    case "drop_table":
    case "rename_table":
    case "rename_column":
    case "drop_column":
    case "drop_unique":
    case "drop_check":
    case "drop_foreign_key":
      return BRIEF("ACCESS EXCLUSIVE");
    case "add_column":
      return operation.column.default?.kind === "random"
        ? { lock: "ACCESS EXCLUSIVE", work: "rewrite", blocksWrites: true, alternative: "add it without the default, backfill in batches, then set the default" }
        : BRIEF("ACCESS EXCLUSIVE");
    case "alter_column": {
      const { from, to } = operation;
      if (isSerial(from) !== isSerial(to) || !widensWithoutRewrite(from, to)) {
        return { lock: "ACCESS EXCLUSIVE", work: "rewrite", blocksWrites: true, alternative: "expand/contract: a new column, backfilled in batches, then swapped" };
      }
      if (from.nullable && !to.nullable) return online ? VALIDATE : { lock: "ACCESS EXCLUSIVE", work: "scan", blocksWrites: true, alternative: `${ONLINE}: a validated CHECK (col IS NOT NULL) lets SET NOT NULL skip the scan` };
      return BRIEF("ACCESS EXCLUSIVE");
    }
    case "add_index":
      return online ? { lock: "SHARE UPDATE EXCLUSIVE (CONCURRENTLY)", work: "scan", blocksWrites: false } : { lock: "SHARE", work: "scan", blocksWrites: true, alternative: `${ONLINE}: CREATE INDEX CONCURRENTLY` };
    case "drop_index":
      return online ? BRIEF("SHARE UPDATE EXCLUSIVE (CONCURRENTLY)") : BRIEF("ACCESS EXCLUSIVE");
    case "add_unique":
      return online
        ? { lock: "SHARE UPDATE EXCLUSIVE (CONCURRENTLY), then ACCESS EXCLUSIVE briefly (USING INDEX)", work: "scan", blocksWrites: false }
        : { lock: "ACCESS EXCLUSIVE", work: "scan", blocksWrites: true, alternative: `${ONLINE}: a unique index built concurrently, then ADD CONSTRAINT … USING INDEX` };
    case "add_check":
      return online ? VALIDATE : { lock: "ACCESS EXCLUSIVE", work: "scan", blocksWrites: true, alternative: `${ONLINE}: NOT VALID, then VALIDATE CONSTRAINT` };
    case "add_foreign_key":
      return online
        ? { ...VALIDATE, lock: "SHARE ROW EXCLUSIVE on both tables briefly (NOT VALID), then SHARE UPDATE EXCLUSIVE (VALIDATE)" }
        : { lock: "SHARE ROW EXCLUSIVE on both tables", work: "scan", blocksWrites: true, alternative: `${ONLINE}: NOT VALID, then VALIDATE CONSTRAINT` };
    case "rebuild_table":
      return { lock: "ACCESS EXCLUSIVE", work: "rewrite", blocksWrites: true };
  }
}

/** The table lock modes (as `pg_locks.mode` names them) each mode conflicts with (PostgreSQL manual, "Table-Level Locks"). */
const CONFLICTS: Readonly<Record<string, readonly string[]>> = {
  "SHARE UPDATE EXCLUSIVE": ["ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock"],
  "SHARE ROW EXCLUSIVE": ["RowExclusiveLock", "ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock"],
  "ACCESS EXCLUSIVE": ["AccessShareLock", "RowShareLock", "RowExclusiveLock", "ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock"],
};

/**
 * The sessions holding a lock on the tables that conflicts with `lock`, granted longer than
 * `olderThanMs` ago (the transaction's start, or an autovacuum worker's), not this session:
 * `pid`, `mode`, `holder` (backend type, state and query), `heldMs`.
 */
function lockHolders(lock: TableLock, olderThanMs: number): Statement {
  const modes = CONFLICTS[lock.mode] ?? CONFLICTS["ACCESS EXCLUSIVE"]!;
  return {
    sql:
      "SELECT l.pid, l.mode, " +
      "a.backend_type || ', ' || coalesce(a.state, '?') || ': ' || left(coalesce(a.query, ''), 120) AS holder, " +
      "floor(extract(epoch FROM clock_timestamp() - coalesce(a.xact_start, a.backend_start)) * 1000)::int AS \"heldMs\" " +
      "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid " +
      "WHERE l.granted AND l.locktype = 'relation' AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) " +
      "AND l.relation IN (SELECT to_regclass(t) FROM unnest($1::text[]) AS t) AND l.mode = ANY($2::text[]) AND l.pid <> pg_backend_pid() " +
      "AND clock_timestamp() - coalesce(a.xact_start, a.backend_start) >= make_interval(secs => $3::float8 / 1000) " +
      "ORDER BY l.pid",
    params: [lock.tables, modes, olderThanMs],
  };
}

/**
 * PostgreSQL's online support: every online step runs under `SET lock_timeout`, retried after
 * a timeout (55P03). `sessionLockTimeoutMs` is the session's own setting (`ddlLockTimeoutMs`),
 * restored after a step that ran outside a transaction.
 */
export function postgresOnline(sessionLockTimeoutMs?: number): OnlineSupport {
  return {
    refusal,
    lockOf,
    lockHolders,
    // SET LOCAL ends with the transaction; a session SET is undone by the reset.
    lockTimeout: (ms, scope) => [{ sql: `SET ${scope === "local" ? "LOCAL " : ""}lock_timeout = ${Math.max(1, Math.floor(ms))}` }],
    resetLockTimeout: () => [{ sql: sessionLockTimeoutMs === undefined ? "RESET lock_timeout" : `SET lock_timeout = ${Math.max(0, Math.floor(sessionLockTimeoutMs))}` }],
    isLockTimeout: (error) => typeof error === "object" && error !== null && (error as { code?: unknown }).code === LOCK_NOT_AVAILABLE,
  };
}
