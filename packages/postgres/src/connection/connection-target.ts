import type { ConnectionConfig } from "@mig/core/dialect";

/** Where a connection config points, for messages. Holds no password, only whether one was given. */
export interface ConnectionTarget {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
  readonly hasPassword: boolean;
}

function fromUrl(url: string): ConnectionTarget & { readonly password?: string } {
  let parsed: URL;
  try {
    // libpq allows an empty host (`postgres://u@/db?host=/run/postgresql`); WHATWG URLs do not.
    parsed = new URL(url.replace(/^([a-z]+:\/\/(?:[^@/]*@)?)(?=[/?]|$)/i, "$1localhost"));
  } catch {
    return { host: "(unparsable URL)", port: 5432, database: "", user: "", hasPassword: false };
  }
  const user = decodeURIComponent(parsed.username) || process.env.PGUSER || process.env.USER || "postgres";
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  return {
    // `?host=/run/postgresql` selects a Unix socket directory (libpq URI syntax).
    host: parsed.searchParams.get("host") || decodeURIComponent(parsed.hostname).replace(/^\[|\]$/g, "") || "localhost",
    port: Number(parsed.port || parsed.searchParams.get("port") || 5432),
    database: decodeURIComponent(parsed.pathname.slice(1)) || user,
    user,
    hasPassword: password !== undefined,
    ...(password !== undefined ? { password } : {}),
  };
}

/** A config's target, with the password only for scrubbing messages (see {@link scrubPassword}). */
export function resolveTarget(config: ConnectionConfig): ConnectionTarget & { readonly password?: string } {
  if (typeof config === "string") return fromUrl(config);
  const url = typeof config.connectionString === "string" ? config.connectionString : typeof config.url === "string" ? config.url : undefined;
  const base = url ? fromUrl(url) : undefined;
  const user = typeof config.user === "string" ? config.user : base?.user ?? process.env.PGUSER ?? process.env.USER ?? "postgres";
  const password = typeof config.password === "string" ? config.password : base?.password;
  return {
    host: typeof config.host === "string" ? config.host : base?.host ?? process.env.PGHOST ?? "localhost",
    port: config.port !== undefined ? Number(config.port) : base?.port ?? Number(process.env.PGPORT ?? 5432),
    database: typeof config.database === "string" ? config.database : base?.database ?? process.env.PGDATABASE ?? user,
    user,
    hasPassword: password !== undefined || typeof config.password === "function",
    ...(password !== undefined ? { password } : {}),
  };
}

/**
 * One line naming where `config` points, password redacted.
 *
 * @example
 * ```ts
 * describePostgresConnection("postgres://app:s3cret@db:5432/shop"); // "postgres://app:***@db:5432/shop"
 * ```
 */
export function describePostgresConnection(config: ConnectionConfig): string {
  const t = resolveTarget(config);
  const host = t.host.includes(":") ? `[${t.host}]` : t.host;
  return `postgres://${encodeURIComponent(t.user)}${t.hasPassword ? ":***" : ""}@${host}:${t.port}/${encodeURIComponent(t.database)}`;
}

/** Removes every occurrence of the password from a message (drivers do not echo it; this makes sure). */
export function scrubPassword(text: string, password: string | undefined): string {
  return password ? text.split(password).join("***") : text;
}
