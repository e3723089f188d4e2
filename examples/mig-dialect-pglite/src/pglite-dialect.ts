import type { IntrospectingDialect } from "@mig/core/dialect";
import { normalisePostgresSnapshot, postgresEmitter, postgresIntrospector, postgresTypeMapper } from "@mig/postgres";
import { pgliteCapabilities } from "./pglite-capabilities";
import { describePgliteConnection, resolvePgliteTarget } from "./pglite-config";
import { PgliteConnection } from "./pglite-connection";
import { openDatabase } from "./open-database";

export interface PgliteDialectOptions {
  /** How long `connect` waits for another process to close a data dir. Default is `30000`. */
  readonly openTimeoutMs?: number;
}

/**
 * The pglite dialect: PostgreSQL's SQL, types, introspection and normalisation from `@mig/postgres`
 * (PGlite is PostgreSQL), over a connection to PGlite, in this process, with no server.
 *
 * @example
 * ```ts
 * import { createPgliteDialect } from "mig-dialect-pglite";
 * const dialect = createPgliteDialect({ openTimeoutMs: 5_000 });
 * const connection = await dialect.connect("pglite:memory");
 * await connection.query("SELECT 1");
 * await connection.close();
 * ```
 */
export function createPgliteDialect(options: PgliteDialectOptions = {}): IntrospectingDialect {
  const openTimeoutMs = options.openTimeoutMs ?? 30_000;
  return {
    name: "pglite",
    urlSchemes: ["pglite"],
    capabilities: pgliteCapabilities,
    emitter: postgresEmitter,
    types: postgresTypeMapper,
    introspector: postgresIntrospector,
    placeholder: (index) => `$${index}`,
    async connect(config) {
      const database = await openDatabase(resolvePgliteTarget(config), { openTimeoutMs });
      return new PgliteConnection(database);
    },
    describeConnection: describePgliteConnection,
    normalise: normalisePostgresSnapshot,
  };
}

/** The pglite dialect with default options. */
export const pgliteDialect: IntrospectingDialect = createPgliteDialect();
