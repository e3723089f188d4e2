/**
 * @mig/sqlite: the SQLite dialect of mig, on better-sqlite3.
 *
 * Names follow the pattern of every dialect package: a part is `<dialect><Part>`
 * (`sqliteTypeMapper`), a part made from options is `create<Dialect><Part>(options)`, a function
 * is `<verb><Dialect><Noun>` (`quoteSqliteLiteral`, `normaliseSqliteSnapshot`).
 */
export { sqliteDialect, createSqliteDialect, type CreateSqliteDialectOptions } from "./sqlite-dialect";
export { sqliteCapabilities } from "./sqlite-capabilities";
export { sqliteEmitter } from "./sqlite-emitter";
export { sqliteTypeMapper } from "./sqlite-type-mapper";
export { sqliteIntrospector } from "./sqlite-introspector";
export { normaliseSqliteSnapshot } from "./normalise-sqlite-snapshot";
export { SqliteConnection } from "./sqlite-connection";
export { parseSqliteConfig, describeSqliteConnection, type SqliteConnectionOptions } from "./sqlite-connection-config";
export { acquireSqliteMigrationLock, type HeldLock } from "./migration-lock";
export { quoteSqliteLiteral } from "./sqlite-literals";

import { sqliteDialect } from "./sqlite-dialect";
export default sqliteDialect;
