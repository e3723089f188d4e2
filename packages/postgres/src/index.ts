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
 *
 * Every dialect package names its exports the same way: a part is `<dialect><Part>`
 * (`postgresTypeMapper`), a part made from options is `create<Dialect><Part>(options)`, a function
 * is `<verb><Dialect><Noun>` (`quotePostgresLiteral`, `normalisePostgresSnapshot`).
 */
import { postgresDialect } from "./postgres-dialect";

export { createPostgresDialect, postgresDialect, type PostgresDialectOptions } from "./postgres-dialect";
export { postgresCapabilities } from "./postgres-capabilities";
export { postgresTypeMapper } from "./postgres-type-mapper";
export { postgresEmitter, quotePostgresIdentifier } from "./emitter/postgres-emitter";
export { quotePostgresLiteral, quotePostgresString } from "./emitter/quote-literal";
export { renderPostgresCast } from "./emitter/render-cast";
export { postgresIntrospector } from "./introspect/postgres-introspector";
export { parsePostgresDefault } from "./introspect/parse-default";
export { normalisePostgresCheck } from "./normalise/normalise-check";
export { normalisePostgresSnapshot } from "./normalise/normalise-snapshot";
export { describePostgresConnection } from "./connection/connection-target";
export { POSTGRES_LOCK_KEY } from "./connection/migration-lock";
export type { PostgresConnectOptions } from "./connection/connect";
export { PostgresConnection } from "./connection/postgres-connection";

export default postgresDialect;
