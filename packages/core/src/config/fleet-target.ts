import type { ConnectionConfig, Dialect } from "../dialect/dialect";

/**
 * One database of a fleet: the same migration history is applied to every target.
 *
 * - `name`: how output and reports name the target (unique in the fleet).
 * - `connection`: a URL of any registered dialect (`postgres://…`, `mysql://…`, `sqlite:./t1.db`,
 *   a plugin's scheme), or a dialect's options object.
 * - `dialect`: only needed for an options object (default: the config's `dialect`); a URL's scheme
 *   picks the dialect otherwise.
 */
export interface FleetTarget {
  readonly name: string;
  readonly connection: ConnectionConfig;
  readonly dialect?: string | Dialect;
}

/**
 * The config's `fleet`: a list of targets, or a function returning them (read from a tenants
 * table, a service registry, …). The function is called only by `--fleet` commands.
 */
export type FleetConfig = readonly FleetTarget[] | (() => readonly FleetTarget[] | Promise<readonly FleetTarget[]>);
