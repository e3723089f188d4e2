/**
 * @mig/postgres: the PostgreSQL dialect of mig (driver `pg`).
 *
 * @example
 * ```ts
 * // mig.config.ts
 * import { defineConfig } from "@mig/core";
 * import postgres from "@mig/postgres";
 * export default defineConfig({ dialect: postgres, connection: process.env.DATABASE_URL, apps: [] });
 * ```
 */
import { postgresDialect } from "./postgres-dialect";

export { createPostgresDialect, postgresDialect, type PostgresDialectOptions } from "./postgres-dialect";
export { postgresCapabilities } from "./postgres-capabilities";
export { postgresTypeMapper } from "./postgres-type-mapper";
export { postgresEmitter, quoteIdentifier } from "./emitter/postgres-emitter";
export { quoteLiteral, quoteString } from "./emitter/quote-literal";
export { renderCast } from "./emitter/render-cast";
export { postgresIntrospector } from "./introspect/postgres-introspector";
export { parseDefault } from "./introspect/parse-default";
export { normaliseCheck } from "./normalise/normalise-check";
export { normaliseSnapshot } from "./normalise/normalise-snapshot";
export { describeConnection } from "./connection/connection-target";
export { DEFAULT_LOCK_KEY } from "./connection/migration-lock";
export type { PostgresConnectOptions } from "./connection/connect";
export { PostgresConnection } from "./connection/postgres-connection";

export default postgresDialect;
