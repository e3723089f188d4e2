import type { Snapshot } from "../snapshot/snapshot";
import type { Connection } from "./connection";

export interface IntrospectOptions {
  /** Tables to leave out (the tracking tables are always left out). */
  readonly excludeTables?: readonly string[];
}

/**
 * Reads the live schema back as a snapshot, normalised so that introspecting what mig created and
 * diffing it against the snapshot mig meant to create gives no operations.
 */
export interface Introspector {
  introspect(connection: Connection, options?: IntrospectOptions): Promise<Snapshot>;
}
