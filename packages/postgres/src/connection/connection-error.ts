import { MigError } from "@mig/core/dialect";
import { type ConnectionTarget, scrubPassword } from "./connection-target";

interface DriverError {
  readonly code?: string;
  readonly message?: string;
}

/** A hint per failure kind: PostgreSQL's SQLSTATE codes, errno names from Node. */
function hintFor(code: string | undefined, target: ConnectionTarget): string {
  switch (code) {
    case "ECONNREFUSED":
      return `Is PostgreSQL running and listening on ${target.host}:${target.port}?`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `The host name "${target.host}" does not resolve; check the connection URL.`;
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "TIMEOUT":
      return `${target.host}:${target.port} did not answer in time; check the host, port and firewall.`;
    case "28P01":
    case "28000":
      return `Check the user name and password for "${target.user}" (and pg_hba.conf on the server).`;
    case "3D000":
      return `Create the database "${target.database}" or fix its name in the connection settings.`;
    case "53300":
      return "The server has no free connection slots; try again later or raise max_connections.";
    case "57P03":
      return "The server is starting up or shutting down; try again in a moment.";
    default:
      return "Check the connection settings (URL, host, port, user, password, database).";
  }
}

function isTimeout(error: DriverError): boolean {
  return /timeout/i.test(error.message ?? "");
}

/**
 * A `MIG_E_CONNECTION` error for a failed connect: names host:port, database and user, never the
 * password (it is scrubbed from the driver's message too).
 */
export function connectionError(cause: unknown, target: ConnectionTarget & { readonly password?: string }): MigError {
  const error = (cause ?? {}) as DriverError;
  const code = error.code ?? (isTimeout(error) ? "TIMEOUT" : undefined);
  const reason = scrubPassword(error.message || String(cause), target.password);
  return new MigError(
    "MIG_E_CONNECTION",
    `Cannot connect to PostgreSQL at ${target.host}:${target.port} (database "${target.database}", user "${target.user}"): ${reason}`,
    {
      hint: hintFor(code, target),
      meta: { host: target.host, port: target.port, database: target.database, user: target.user, ...(code ? { code } : {}) },
      cause,
    },
  );
}

/**
 * True for errors that mean the session is gone rather than that a statement failed: SQLSTATE
 * class 08 (connection exception), 57P01–57P03 (server shutting down), and the driver's own
 * "Connection terminated" errors, which have no SQLSTATE.
 */
export function isConnectionLost(cause: unknown): boolean {
  const error = (cause ?? {}) as DriverError;
  if (typeof error.code === "string" && /^(08...|57P0[123])$/.test(error.code)) return true;
  return /Connection terminated|not queryable|ECONNRESET|EPIPE/i.test(error.message ?? "") || error.code === "ECONNRESET" || error.code === "EPIPE";
}

/** A `MIG_E_CONNECTION` error for a session lost while running statements. */
export function connectionLostError(cause: unknown, target: ConnectionTarget & { readonly password?: string }): MigError {
  const error = (cause ?? {}) as DriverError;
  return new MigError(
    "MIG_E_CONNECTION",
    `Lost the connection to PostgreSQL at ${target.host}:${target.port} (database "${target.database}"): ${scrubPassword(error.message || String(cause), target.password)}`,
    {
      hint: "Nothing after the last committed statement was kept; run the command again once the server is reachable.",
      meta: { host: target.host, port: target.port, database: target.database, ...(error.code ? { code: error.code } : {}) },
      cause,
    },
  );
}
