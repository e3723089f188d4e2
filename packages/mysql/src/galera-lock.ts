import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { type LockOptions, MigError } from "@mig/core/dialect";

/** Runs one statement on the lock's own session; `affectedRows` for writes. */
export type LockQuery = (sql: string, params?: readonly unknown[]) => Promise<{ rows: Record<string, unknown>[]; affectedRows: number }>;

/** A session of its own for the lock, so that its heartbeat never waits behind (or joins) a migration's statements. */
export interface LockSession {
  readonly query: LockQuery;
  close(): Promise<void>;
}

export interface GaleraLockOptions extends LockOptions {
  /** A holder whose heartbeat is older than this (server time) is taken over. */
  readonly staleAfterMs: number;
  /**
   * Called once when the lock is lost while `fn` runs: its session ended, or the row is no longer
   * ours. The caller must stop the work (the MySQL connection ends its main session), as a
   * GET_LOCK holder's work stops with its session.
   */
  readonly onLost: () => void;
}

/** The lock table, in the migrated database (the introspector leaves out `mig_migrations*`). */
export const GALERA_LOCK_TABLE = "mig_migrations_lock";
const POLL_MS = 200;
/** ER_LOCK_DEADLOCK: how a transaction that lost certification to another node's write ends. */
const ER_LOCK_DEADLOCK = 1213;
/** ER_LOCK_WAIT_TIMEOUT. */
const ER_LOCK_WAIT_TIMEOUT = 1205;
/** ER_NO_SUCH_TABLE. */
const ER_NO_SUCH_TABLE = 1146;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A write that lost to a concurrent one (certification conflict on another node, or a lock wait): try again. */
function lostRace(error: unknown): boolean {
  const errno = (error as { errno?: number }).errno;
  return errno === ER_LOCK_DEADLOCK || errno === ER_LOCK_WAIT_TIMEOUT;
}

async function retryRaces<T>(fn: () => Promise<T>, attempts = 10): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!lostRace(error) || attempt >= attempts) throw error;
      await sleep(20 * attempt);
    }
  }
}

interface Holder {
  readonly owner: string;
  readonly node: string;
  readonly connection: string;
  readonly user: string;
  readonly info: string;
  readonly ageMs: number;
}

interface Me {
  readonly owner: string;
  readonly node: string;
  readonly connection: string;
  readonly user: string;
  readonly info: string;
}

/**
 * The migration lock on a MariaDB Galera cluster: one row per lock name in `mig_migrations_lock`,
 * claimed by an UPDATE that only matches a free (or stale) row. GET_LOCK cannot do this job: it
 * belongs to one node's memory and is not replicated (MariaDB, "Galera Cluster Known
 * Limitations"), so deployers on two nodes would both get "the lock". A row write is replicated
 * and certified in the cluster's one total order: of two claims made at once on different nodes,
 * the second either sees the first's row (0 rows matched) or fails certification with
 * ER_LOCK_DEADLOCK, which is treated as "not this time". The holder writes a heartbeat from its
 * own session every third of `staleAfterMs`; a waiter takes the row over when the heartbeat is
 * older than `staleAfterMs`, or at once when the holder is certainly gone: its node has left the
 * cluster (`mysql.wsrep_cluster_members`), or it was on this node, as this user, and its session
 * no longer exists. The row is released in `finally`.
 */
export async function withGaleraLock<T>(openSession: () => Promise<LockSession>, lockName: string, fn: () => Promise<T>, options: GaleraLockOptions): Promise<T> {
  const session = await openSession();
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let beating: Promise<unknown> = Promise.resolve();
  let me: Me | undefined;
  try {
    me = await acquire(session.query, lockName, options);
    const held = me;
    let lost = false;
    const lose = () => {
      if (lost) return;
      lost = true;
      options.onLost();
    };
    heartbeat = setInterval(() => {
      // One at a time. A beat that lost a certification race is tried again at the next tick; a
      // session that ended (so a waiter on this node may take the row over at once) or a row that
      // is no longer ours means the lock is gone: the work must stop.
      beating = beating.then(async () => {
        if (lost) return;
        try {
          const { affectedRows } = await session.query(`UPDATE \`${GALERA_LOCK_TABLE}\` SET heartbeat_at = UTC_TIMESTAMP(6) WHERE name = ? AND owner = ?`, [lockName, held.owner]);
          if (affectedRows === 0) lose();
        } catch (error) {
          if (!lostRace(error)) lose();
        }
      });
    }, Math.max(50, Math.floor(options.staleAfterMs / 3)));
    return await fn();
  } finally {
    if (heartbeat) clearInterval(heartbeat);
    await beating;
    if (me) {
      const owner = me.owner;
      // A failed release (the node went away) leaves a row that the next run takes over as stale.
      await retryRaces(() => session.query(`UPDATE \`${GALERA_LOCK_TABLE}\` SET owner = NULL WHERE name = ? AND owner = ?`, [lockName, owner])).catch(() => undefined);
    }
    await session.close().catch(() => undefined);
  }
}

async function acquire(query: LockQuery, lockName: string, options: GaleraLockOptions): Promise<Me> {
  await ensureLockRow(query, lockName);
  const me = await whoAmI(query);
  const deadline = Date.now() + options.timeoutMs;
  let warned = false;
  for (;;) {
    const holder = await claimOrRead(query, lockName, me, options.staleAfterMs);
    if (holder === undefined) return me;
    if (holder.owner === "") continue;
    if (await isGone(query, holder, me)) {
      const { affectedRows } = await retryRaces(() => query(claimSql("owner = ?"), [...claimParams(me), lockName, holder.owner])).catch((error) => {
        if (lostRace(error)) return { affectedRows: 0 };
        throw error;
      });
      if (affectedRows === 1) return me;
      continue;
    }
    const who = `${holder.info}, heartbeat ${Math.round(holder.ageMs)} ms ago`;
    if (!warned) {
      warned = true;
      options.onWait?.(`Waiting for the migration lock "${lockName}" (row in ${GALERA_LOCK_TABLE}, held by ${who})`);
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new MigError("MIG_E_LOCK_TIMEOUT", `Timed out after ${options.timeoutMs} ms waiting for the migration lock "${lockName}"`, {
        hint: `Another mig run holds it (${who}); wait for it to finish. A holder that died is taken over once its heartbeat is ${options.staleAfterMs} ms old.`,
        meta: { lockName, timeoutMs: options.timeoutMs, holder: holder.info },
      });
    }
    await sleep(Math.min(POLL_MS, left));
  }
}

async function ensureLockRow(query: LockQuery, lockName: string): Promise<void> {
  const insert = () => retryRaces(() => query(`INSERT IGNORE INTO \`${GALERA_LOCK_TABLE}\` (name) VALUES (?)`, [lockName]));
  try {
    return void (await insert());
  } catch (error) {
    if ((error as { errno?: number }).errno !== ER_NO_SUCH_TABLE) throw error;
  }
  // Only on first use: every DDL statement is a cluster-wide TOI event. Two nodes creating the
  // table at once are ordered, and IF NOT EXISTS makes the second a no-op.
  await query(
    `CREATE TABLE IF NOT EXISTS \`${GALERA_LOCK_TABLE}\` (` +
      "name VARCHAR(255) NOT NULL PRIMARY KEY, owner VARCHAR(64) NULL, owner_node VARCHAR(64) NULL, " +
      "owner_connection BIGINT NULL, owner_user VARCHAR(400) NULL, owner_info VARCHAR(400) NULL, " +
      "acquired_at DATETIME(6) NULL, heartbeat_at DATETIME(6) NULL) ENGINE=InnoDB",
  );
  await insert();
}

/** This session's identity: a fresh owner token, the node's gcomm UUID, the connection ID and the user. */
async function whoAmI(query: LockQuery): Promise<Me> {
  const { rows } = await query("SELECT CONNECTION_ID() AS id, CURRENT_USER() AS user, @@hostname AS host");
  const { rows: node } = await query("SHOW STATUS LIKE 'wsrep_gcomm_uuid'");
  const row = rows[0] ?? {};
  const nodeId = String(node[0]?.["Value"] ?? "");
  return {
    owner: randomUUID(),
    node: nodeId,
    connection: String(row["id"]),
    user: String(row["user"]),
    info: `pid ${process.pid} on ${hostname()}, through ${String(row["host"])} (node ${nodeId.slice(0, 8)}, connection ${String(row["id"])})`,
  };
}

function claimSql(condition: string): string {
  return (
    `UPDATE \`${GALERA_LOCK_TABLE}\` SET owner = ?, owner_node = ?, owner_connection = ?, owner_user = ?, owner_info = ?, ` +
    `acquired_at = UTC_TIMESTAMP(6), heartbeat_at = UTC_TIMESTAMP(6) WHERE name = ? AND (${condition})`
  );
}

function claimParams(me: Me): unknown[] {
  return [me.owner, me.node, me.connection, me.user, me.info];
}

/** Claims a free or stale row (undefined: ours now), or reads who holds it. */
async function claimOrRead(query: LockQuery, lockName: string, me: Me, staleAfterMs: number): Promise<Holder | undefined> {
  try {
    const stale = "owner IS NULL OR heartbeat_at IS NULL OR heartbeat_at < UTC_TIMESTAMP(6) - INTERVAL ? MICROSECOND";
    const { affectedRows } = await query(claimSql(stale), [...claimParams(me), lockName, staleAfterMs * 1000]);
    if (affectedRows === 1) return undefined;
  } catch (error) {
    if (!lostRace(error)) throw error;
  }
  const { rows } = await query(
    `SELECT owner, owner_node, owner_connection, owner_user, owner_info, ` +
      `TIMESTAMPDIFF(MICROSECOND, heartbeat_at, UTC_TIMESTAMP(6)) / 1000 AS age_ms FROM \`${GALERA_LOCK_TABLE}\` WHERE name = ?`,
    [lockName],
  );
  const row = rows[0];
  // Released between the UPDATE and the SELECT: the next round claims it.
  if (!row || row["owner"] === null) return { owner: "", node: "", connection: "", user: "", info: "", ageMs: 0 };
  return {
    owner: String(row["owner"]),
    node: String(row["owner_node"] ?? ""),
    connection: String(row["owner_connection"] ?? ""),
    user: String(row["owner_user"] ?? ""),
    info: String(row["owner_info"] ?? "unknown"),
    ageMs: Number(row["age_ms"] ?? 0),
  };
}

/**
 * True when the holder is certainly gone: its node is not a member of the cluster any more, or it
 * held the row from this node as this user (so PROCESSLIST shows its session if it has one) and
 * its session has ended. Where this cannot be read (no privilege on `mysql.*`), only the heartbeat
 * decides.
 */
async function isGone(query: LockQuery, holder: Holder, me: Me): Promise<boolean> {
  if (holder.node !== "" && holder.node !== me.node) {
    try {
      // Trusted only when it lists this node: the table is rewritten at every change of membership.
      const { rows } = await query(
        "SELECT COALESCE(SUM(node_uuid = ?), 0) AS mine, COALESCE(SUM(node_uuid = ?), 0) AS theirs FROM mysql.wsrep_cluster_members",
        [me.node, holder.node],
      );
      return Number(rows[0]?.["mine"]) === 1 && Number(rows[0]?.["theirs"]) === 0;
    } catch {
      return false;
    }
  }
  if (holder.node === me.node && holder.user === me.user && holder.connection !== "") {
    const { rows } = await query("SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE ID = ?", [holder.connection]);
    return Number(rows[0]?.["n"]) === 0;
  }
  return false;
}
