import type { ConnectionConfig, DialectCapabilities, IntrospectingDialect } from "@mig/core/dialect";
import { descriptor } from "./descriptor";
import { normaliseSqliteSnapshot } from "./normalise-sqlite-snapshot";
import { sqliteCapabilities } from "./sqlite-capabilities";
import { SqliteConnection } from "./sqlite-connection";
import { type SqliteConnectionOptions, describeSqliteConnection, parseSqliteConfig } from "./sqlite-connection-config";
import { sqliteEmitter } from "./sqlite-emitter";
import { sqliteIntrospector } from "./sqlite-introspector";
import { sqliteTypeMapper } from "./sqlite-type-mapper";

export interface CreateSqliteDialectOptions {
  /** Connection options applied under every config passed to `connect` (e.g. `busyTimeoutMs`). */
  readonly connection?: Partial<SqliteConnectionOptions>;
  /** Flags that differ from SQLite's (a rebuild-capable build sets `rebuildTable`). */
  readonly capabilities?: DialectCapabilities;
}

/**
 * Makes a SQLite dialect (driver better-sqlite3).
 *
 * @example
 * ```ts
 * import { createSqliteDialect } from "@mig/sqlite";
 * const dialect = createSqliteDialect({ connection: { busyTimeoutMs: 10_000 } });
 * const connection = await dialect.connect("sqlite:./playground.db");
 * ```
 */
export function createSqliteDialect(options: CreateSqliteDialectOptions = {}): IntrospectingDialect {
  return {
    // Names and URL schemes: the descriptor the CLI reads before it loads this package.
    ...descriptor,
    capabilities: { ...sqliteCapabilities, ...options.capabilities },
    emitter: sqliteEmitter,
    types: sqliteTypeMapper,
    introspector: sqliteIntrospector,
    placeholder: () => "?",
    connect: (config: ConnectionConfig) => SqliteConnection.open({ ...options.connection, ...parseSqliteConfig(config) }),
    describeConnection: describeSqliteConnection,
    normalise: normaliseSqliteSnapshot,
    // One writer at a time: every change holds the write lock for its
    // length, whatever form it takes. Online mode has nothing to offer here.
    online: {
      note: "SQLite allows one writer at a time: online mode changes nothing there (each change holds the write lock while it runs)",
      // A rebuild copies the table under the database's write lock; an ALTER only edits the schema.
      lockOf: (operation) =>
        operation.kind === "rebuild_table"
          ? { lock: "database write lock", work: "rewrite", blocksWrites: true, alternative: "none on SQLite (one writer at a time)" }
          : { lock: "database write lock, briefly", work: "none", blocksWrites: false },
    },
  };
}

/**
 * The SQLite dialect: `dialect: "sqlite"` in `mig.config.ts`, or this object.
 *
 * @example
 * ```ts
 * import { defineConfig } from "@mig/core";
 * import { sqliteDialect } from "@mig/sqlite";
 * export default defineConfig({ dialect: sqliteDialect, connection: { filename: "./app.db" }, apps: [] });
 * ```
 */
export const sqliteDialect: IntrospectingDialect = createSqliteDialect();
