import type { ConnectionConfig, Dialect } from "../dialect/dialect";
import { MigError } from "../errors/mig-error";
import { dialectFromUrl } from "./connection-url";
import type { MigConfig } from "./define-config";

/** Where to connect, and with which dialect (a registry name or a plugin object). */
export interface ResolvedConnection {
  readonly dialect: string | Dialect;
  readonly connection: ConnectionConfig;
  /** Where the connection came from, for messages. */
  readonly source: "config" | "DATABASE_URL";
}

/**
 * Picks the connection (`connection`, else the `DATABASE_URL` environment variable) and the
 * dialect (`dialect`, else the URL's scheme). Throws `MIG_E_CONFIG` when either is missing.
 *
 * @example
 * ```ts
 * resolveConnection({ apps }, { DATABASE_URL: "postgres://127.0.0.1/app" });
 * // { dialect: "postgres", connection: "postgres://127.0.0.1/app", source: "DATABASE_URL" }
 * ```
 */
export function resolveConnection(config: MigConfig, env: Readonly<Record<string, string | undefined>>): ResolvedConnection {
  const fromEnv = env.DATABASE_URL?.trim() ? env.DATABASE_URL.trim() : undefined;
  const connection = config.connection ?? fromEnv;
  if (connection === undefined) {
    throw new MigError("MIG_E_CONFIG", "No database connection: the config has no connection and DATABASE_URL is not set", {
      hint: 'Set connection in mig.config.ts (e.g. "sqlite:./app.db") or export DATABASE_URL',
      problems: [{ path: "connection", message: "connection is missing and DATABASE_URL is not set" }],
    });
  }
  const dialect = config.dialect ?? (typeof connection === "string" ? dialectFromUrl(connection) : undefined);
  if (dialect === undefined) {
    throw new MigError("MIG_E_CONFIG", "No dialect: the config names none and the connection is not a URL whose scheme picks one", {
      hint: 'Set dialect in mig.config.ts ("postgres", "mysql", "sqlite" or a plugin)',
      problems: [{ path: "dialect", message: "dialect is missing" }],
    });
  }
  return { dialect, connection, source: config.connection === undefined ? "DATABASE_URL" : "config" };
}
