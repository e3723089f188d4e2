import { isAbsolute, resolve } from "node:path";
import type { ConnectionConfig, Dialect } from "../dialect/dialect";
import { isMigError, MigError } from "../errors/mig-error";
import { dialectFromUrl, parseConnectionUrl, urlScheme } from "./connection-url";
import type { MigConfig } from "./define-config";
import { dialectOfScheme, exampleConnection, isFileScheme, orList, withConfigDialects, type KnownDialects } from "./url-schemes";

/** Where to connect, and with which dialect (a registry name or a plugin object). */
export interface ResolvedConnection {
  readonly dialect: string | Dialect;
  readonly connection: ConnectionConfig;
  /** Where the connection came from, for messages. */
  readonly source: "config" | "DATABASE_URL";
}

/**
 * Picks the connection (`connection`, else the `DATABASE_URL` environment variable) and the
 * dialect (`dialect`, else the URL's scheme). Relative file URLs become absolute (see
 * {@link ResolveConnectionOptions}). Throws `MIG_E_CONFIG` when either is missing.
 *
 * @example
 * ```ts
 * resolveConnection({ apps }, { DATABASE_URL: "postgres://127.0.0.1/app" }, { dialects: [postgresDescriptor] });
 * // { dialect: "postgres", connection: "postgres://127.0.0.1/app", source: "DATABASE_URL" }
 * ```
 */
export interface ResolveConnectionOptions {
  /** Relative file URLs of the config's `connection` (`sqlite:./x.db`) are relative to this folder. */
  readonly configDir?: string;
  /** Relative file URLs of `DATABASE_URL` are relative to this folder (the working directory). */
  readonly cwd?: string;
  /**
   * The dialects the caller knows (names and URL schemes, from its registry): a URL of one of
   * their schemes is checked here and picks that dialect; another scheme is a plugin's to read.
   */
  readonly dialects?: KnownDialects;
}

/**
 * A file URL (of a known dialect with `fileUrls`: `sqlite:./x.db`, `file:x.db`) with its path
 * made absolute against `baseDir`; any other connection unchanged.
 *
 * @example
 * ```ts
 * absoluteFileUrl("sqlite:./app.db", "/srv/app", [{ name: "sqlite", urlSchemes: ["sqlite"], fileUrls: true }]); // "sqlite:/srv/app/app.db"
 * ```
 */
export function absoluteFileUrl<C extends ConnectionConfig>(connection: C, baseDir: string | undefined, dialects: KnownDialects = []): C | string {
  if (typeof connection !== "string" || baseDir === undefined) return connection;
  const scheme = urlScheme(connection);
  if (!scheme || !isFileScheme(scheme, dialects)) return connection;
  const filename = parseConnectionUrl(connection, dialects).filename;
  if (!filename || filename.startsWith(":") || isAbsolute(filename)) return connection;
  const query = connection.includes("?") ? connection.slice(connection.indexOf("?")) : "";
  return `${scheme}:${resolve(baseDir, filename)}${query}`;
}

export function resolveConnection(
  config: MigConfig,
  env: Readonly<Record<string, string | undefined>>,
  options: ResolveConnectionOptions = {},
): ResolvedConnection {
  const known = options.dialects ?? [];
  const dialects = withConfigDialects(config as unknown as Readonly<Record<string, unknown>>, known);
  const fromEnv = env.DATABASE_URL?.trim() ? env.DATABASE_URL.trim() : undefined;
  const connection = config.connection ?? fromEnv;
  if (connection === undefined) {
    throw new MigError("MIG_E_CONFIG", "No database connection: the config has no connection and DATABASE_URL is not set", {
      hint: `Set connection in mig.config.ts (e.g. "${exampleConnection(known)}") or export DATABASE_URL`,
      problems: [{ path: "connection", message: "connection is missing and DATABASE_URL is not set" }],
    });
  }
  const fromConfig = config.connection !== undefined;
  // A URL of a known dialect's scheme is checked here, once for every dialect, so that a malformed one
  // is MIG_E_CONFIG saying what is wrong rather than a driver's "Invalid URL". A plugin's own
  // scheme is its dialect's to read.
  if (typeof connection === "string" && dialectOfScheme(urlScheme(connection) ?? "", known) !== undefined) {
    try {
      parseConnectionUrl(connection, dialects);
    } catch (error) {
      if (!isMigError(error)) throw error;
      throw new MigError("MIG_E_CONFIG", `${error.message} (${fromConfig ? "connection in the config" : "DATABASE_URL"})`, {
        ...(error.hint ? { hint: error.hint } : {}),
        meta: { source: fromConfig ? "config" : "DATABASE_URL" },
      });
    }
  }
  const dialect = config.dialect ?? (typeof connection === "string" ? dialectFromUrl(connection, dialects) : undefined);
  if (dialect === undefined) {
    throw new MigError("MIG_E_CONFIG", "No dialect: the config names none and the connection is not a URL whose scheme picks one", {
      hint: `Set dialect in mig.config.ts (${orList([...known.map((dialect) => `"${dialect.name}"`), "a plugin"])})`,
      problems: [{ path: "dialect", message: "dialect is missing" }],
    });
  }
  return {
    dialect,
    connection: absoluteFileUrl(connection, fromConfig ? options.configDir : options.cwd, dialects),
    source: fromConfig ? "config" : "DATABASE_URL",
  };
}
