import type { ConnectionConfig } from "@mig/core";
import { createConnection } from "mysql2/promise";
import { connectionError } from "./connection-error";
import { connectionTarget, resolveConnectionOptions } from "./connection-options";
import { defaultLockName } from "./migration-lock";
import { MysqlConnection } from "./mysql-connection";

/**
 * SQL modes mig's sessions must not have: NO_BACKSLASH_ESCAPES would change what a backslash in
 * an emitted string literal means, ANSI_QUOTES what a double-quoted string in a CHECK means
 * (MySQL 8.0 manual §7.1.11 "Server SQL Modes").
 */
const UNWANTED_MODES = new Set(["NO_BACKSLASH_ESCAPES", "ANSI_QUOTES", "ANSI", "PIPES_AS_CONCAT"]);

export interface ConnectMysqlOptions {
  /** The GET_LOCK name; default `mig:<database>`. */
  readonly lockName?: string;
}

/** Opens one session. Failures are `MIG_E_CONNECTION` naming host:port and database. */
export async function connectMysql(config: ConnectionConfig, options: ConnectMysqlOptions = {}): Promise<MysqlConnection> {
  const resolved = resolveConnectionOptions(config);
  const target = connectionTarget(resolved);
  let driver;
  try {
    driver = await createConnection(resolved);
  } catch (error) {
    throw connectionError(error, target, resolved.password);
  }
  // A fatal error while idle is emitted as an event; the next query reports it instead of a crash.
  driver.on("error", () => undefined);
  try {
    const [rows] = await driver.query("SELECT @@SESSION.sql_mode AS mode, DATABASE() AS db");
    const row = (rows as { mode: string; db: string | null }[])[0];
    const modes = (row?.mode ?? "").split(",").filter((m) => m && !UNWANTED_MODES.has(m));
    await driver.query("SET SESSION sql_mode = ?", [modes.join(",")]);
    const database = row?.db ?? undefined;
    return new MysqlConnection(driver, { ...target, database }, resolved.password, options.lockName ?? defaultLockName(database));
  } catch (error) {
    driver.destroy();
    throw connectionError(error, target, resolved.password);
  }
}
