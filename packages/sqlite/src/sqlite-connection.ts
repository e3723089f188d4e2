import type Database from "better-sqlite3";
import { type Connection, type LockOptions, type QueryResult, type Statement, MigError } from "@mig/core/dialect";
import { toSqliteParams } from "./bind-params";
import { loadSqliteDriver } from "./load-driver";
import { type HeldLock, acquireSqliteMigrationLock } from "./migration-lock";
import { isRebuildStatement } from "./rebuild-statement";
import { RebuildRuntime } from "./rebuild-runtime";
import { type SqliteConnectionOptions } from "./sqlite-connection-config";

const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * A better-sqlite3 database behind mig's async `Connection`. better-sqlite3 is synchronous;
 * every method still returns a promise so that the runner treats all dialects alike.
 *
 * @example
 * ```ts
 * const connection = await SqliteConnection.open({ filename: "./app.db" });
 * await connection.transaction(async (tx) => tx.query("INSERT INTO band (name) VALUES (?)", ["Pythonistas"]));
 * await connection.close();
 * ```
 */
export class SqliteConnection implements Connection {
  readonly filename: string;
  readonly #db: Database.Database;
  readonly #rebuild: RebuildRuntime;
  #depth = 0;
  #lock: HeldLock | undefined;

  private constructor(db: Database.Database, filename: string) {
    this.#db = db;
    this.filename = filename;
    this.#rebuild = new RebuildRuntime(db);
  }

  /** Opens the database and turns foreign keys on. Fails with `MIG_E_CONNECTION`. */
  static async open(options: SqliteConnectionOptions): Promise<SqliteConnection> {
    const openDatabase = loadSqliteDriver();
    let db: Database.Database;
    try {
      db = openDatabase(options.filename, {
        readonly: options.readonly ?? false,
        timeout: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
      });
      // Foreign keys are off by default in every new connection.
      db.pragma("foreign_keys = ON");
    } catch (error) {
      throw new MigError("MIG_E_CONNECTION", `Cannot open the SQLite database ${options.filename}: ${(error as Error).message}`, {
        hint: "Check that the directory exists and is writable.",
        meta: { filename: options.filename },
        cause: error,
      });
    }
    return new SqliteConnection(db, options.filename);
  }

  /** The better-sqlite3 handle, for what mig does not wrap. */
  get driver(): Database.Database {
    return this.#db;
  }

  async query<Row = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
    let statement: Database.Statement;
    try {
      statement = this.#db.prepare(sql);
    } catch (error) {
      // prepare() takes one statement; a parameterless script runs whole through exec().
      if (error instanceof RangeError && params.length === 0) {
        this.#db.exec(sql);
        return { rows: [], affectedRows: 0 };
      }
      throw error;
    }
    const bound = toSqliteParams(params);
    // `reader` is true for statements that return rows: SELECT, PRAGMA, ... RETURNING.
    if (statement.reader) {
      const rows = statement.all(...bound) as Row[];
      return { rows, affectedRows: /^\s*(SELECT|PRAGMA|WITH|VALUES|EXPLAIN)\b/i.test(sql) ? 0 : rows.length };
    }
    return { rows: [], affectedRows: statement.run(...bound).changes };
  }

  /** Runs an emitted statement; the steps of a table rebuild also check what they read (see `RebuildStep`). */
  async execute(statement: Statement): Promise<QueryResult> {
    if (isRebuildStatement(statement)) return this.#rebuild.run(statement);
    return this.query(statement.sql, statement.params ?? []);
  }

  /**
   * `BEGIN IMMEDIATE` … `COMMIT`: the write lock is taken at the start, so a busy database fails
   * (after the busy timeout) before any work instead of at the first write.
   * DDL rolls back with it. Nested calls use savepoints.
   */
  async transaction<T>(fn: (connection: Connection) => Promise<T>): Promise<T> {
    const savepoint = this.#depth === 0 ? undefined : `"mig_savepoint_${this.#depth}"`;
    this.#db.exec(savepoint ? `SAVEPOINT ${savepoint}` : "BEGIN IMMEDIATE");
    this.#depth++;
    try {
      const result = await fn(this);
      this.#db.exec(savepoint ? `RELEASE ${savepoint}` : "COMMIT");
      return result;
    } catch (error) {
      // Some errors (SQLITE_FULL, SQLITE_IOERR, ...) already rolled the transaction back.
      if (this.#db.inTransaction) {
        this.#db.exec(savepoint ? `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}` : "ROLLBACK");
      }
      throw error;
    } finally {
      this.#depth--;
    }
  }

  /**
   * Holds the migration lock (see `acquireSqliteMigrationLock`) while `fn` runs. An in-memory or
   * temporary database belongs to this connection alone and needs no lock. Re-entrant.
   */
  async withMigrationLock<T>(fn: () => Promise<T>, options: LockOptions): Promise<T> {
    if (this.#lock || this.#db.memory || this.filename === "") return fn();
    this.#lock = await acquireSqliteMigrationLock(this.filename, options);
    try {
      return await fn();
    } finally {
      this.#lock.release();
      this.#lock = undefined;
    }
  }

  async close(): Promise<void> {
    this.#lock?.release();
    this.#lock = undefined;
    if (this.#db.open) this.#db.close();
  }
}
