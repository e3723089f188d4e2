import { MigError } from "../errors/mig-error";

/**
 * URL schemes of the built-in dialects, mapped to their registry names. Data, not code: a
 * plugin's scheme (not listed here) is looked up in the registry under the scheme itself.
 */
export const BUILTIN_URL_SCHEMES: Readonly<Record<string, string>> = {
  postgres: "postgres",
  postgresql: "postgres",
  mysql: "mysql",
  mariadb: "mysql",
  sqlite: "sqlite",
  file: "sqlite",
};

/** A connection URL taken apart. The password is never part of it. */
export interface ParsedConnectionUrl {
  /** Lower-case scheme without the colon: `postgres`, `mysql`, `sqlite`, `file`, ... */
  readonly scheme: string;
  readonly host?: string;
  readonly port?: number;
  readonly user?: string;
  /** The database name (path without the leading slash) for server URLs. */
  readonly database?: string;
  /** The file for `sqlite:` / `file:` URLs (`sqlite:./x.db` → `./x.db`, `sqlite::memory:` → `:memory:`). */
  readonly filename?: string;
  readonly hasPassword: boolean;
}

/** Schemes whose URL names a file rather than a server (`sqlite:./x.db`, `file:./x.db`). */
export const FILE_URL_SCHEMES: ReadonlySet<string> = new Set(["sqlite", "file"]);

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** The URL's scheme in lower case, or `undefined` when `text` does not start with one. */
export function urlScheme(text: string): string | undefined {
  return SCHEME.exec(text.trim())?.[1]?.toLowerCase();
}

/**
 * Takes a connection URL apart: `postgres://user:pw@host:5432/db`, `mysql://…`, `mariadb://…`,
 * `sqlite:./file.db`, `sqlite:///abs/file.db`, `file:./file.db`, `sqlite::memory:`.
 * Throws `MIG_E_CONFIG` (without the password in the message) when it is not a URL.
 *
 * @example
 * ```ts
 * parseConnectionUrl("postgres://app:pw@127.0.0.1:5432/shop").database; // "shop"
 * parseConnectionUrl("sqlite:./playground.db").filename;              // "./playground.db"
 * ```
 */
export function parseConnectionUrl(text: string): ParsedConnectionUrl {
  const trimmed = text.trim();
  const scheme = urlScheme(trimmed);
  if (!scheme) {
    throw new MigError("MIG_E_CONFIG", "The connection is not a URL (expected scheme://…, sqlite:./file.db or file:./file.db)", {
      hint: "Write the URL with its scheme, e.g. postgres://user@127.0.0.1:5432/app",
    });
  }
  const rest = trimmed.slice(scheme.length + 1);
  if (!rest.startsWith("//") || FILE_URL_SCHEMES.has(scheme)) {
    return { scheme, filename: fileFromUrlRest(rest), hasPassword: false };
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new MigError("MIG_E_CONFIG", `The ${scheme}:// connection URL cannot be parsed`, {
      hint: "Percent-encode special characters in the user name and password (@ is %40, / is %2F)",
    });
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ""));
  return {
    scheme,
    ...(url.hostname ? { host: url.hostname.replace(/^\[|\]$/g, "") } : {}),
    ...(url.port ? { port: Number(url.port) } : {}),
    ...(url.username ? { user: decodeURIComponent(url.username) } : {}),
    ...(database ? { database } : {}),
    hasPassword: url.password !== "" || url.searchParams.has("password"),
  };
}

function fileFromUrlRest(rest: string): string {
  // sqlite:///abs/path.db and file:///abs/path.db are absolute; sqlite://./x.db is relative.
  const withoutQuery = rest.split("?")[0] ?? "";
  if (withoutQuery.startsWith("///")) return withoutQuery.slice(2);
  if (withoutQuery.startsWith("//")) return withoutQuery.slice(2);
  return withoutQuery;
}

/**
 * The registry name a URL's scheme selects: `postgres`/`postgresql` → `postgres`,
 * `mysql`/`mariadb` → `mysql`, `sqlite`/`file` → `sqlite`, any other scheme → itself (a plugin
 * may register it), `undefined` when `text` is not a URL.
 *
 * @example
 * ```ts
 * dialectFromUrl("postgresql://localhost/app"); // "postgres"
 * dialectFromUrl("file:./dev.db");              // "sqlite"
 * ```
 */
export function dialectFromUrl(text: string): string | undefined {
  const scheme = urlScheme(text);
  if (!scheme) return undefined;
  return BUILTIN_URL_SCHEMES[scheme] ?? scheme;
}
