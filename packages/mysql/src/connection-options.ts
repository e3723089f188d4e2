import { type ConnectionConfig, MigError } from "@mig/core/dialect";
import type { ConnectionOptions } from "mysql2";

/** What mig needs to know about where a connection goes (never the password). */
export interface MysqlTarget {
  readonly host: string;
  readonly port: number;
  readonly user: string | undefined;
  readonly database: string | undefined;
  readonly socketPath: string | undefined;
}

const DEFAULT_PORT = 3306;

const URL_PARAMETERS = ["socket", "ssl"];

/** `?ssl=true` verifies the server's certificate; `?ssl=no-verify` encrypts without verifying. */
function sslOption(value: string): ConnectionOptions["ssl"] | undefined {
  if (value === "true" || value === "1" || value === "require") return {};
  if (value === "no-verify") return { rejectUnauthorized: false };
  if (value === "false" || value === "0") return undefined;
  throw new MigError("MIG_E_CONFIG", `Unknown ssl=${value} in the MySQL connection URL`, { hint: "Use ssl=true, ssl=no-verify or ssl=false." });
}

/**
 * `mysql://user:password@host:port/database` (or `mariadb://`) → mysql2 options. Parameters:
 * `?socket=/path` (a Unix socket), `?ssl=true|no-verify`. Anything else is an error, not ignored.
 */
function fromUrl(url: string): ConnectionOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new MigError("MIG_E_CONFIG", "The MySQL connection URL cannot be parsed", { hint: "Use mysql://user:password@host:3306/database" });
  }
  if (parsed.protocol !== "mysql:" && parsed.protocol !== "mariadb:") {
    throw new MigError("MIG_E_CONFIG", `A MySQL connection URL starts with mysql:// or mariadb://, not ${parsed.protocol}//`);
  }
  const unknown = [...parsed.searchParams.keys()].filter((key) => !URL_PARAMETERS.includes(key));
  if (unknown.length > 0) {
    throw new MigError("MIG_E_CONFIG", `Unknown parameter ${unknown.join(", ")} in the MySQL connection URL`, {
      hint: `Known parameters: ${URL_PARAMETERS.join(", ")}. Other mysql2 options go in a connection object.`,
    });
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  const socketPath = parsed.searchParams.get("socket");
  const ssl = sslOption(parsed.searchParams.get("ssl") ?? "false");
  return {
    host: parsed.hostname.replace(/^\[(.*)\]$/, "$1") || "127.0.0.1",
    port: parsed.port ? Number(parsed.port) : DEFAULT_PORT,
    ...(parsed.username ? { user: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(database ? { database } : {}),
    ...(socketPath ? { socketPath } : {}),
    ...(ssl ? { ssl } : {}),
  };
}

/**
 * The mysql2 options for a connection: the user's (a URL or mysql2's own options object), then
 * what mig relies on, which the user cannot turn off: one statement per query, utf8mb4, integers
 * beyond 2^53 and decimals as exact strings (smaller integers, COUNT(*) included, as numbers),
 * dates as the strings the server sends (no time-zone conversion by the driver). JavaScript `Date`
 * parameters are written in UTC unless the options say otherwise (`timezone`).
 */
export function resolveConnectionOptions(config: ConnectionConfig): ConnectionOptions {
  const base: ConnectionOptions = typeof config === "string" ? fromUrl(config) : { ...(config as ConnectionOptions) };
  if (typeof config !== "string" && typeof (config as { url?: unknown }).url === "string") {
    Object.assign(base, fromUrl((config as { url: string }).url));
    delete (base as { url?: unknown }).url;
  }
  return {
    connectTimeout: 10_000,
    timezone: "Z",
    ...base,
    multipleStatements: false,
    charset: "utf8mb4",
    supportBigNumbers: true,
    bigNumberStrings: false,
    dateStrings: true,
  };
}

export function connectionTarget(options: ConnectionOptions): MysqlTarget {
  return {
    host: options.host ?? "localhost",
    port: options.port ?? DEFAULT_PORT,
    user: options.user,
    database: options.database,
    socketPath: options.socketPath,
  };
}

/** `mysql://root@127.0.0.1:3306/appdb`: where a config points, for messages. Never the password. */
export function describeTarget(target: MysqlTarget): string {
  const where = target.socketPath ? `socket ${target.socketPath}` : `${target.host}:${target.port}`;
  return `mysql://${target.user ? `${target.user}@` : ""}${where}/${target.database ?? ""}`;
}

export function describeMysqlConnection(config: ConnectionConfig): string {
  try {
    return describeTarget(connectionTarget(resolveConnectionOptions(config)));
  } catch {
    return "mysql (unparseable connection settings)";
  }
}
