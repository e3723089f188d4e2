/**
 * @mig/sqlite: the SQLite dialect of mig, on better-sqlite3.
 */
export { sqliteDialect, createSqliteDialect, type CreateSqliteDialectOptions } from "./sqlite-dialect";
export { sqliteCapabilities } from "./sqlite-capabilities";
export { sqliteEmitter } from "./sqlite-emitter";
export { sqliteTypes, parseDeclaredType, affinityType } from "./sqlite-type-mapper";
export { sqliteIntrospector } from "./sqlite-introspector";
export { normaliseSqliteSnapshot } from "./normalise-sqlite-snapshot";
export { SqliteConnection } from "./sqlite-connection";
export { parseSqliteConfig, describeSqliteConnection, type SqliteConnectionOptions } from "./sqlite-connection-config";
export { acquireMigrationLock, type HeldLock } from "./migration-lock";
export { UUID_V4_SQL, renderSqliteDefault, parseSqliteDefault, type DefaultClause } from "./sqlite-defaults";
export { sqliteQuoteLiteral } from "./sqlite-literals";
export { parseCreateTable, type ParsedTable, type ParsedColumn, type ParsedConstraint } from "./parse-create-table";
export { emitRebuild, rebuildTableName } from "./emit-rebuild";
export { isRebuildStatement, type RebuildStatement, type RebuildStep } from "./rebuild-statement";
export { dependentsOf, type SchemaObject } from "./rebuild-dependents";

import { sqliteDialect } from "./sqlite-dialect";
export default sqliteDialect;
