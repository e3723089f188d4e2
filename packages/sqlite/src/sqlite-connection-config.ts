import { type ConnectionConfig, MigError } from "@mig/core/dialect";

/** The options `connect()` accepts besides a URL. */
export interface SqliteConnectionOptions {
  /** A file path, `":memory:"`, or `""` for a private temporary database. */
  readonly filename: string;
  /** Open read-only (migrations will fail). Default is `false`. */
  readonly readonly?: boolean;
  /**
   * How long a statement waits for another connection's write lock before `SQLITE_BUSY`.
   * Default is `5000`.
   */
  readonly busyTimeoutMs?: number;
}

/**
 * Reads a connection config: `{ filename }`, `":memory:"`, a plain path, or a URL
 * `sqlite:./file.db`, `sqlite:///abs/file.db`, `file:./file.db` (a `?query` is ignored).
 *
 * @example
 * ```ts
 * parseSqliteConfig("sqlite:./playground.db"); // { filename: "./playground.db" }
 * ```
 */
export function parseSqliteConfig(config: ConnectionConfig): SqliteConnectionOptions {
  if (typeof config === "string") return { filename: filenameOf(config) };
  const filename = config.filename ?? (typeof config.url === "string" ? filenameOf(config.url) : undefined);
  if (typeof filename !== "string") {
    throw new MigError("MIG_E_CONFIG", "The SQLite connection needs a filename", {
      hint: 'Use connection: { filename: "./app.db" } or a URL like "sqlite:./app.db".',
    });
  }
  const options: { filename: string; readonly?: boolean; busyTimeoutMs?: number } = { filename };
  if (typeof config.readonly === "boolean") options.readonly = config.readonly;
  if (typeof config.busyTimeoutMs === "number") options.busyTimeoutMs = config.busyTimeoutMs;
  return options;
}

function filenameOf(url: string): string {
  const match = /^(sqlite3?|file):(.*)$/i.exec(url);
  if (!match) return url;
  let path = (match[2] as string).replace(/\?.*$/s, "");
  // sqlite:///abs/path is the absolute /abs/path; sqlite://./rel is ./rel.
  if (path.startsWith("///")) path = path.slice(2);
  else if (path.startsWith("//")) path = path.slice(2);
  return decodeURIComponent(path);
}

/** `sqlite ./playground.db`: where a config points, for messages. */
export function describeSqliteConnection(config: ConnectionConfig): string {
  try {
    const { filename } = parseSqliteConfig(config);
    return `sqlite ${filename === "" ? "(temporary database)" : filename}`;
  } catch {
    return "sqlite (no filename)";
  }
}
