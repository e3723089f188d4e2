import type { ConnectionConfig } from "@mig/core/dialect";
import { connectionError } from "./connection-error";
import { connectionTarget, resolveConnectionOptions } from "./connection-options";
import { galeraSession } from "./galera-session";
import type { LockSession } from "./galera-lock";
import { loadMysql2 } from "./load-driver";
import { defaultLockName } from "./migration-lock";
import { MysqlConnection } from "./mysql-connection";

/**
 * SQL modes mig's sessions must not have: NO_BACKSLASH_ESCAPES would change what a backslash in
 * an emitted string literal means, ANSI_QUOTES what a double-quoted string in a CHECK means.
 */
const UNWANTED_MODES = new Set(["NO_BACKSLASH_ESCAPES", "ANSI_QUOTES", "ANSI", "PIPES_AS_CONCAT"]);

export interface ConnectMysqlOptions {
  /** The lock name (GET_LOCK, or the lock row on Galera); default `mig:<database>`. */
  readonly lockName?: string;
  /** On a Galera cluster: a lock holder whose heartbeat is older than this is taken over. Default 30 000 ms. */
  readonly lockStaleAfterMs?: number;
}

const DEFAULT_LOCK_STALE_AFTER_MS = 30_000;

/**
 * On a Galera cluster, every mig session: DDL in Total Order Isolation (wsrep_OSU_method = TOI,
 * the server default, set here so that a server configured for RSU cannot make a migration change
 * one node only), and reads that wait until this node has applied every write the cluster has
 * committed before them (wsrep_sync_wait = 1: SELECT, SHOW and START TRANSACTION), so that the
 * tracking table is never read behind another node.
 */
const GALERA_SESSION = "wsrep_OSU_method = 'TOI', wsrep_sync_wait = 1";

/** Opens one session. Failures are `MIG_E_CONNECTION` naming host:port and database. */
export async function connectMysql(config: ConnectionConfig, options: ConnectMysqlOptions = {}): Promise<MysqlConnection> {
  const resolved = resolveConnectionOptions(config);
  const target = connectionTarget(resolved);
  const { createConnection } = loadMysql2();
  let driver;
  try {
    driver = await createConnection(resolved);
  } catch (error) {
    throw connectionError(error, target, resolved.password);
  }
  // A fatal error while idle is emitted as an event; the next query reports it instead of a crash.
  driver.on("error", () => undefined);
  try {
    const [rows] = await driver.query("SELECT @@SESSION.sql_mode AS mode, DATABASE() AS db, VERSION() AS version");
    const row = (rows as { mode: string; db: string | null; version: string }[])[0];
    const modes = (row?.mode ?? "").split(",").filter((m) => m && !UNWANTED_MODES.has(m));
    // MySQL has no wsrep_on (SHOW VARIABLES then returns no row); MariaDB has it, OFF unless clustered.
    const [wsrep] = await driver.query("SHOW VARIABLES LIKE 'wsrep_on'");
    const galera = String((wsrep as { Value?: string }[])[0]?.Value ?? "").toUpperCase() === "ON";
    await driver.query(galera ? `SET SESSION sql_mode = ?, ${GALERA_SESSION}` : "SET SESSION sql_mode = ?", [modes.join(",")]);
    const database = row?.db ?? undefined;
    const lockName = options.lockName ?? defaultLockName(database);
    const openLockSession = async (): Promise<LockSession> => galeraSession(await createConnection(resolved));
    return new MysqlConnection(
      driver,
      { ...target, database },
      resolved.password,
      {
        lockName,
        ...(galera ? { galera: { openLockSession, staleAfterMs: options.lockStaleAfterMs ?? DEFAULT_LOCK_STALE_AFTER_MS } } : {}),
      },
      // Anonymous blocks exist on MariaDB only; a Galera cluster keeps one statement per round trip.
      { anonymousBlocks: /mariadb/i.test(String(row?.version ?? "")) && !galera },
    );
  } catch (error) {
    driver.destroy();
    throw connectionError(error, target, resolved.password);
  }
}
