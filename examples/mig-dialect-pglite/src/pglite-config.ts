import { isAbsolute, resolve } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { type ConnectionConfig, MigError } from "@mig/core/dialect";

/**
 * The connection settings of the pglite dialect, as an object. A URL string works too:
 * `pglite:memory`, `pglite:./data`, `pglite:/abs/data`, or with `//` (`pglite://./data`,
 * `pglite:///abs/data`, `pglite://memory`), the form `mig.config.ts` accepts.
 */
export interface PgliteConnectionOptions {
  /** The data directory (made on first use). Relative paths resolve against the working directory. Left out: in memory. */
  readonly dataDir?: string;
  /** A URL instead of `dataDir` (as above). */
  readonly url?: string;
  /** An open PGlite instance to use instead: connections borrow it and never close it. */
  readonly pglite?: PGlite;
}

/** Where a connection goes: a new in-memory database, a data directory (absolute), or a given instance. */
export type PgliteTarget =
  | { readonly kind: "memory" }
  | { readonly kind: "dir"; readonly dataDir: string }
  | { readonly kind: "instance"; readonly pglite: PGlite };

const SCHEME = /^pglite:/i;
const MEMORY = new Set(["", "memory", ":memory:"]);

function configError(message: string): MigError {
  return new MigError("MIG_E_CONFIG", message, {
    hint: 'Use "pglite:memory", "pglite:./data" (or "pglite://./data" in mig.config.ts), or { dataDir: "./data" }',
    problems: [{ path: "connection", message }],
  });
}

function fromPath(path: string, cwd: string): PgliteTarget {
  if (MEMORY.has(path.trim())) return { kind: "memory" };
  return { kind: "dir", dataDir: isAbsolute(path) ? path : resolve(cwd, path) };
}

function fromUrl(url: string, cwd: string): PgliteTarget {
  const trimmed = url.trim();
  if (!SCHEME.test(trimmed)) throw configError(`A pglite connection URL starts with "pglite:" (got a URL with another scheme)`);
  let rest = trimmed.replace(SCHEME, "");
  // `pglite://./data` and `pglite:///abs` (the `scheme://` form) name the same paths as `pglite:./data` and `pglite:/abs`.
  if (rest.startsWith("//")) rest = rest.slice(2);
  return fromPath(decodeURIComponent(rest), cwd);
}

/**
 * Where `config` points. Throws `MIG_E_CONFIG` for anything else.
 *
 * @example
 * ```ts
 * resolvePgliteTarget("pglite:./data", "/srv/app"); // { kind: "dir", dataDir: "/srv/app/data" }
 * resolvePgliteTarget({});                           // { kind: "memory" }
 * ```
 */
export function resolvePgliteTarget(config: ConnectionConfig, cwd: string = process.cwd()): PgliteTarget {
  if (typeof config === "string") return fromUrl(config, cwd);
  const options = config as PgliteConnectionOptions;
  if (options.pglite !== undefined) {
    if (typeof options.pglite !== "object" || options.pglite === null || typeof options.pglite.query !== "function") {
      throw configError("connection.pglite must be a PGlite instance");
    }
    return { kind: "instance", pglite: options.pglite };
  }
  if (options.url !== undefined) {
    if (typeof options.url !== "string") throw configError("connection.url must be a string");
    return fromUrl(options.url, cwd);
  }
  if (options.dataDir === undefined) return { kind: "memory" };
  if (typeof options.dataDir !== "string") throw configError("connection.dataDir must be a string");
  return fromPath(options.dataDir, cwd);
}

/**
 * One line naming where `config` points, for messages.
 *
 * @example
 * ```ts
 * describePgliteConnection("pglite:memory"); // "pglite (in memory)"
 * ```
 */
export function describePgliteConnection(config: ConnectionConfig): string {
  let target: PgliteTarget;
  try {
    target = resolvePgliteTarget(config);
  } catch {
    return "pglite (invalid connection settings)";
  }
  if (target.kind === "memory") return "pglite (in memory)";
  if (target.kind === "instance") return "pglite (an open PGlite instance)";
  return `pglite data dir ${target.dataDir}`;
}
