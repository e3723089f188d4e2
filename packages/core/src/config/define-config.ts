import type { ConnectionConfig, Dialect } from "../dialect/dialect";
import type { FleetConfig } from "./fleet-target";

/** One app: a tables module and the folder holding its migration files. */
export interface AppConfig {
  /** The app's name, used on the command line (`mig new music`) and in the tracking table. */
  readonly name: string;
  /** Path of the tables module (every exported `table(...)` belongs to the app), relative to the config file. */
  readonly tables: string;
  /** Folder of the app's migration files, relative to the config file. */
  readonly migrations: string;
  /** Apps whose migrations must run before this app's (`forwards all` follows it). */
  readonly dependsOn?: readonly string[];
}

/** A dialect plugin: an installed package's name, or the dialect object itself. */
export type PluginEntry = string | Dialect;

/**
 * The contents of `mig.config.ts`.
 *
 * - `dialect`: a registry name (`postgres`, `pg`, `postgresql`, `mysql`, `mariadb`, `sqlite`, a
 *   plugin's name), or a dialect object. Left out: the connection URL's scheme picks it.
 * - `connection`: a URL (`postgres://…`, `mysql://…`, `sqlite:./file.db`) or the dialect's options
 *   object. Left out: the `DATABASE_URL` environment variable.
 */
export interface MigConfig {
  readonly dialect?: string | Dialect;
  readonly connection?: ConnectionConfig;
  readonly apps: readonly AppConfig[];
  /** Extra dialects: package names (resolved from the project) or dialect objects. */
  readonly plugins?: readonly PluginEntry[];
  /** Name of the tracking table. Default is `mig_migrations`. */
  readonly trackingTable?: string;
  /** How long to wait for the migration lock before failing with `MIG_E_LOCK_TIMEOUT`. Default is 60 000 ms. */
  readonly lockTimeoutMs?: number;
  /**
   * Every database the migrations must run on (registry names or dialect objects): `mig new`
   * checks names, types, defaults and each change for all of them, and asks for consent to a
   * table rebuild where one of them needs it. The configured dialect is always a target.
   * Default: the configured dialect only.
   */
  readonly targets?: readonly (string | Dialect)[];
  /**
   * Consent to table rebuilds when applying, for histories written elsewhere: `true` for every
   * dialect, or the dialects it holds for (`["sqlite"]`). The same as `--allow-rebuild` on every
   * `forwards` and `backwards`. Default is `false`.
   */
  readonly allowRebuild?: boolean | readonly string[];
  /**
   * Many databases with one history (one database per tenant): `[{ name, connection }, …]` or a
   * function returning it. `mig forwards|backwards|check --fleet` work on every target.
   */
  readonly fleet?: FleetConfig;
  /**
   * Mark the changes of new migrations online (`mig new --auto`, as `--online` does): each is made
   * without a lock that blocks writes for a table scan or rewrite where the database can
   * (PostgreSQL: `CREATE INDEX CONCURRENTLY`, `NOT VALID` + `VALIDATE`), and refused where it
   * cannot. Recorded in the file. Default is `false`.
   */
  readonly online?: boolean;
  /**
   * Each try of an online step whose lock wait would queue writers (PostgreSQL: `ADD CONSTRAINT …
   * NOT VALID`, `SET NOT NULL`) waits at most this long for its lock (`lock_timeout`), then lets go
   * and is retried after a growing, jittered pause (100 ms doubling to 5 s): writers never queue
   * behind a waiting migration longer than this. Before each try the runner waits, without
   * queueing, while another session (an autovacuum run, a long transaction) holds a conflicting
   * lock. Default is 50 ms.
   */
  readonly onlineLockTimeoutMs?: number;
  /** Retries of an online step after a lock timeout; with the pauses, the step's patience (15: about 50 s). Then `MIG_E_ONLINE_LOCK_BUSY`. Default is 15. */
  readonly onlineRetries?: number;
}

/**
 * Declares the configuration with full typing. Returns its argument unchanged; the CLI validates
 * it (every problem reported at once) when it loads the file.
 *
 * @example
 * ```ts
 * // mig.config.ts
 * import { defineConfig } from "@mig/core";
 *
 * export default defineConfig({
 *   dialect: "sqlite",
 *   connection: { filename: "./playground.db" },
 *   apps: [
 *     { name: "music", tables: "./src/music/tables.ts", migrations: "./src/music/migrations" },
 *     { name: "shop", tables: "./src/shop/tables.ts", migrations: "./src/shop/migrations", dependsOn: ["music"] },
 *   ],
 * });
 * ```
 */
export function defineConfig(config: MigConfig): MigConfig {
  return config;
}

/** How long `forwards`/`backwards` wait for the migration lock when the config gives no `lockTimeoutMs`. */
export const DEFAULT_LOCK_TIMEOUT_MS = 60_000;
