import { MigError } from "../errors/mig-error";
import { dialectOfScheme, exampleServerScheme, isFileScheme, orList, urlForms, type KnownDialects } from "./url-schemes";

/** A connection URL taken apart. The password is never part of it. */
export interface ParsedConnectionUrl {
  /** Lower-case scheme without the colon (`postgres`, `sqlite`, a plugin's own). */
  readonly scheme: string;
  readonly host?: string;
  readonly port?: number;
  readonly user?: string;
  /** The database name (path without the leading slash) for server URLs. */
  readonly database?: string;
  /** The file of a file URL (`sqlite:./x.db` → `./x.db`, `sqlite::memory:` → `:memory:`), or the rest of a `scheme:rest` URL. */
  readonly filename?: string;
  readonly hasPassword: boolean;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** The URL's scheme in lower case, or `undefined` when `text` does not start with one. */
export function urlScheme(text: string): string | undefined {
  return SCHEME.exec(text.trim())?.[1]?.toLowerCase();
}

/**
 * Takes a connection URL apart: `postgres://user:pw@host:5432/db`, `mysql://…`, `mariadb://…`,
 * `sqlite:./file.db`, `sqlite:///abs/file.db`, `file:./file.db`, `sqlite::memory:`.
 * `dialects` are the known dialects: their file schemes (`fileUrls`) are read as file URLs.
 * Throws `MIG_E_CONFIG` (without the password in the message) when it is not a URL, when a
 * server URL cannot be parsed (saying what is wrong: a port that is not a number, no host, ...),
 * and when a file URL names no file (`sqlite:`).
 *
 * @example
 * ```ts
 * parseConnectionUrl("postgres://app:pw@127.0.0.1:5432/shop", dialects).database; // "shop"
 * parseConnectionUrl("sqlite:./playground.db", dialects).filename;              // "./playground.db"
 * ```
 */
export function parseConnectionUrl(text: string, dialects: KnownDialects = []): ParsedConnectionUrl {
  const trimmed = text.trim();
  const scheme = urlScheme(trimmed);
  if (!scheme) {
    const forms = ["scheme://…", ...urlForms(dialects).filter((form) => !form.endsWith("://…"))];
    throw new MigError("MIG_E_CONFIG", `The connection is not a URL (expected ${orList(forms)})`, {
      hint: `Write the URL with its scheme, e.g. ${exampleServerScheme(dialects)}://user@127.0.0.1:5432/app`,
    });
  }
  const rest = trimmed.slice(scheme.length + 1);
  const isFile = isFileScheme(scheme, dialects);
  if (!rest.startsWith("//") || isFile) {
    const filename = fileFromUrlRest(rest);
    if (isFile && filename === "") {
      // A driver may open a temporary database for an empty name, and every run would start from nothing.
      throw new MigError("MIG_E_CONFIG", `The connection URL "${trimmed}" names no database file`, {
        hint: `Write the file after the scheme: ${scheme}:./app.db (relative to the config file), ${scheme}:///abs/app.db, or ${scheme}::memory: for an in-memory database`,
        meta: { url: trimmed },
      });
    }
    return { scheme, filename, hasPassword: false };
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    // The URL itself is not quoted: a password it holds may not be where redaction looks for it.
    throw new MigError("MIG_E_CONFIG", `The ${scheme}:// connection URL cannot be used: ${serverUrlProblem(rest.slice(2))}`, {
      hint: "Write it as scheme://user@host:port/database, a password after the user name (user:password@); percent-encode special characters in them (@ is %40, / is %2F, : is %3A)",
    });
  }
  const database = decodeComponent(url.pathname.replace(/^\//, ""), scheme, "database name");
  return {
    scheme,
    ...(url.hostname ? { host: url.hostname.replace(/^\[|\]$/g, "") } : {}),
    ...(url.port ? { port: Number(url.port) } : {}),
    ...(url.username ? { user: decodeComponent(url.username, scheme, "user name") } : {}),
    ...(database ? { database } : {}),
    hasPassword: url.password !== "" || url.searchParams.has("password"),
  };
}

/**
 * What is wrong with the part of a server URL after `scheme://` that `new URL` refused. Never
 * quotes the user-info part (it holds the password).
 */
function serverUrlProblem(afterSlashes: string): string {
  const beforeQuery = afterSlashes.split(/[?#]/)[0] ?? "";
  const at = beforeQuery.lastIndexOf("@");
  if (at !== -1 && /[/]/.test(beforeQuery.slice(0, at))) {
    return "its user name or password holds a character that must be percent-encoded (/ is %2F, @ is %40)";
  }
  const hostPort = (at === -1 ? beforeQuery : beforeQuery.slice(at + 1)).split("/")[0] ?? "";
  if (hostPort.startsWith("[") && !hostPort.includes("]")) return "its IPv6 host has no closing bracket";
  const [, host = hostPort, port] = /^(\[[^\]]*\]|[^:]*):(.*)$/.exec(hostPort) ?? [];
  if (host === "") return "it has no host name (expected scheme://user@host:port/database)";
  if (port !== undefined && !/^\d*$/.test(port)) {
    // Without an @, "name:secret" reads as host:port: the "port" may be a password, so it is not quoted.
    return at === -1
      ? `its port (after "${host}:") is not a number; if "${host}" is a user name, end the user name and password with @`
      : `its port "${port}" is not a number`;
  }
  if (port !== undefined && Number(port) > 65535) return `its port ${port} is out of range (0-65535)`;
  return `its host "${host}" is not a valid host name`;
}

/** `decodeURIComponent`, with a broken escape (`%E0%A4%A`) as `MIG_E_CONFIG` naming the part. */
function decodeComponent(text: string, scheme: string, part: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new MigError("MIG_E_CONFIG", `The ${scheme}:// connection URL cannot be used: its ${part} holds a broken %-escape`, {
      hint: "Percent-encode special characters as %XX with two hex digits (@ is %40, / is %2F, % is %25)",
    });
  }
}

function fileFromUrlRest(rest: string): string {
  // sqlite:///abs/path.db and file:///abs/path.db are absolute; sqlite://./x.db is relative.
  const withoutQuery = rest.split("?")[0] ?? "";
  if (withoutQuery.startsWith("///")) return withoutQuery.slice(2);
  if (withoutQuery.startsWith("//")) return withoutQuery.slice(2);
  return withoutQuery;
}

/**
 * The registry name a URL's scheme selects: the known dialect that lists the scheme in its
 * `urlSchemes` (`postgresql` → `postgres`), any other scheme → itself (a plugin may answer to
 * it), `undefined` when `text` is not a URL.
 *
 * @example
 * ```ts
 * dialectFromUrl("postgresql://localhost/app", [{ name: "postgres", urlSchemes: ["postgres", "postgresql"] }]); // "postgres"
 * dialectFromUrl("pglite:./data", []);                                                                     // "pglite"
 * ```
 */
export function dialectFromUrl(text: string, dialects: KnownDialects): string | undefined {
  const scheme = urlScheme(text);
  if (!scheme) return undefined;
  return dialectOfScheme(scheme, dialects) ?? scheme;
}
