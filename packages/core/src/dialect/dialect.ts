import type { Snapshot } from "../snapshot/snapshot";
import type { DialectCapabilities } from "./capabilities";
import type { Connection } from "./connection";
import type { Emitter } from "./emitter";
import type { Introspector } from "./introspector";
import type { OnlineSupport } from "./online-support";
import type { TypeMapper } from "./type-mapper";

/** Connection settings: a URL string or the dialect's own options object. */
export type ConnectionConfig = string | Readonly<Record<string, unknown>>;

/**
 * A database dialect: one object, made of small parts. Third parties implement this interface
 * in a package (`mig-dialect-<name>`) and run the conformance kit from `@mig/core/testing`.
 *
 * @example
 * ```ts
 * import type { Dialect } from "@mig/core";
 * export const dialect: Dialect = {
 *   name: "pglite",
 *   capabilities: { transactionalDdl: true },
 *   emitter, types, introspector, placeholder: (i) => `$${i}`,
 *   connect: async (config) => new PgliteConnection(config),
 *   describeConnection: () => "pglite (in memory)",
 * };
 * ```
 */
export interface Dialect {
  /** The registry name (`postgres`, `mysql`, `sqlite`, or a plugin's own). */
  readonly name: string;
  /** Other names the registry accepts for this dialect (`pg`, `postgresql`). */
  readonly aliases?: readonly string[];
  /** URL schemes that select this dialect when `dialect` is left out (`postgres`, `postgresql`). */
  readonly urlSchemes?: readonly string[];
  /**
   * Its URLs name a file, not a server (`sqlite:./app.db`): the rest after the scheme is a path,
   * relative to the config's folder. Default: `scheme://user@host:port/database`.
   */
  readonly fileUrls?: boolean;
  readonly capabilities: DialectCapabilities;
  readonly emitter: Emitter;
  readonly types: TypeMapper;
  /**
   * Reads the live schema back. Optional: without it, `mig pull` and `mig check --drift` refuse
   * with `MIG_E_UNSUPPORTED`, and the conformance kit cannot run (it compares by introspection).
   */
  readonly introspector?: Introspector;
  /** The bind-parameter placeholder for the 1-based `index`-th parameter (`?`, `$1`). */
  placeholder(index: number): string;
  /** Opens a connection. Failures are `MIG_E_CONNECTION` errors naming host and port, never the password. */
  connect(config: ConnectionConfig): Promise<Connection>;
  /** A one-line description of where `config` points, for messages. Never includes a password. */
  describeConnection(config: ConnectionConfig): string;
  /**
   * The snapshot as this dialect can store it (types through `types.canonical`, check expressions
   * in the form the database reports them, ...). Used to compare an introspected schema with an
   * intended one. Default: `canonicaliseSnapshot` with the type mapper.
   */
  normalise?(snapshot: Snapshot): Snapshot;
  /** How operations marked online are made without blocking writes. Default: online changes nothing. */
  readonly online?: OnlineSupport;
}

/** A dialect that can read the live schema back (every built-in dialect). */
export type IntrospectingDialect = Dialect & { readonly introspector: Introspector };

/**
 * What the config is checked and resolved with before any dialect is loaded: a dialect's names
 * and URL schemes. A dialect package exports its descriptor from a module that imports no driver.
 */
export type DialectDescriptor = Pick<Dialect, "name" | "aliases" | "urlSchemes" | "fileUrls">;
