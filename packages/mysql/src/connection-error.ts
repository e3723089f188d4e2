import { MigError } from "@mig/core/dialect";
import { type MysqlTarget, describeTarget } from "./connection-options";

/** Driver error codes that mean "the connection itself failed", not "the statement was wrong". */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "EPIPE",
  "PROTOCOL_CONNECTION_LOST", "PROTOCOL_SEQUENCE_TIMEOUT", "ER_ACCESS_DENIED_ERROR", "ER_BAD_DB_ERROR",
  "ER_DBACCESS_DENIED_ERROR", "ER_HOST_NOT_PRIVILEGED", "ER_HOST_IS_BLOCKED", "ER_CON_COUNT_ERROR",
  // The session was killed (MariaDB errno 1927) or the server is going away, mid-query or just before one.
  "ER_CONNECTION_KILLED", "ER_SERVER_SHUTDOWN", "ER_QUERY_INTERRUPTED",
]);

/** mysql2 reports a query on a session that already closed with this message and no code. */
const CLOSED_STATE = /connection is in closed state/i;

const HINTS: Readonly<Record<string, string>> = {
  ECONNREFUSED: "Is the server running and listening on that host and port?",
  ETIMEDOUT: "Is the host reachable (firewall, address)?",
  ENOTFOUND: "Check the host name.",
  ER_ACCESS_DENIED_ERROR: "Check the user name and password.",
  ER_BAD_DB_ERROR: "Create the database first, or fix its name in the connection URL.",
  ER_DBACCESS_DENIED_ERROR: "Grant the user access to that database.",
};

interface DriverError {
  readonly code?: string;
  readonly errno?: number;
  readonly sqlMessage?: string;
  readonly message?: string;
}

export function isConnectionError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as DriverError;
  return CONNECTION_CODES.has(String(code)) || (code === undefined && CLOSED_STATE.test(String(message)));
}

/**
 * A driver error → `MIG_E_CONNECTION` naming where (host:port and database) and why. The password
 * never appears: the driver's messages do not contain it, and it is masked should one ever do.
 */
export function connectionError(error: unknown, target: MysqlTarget, password: string | undefined): MigError {
  const e = (typeof error === "object" && error !== null ? error : {}) as DriverError;
  let reason = e.sqlMessage ?? e.message ?? String(error);
  if (!reason && e.code) reason = e.code;
  if (password && password.length >= 3) reason = reason.split(password).join("***");
  const database = target.database === undefined ? "" : `, database "${target.database}"`;
  return new MigError("MIG_E_CONNECTION", `Cannot connect to MySQL at ${describeTarget(target)}${database}: ${reason || e.code || "unknown error"}`, {
    hint: HINTS[e.code ?? ""] ?? "Check the connection settings.",
    meta: { host: target.host, port: target.port, database: target.database ?? null, driverCode: e.code ?? null },
  });
}
