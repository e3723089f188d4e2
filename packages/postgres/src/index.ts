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
export { postgresEmitter, quoteIdentifier as quotePostgresIdentifier } from "./emitter/postgres-emitter";
export { quoteLiteral as quotePostgresLiteral, quoteString as quotePostgresString } from "./emitter/quote-literal";
export { renderCast as renderPostgresCast } from "./emitter/render-cast";
export { postgresIntrospector } from "./introspect/postgres-introspector";
export { parseDefault as parsePostgresDefault } from "./introspect/parse-default";
export { normaliseCheck as normalisePostgresCheck } from "./normalise/normalise-check";
export { normaliseSnapshot as normalisePostgresSnapshot } from "./normalise/normalise-snapshot";
export { describeConnection as describePostgresConnection } from "./connection/connection-target";
export { DEFAULT_LOCK_KEY as POSTGRES_LOCK_KEY } from "./connection/migration-lock";
export type { PostgresConnectOptions } from "./connection/connect";
export { PostgresConnection } from "./connection/postgres-connection";

export default postgresDialect;
