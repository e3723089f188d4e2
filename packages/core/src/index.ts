/**
 * @mig/core: what a user of mig imports. The table DSL, `defineConfig`, `MigrationManager` (what
 * migration files call), coded errors, and the library functions the CLI is a thin shell over
 * (snapshot, diff, planning, serialisation, the runner). Knows no database driver and no dialect.
 *
 * Dialect authors import `@mig/core/dialect`; the conformance kit is `@mig/core/testing`.
 */

// Errors
export { ERROR_CODES, type ErrorCode } from "./errors/error-codes";
export { MigError, isMigError, type MigErrorOptions, type MigProblem } from "./errors/mig-error";

// Tables
export * from "./schema/column-factories";
export { foreignKey } from "./schema/foreign-key";
export { table, isTable, type Table, type TableColumn, type TableOptions, type UniqueOption, type IndexOption, type CheckOption, type ColumnMap } from "./schema/table";
export type { ColumnBuilder, AnyColumn } from "./schema/column-builder";
export type { ColumnDefinition, ColumnKind, DefaultSpec, DefaultValueOf, ForeignKeyReference, NowKind } from "./schema/column-definition";
export { FOREIGN_KEY_ACTIONS, INDEX_METHODS, TYPE_NAMES, type ColumnDefault, type ForeignKeyAction, type IndexMethod, type JsonValue, type TypeName } from "./snapshot/types";

// Configuration
export { defineConfig, type AppConfig, type MigConfig, type PluginEntry } from "./config/define-config";
export type { Dialect } from "./dialect/dialect";
export type { DialectCapabilities } from "./dialect/capabilities";

// Migration files
export { MigrationManager, type MigrationManagerOptions } from "./manager/migration-manager";
export type * from "./manager/manager-calls";
export type { RawDb, RawFunction, RawTableAccess, RawTableRef, WhereEquals } from "./operations/operation";
export { generateMigrationId, isMigrationId, compareMigrationIds } from "./manager/migration-id";
export { migrationFileName } from "./manager/migration-file-name";
export { checksum } from "./runner/checksum";

// The library API: snapshot, diff, planning, serialisation, the runner
export { Snapshot } from "./snapshot/snapshot";
export type { Entity, TableSchema } from "./snapshot/entities";
export { serialiseSnapshot, parseSnapshot } from "./snapshot/canonical-json";
export { snapshotFromTables } from "./validate/from-tables";
export type { Operation, OperationKind, SchemaOperation } from "./operations/operation";
export { replayMigrations } from "./manager/replay-migrations";
export {
  autoInputResolver,
  diff,
  explicitRenames,
  failClosedResolver,
  findColumnRenameCandidates,
  findTableRenameCandidates,
  promptResolver,
  resolveRenames,
  planOperations,
  planForTargets,
  planForDialect,
  type DiffDecisions,
  type ExplicitRenames,
  type RenameDecisions,
  type RenameResolver,
  type PlanInput,
  type PlanResult,
} from "./diff/index";
export { resolveCapabilities, type ResolvedCapabilities } from "./dialect/capabilities";
export { serialiseMigration, type SerialiseMigrationInput } from "./serialise/serialise-migration";
export { runForwards } from "./runner/run-forwards";
export { runBackwards } from "./runner/run-backwards";
export { migrationStatus, type MigrationStatusReport } from "./runner/migration-status";
export { cleanOrphans, type CleanOrphansOptions } from "./runner/clean-orphans";
export type { MigrationResult, RunOptions, RunResult, RunnerBaseOptions, RunnerEvent } from "./runner/runner-types";
export type { MigrationSource, RunnableMigration } from "./runner/migration-source";
