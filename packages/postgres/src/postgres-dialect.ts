import type { IntrospectingDialect } from "@mig/core/dialect";
import { descriptor } from "./descriptor";
import { connectPostgres, type PostgresConnectOptions } from "./connection/connect";
import { describePostgresConnection } from "./connection/connection-target";
import { POSTGRES_LOCK_KEY } from "./connection/migration-lock";
import { postgresEmitter } from "./emitter/postgres-emitter";
import { postgresIntrospector } from "./introspect/postgres-introspector";
import { normalisePostgresSnapshot } from "./normalise/normalise-snapshot";
import { postgresCapabilities } from "./postgres-capabilities";
import { postgresOnline } from "./postgres-online";
import { postgresTypeMapper } from "./postgres-type-mapper";

export type PostgresDialectOptions = PostgresConnectOptions;

/**
 * A PostgreSQL dialect (driver `pg`, PostgreSQL 13 or later for `gen_random_uuid()`).
 *
 * @example
 * ```ts
 * import { createPostgresDialect } from "@mig/postgres";
 * const dialect = createPostgresDialect({ schema: "app", ddlLockTimeoutMs: 5_000 });
 * const connection = await dialect.connect("postgres://app@127.0.0.1:5432/shop");
 * const snapshot = await dialect.introspector.introspect(connection);
 * await connection.close();
 * ```
 */
export function createPostgresDialect(options: PostgresDialectOptions = {}): IntrospectingDialect {
  return {
    // Names and URL schemes: the descriptor the CLI reads before it loads this package.
    ...descriptor,
    capabilities: postgresCapabilities,
    emitter: postgresEmitter,
    types: postgresTypeMapper,
    introspector: postgresIntrospector,
    placeholder: (index) => `$${index}`,
    connect: (config) => connectPostgres(config, options, POSTGRES_LOCK_KEY),
    describeConnection: describePostgresConnection,
    normalise: normalisePostgresSnapshot,
    online: postgresOnline(options.ddlLockTimeoutMs),
  };
}

/** The PostgreSQL dialect with default options. */
export const postgresDialect: IntrospectingDialect = createPostgresDialect();
