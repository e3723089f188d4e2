import type { Results, Transaction } from "@electric-sql/pglite";
import { type Connection, type LockOptions, MigError, type QueryResult, type Statement } from "@mig/core/dialect";
import type { OpenDatabase } from "./open-database";

/** What both a PGlite instance and one of its transactions can do. */
type Executor = Pick<Transaction, "query" | "exec">;

/** Commands whose count is a number of rows changed (a SELECT's count is not). */
const WRITES = new Set(["INSERT", "UPDATE", "DELETE", "MERGE", "COPY"]);

function toQueryResult<Row>(results: readonly Results[]): QueryResult<Row> {
  const last = results[results.length - 1];
  const affectedRows = results.reduce((sum, r) => sum + (r.command !== undefined && WRITES.has(r.command) ? r.affectedRows ?? 0 : 0), 0);
  return { rows: (last?.rows ?? []) as Row[], affectedRows };
}

/**
 * A connection to a PGlite database. Every connection of a process to the same database shares
 * one PGlite instance (one single-user backend), so:
 *
 * - `transaction` uses PGlite's own `transaction()`, which keeps every other query of the
 *   instance waiting until it ends: inside `fn`, use the connection `fn` is given (the outer one
 *   would wait for the transaction, which waits for `fn`). A nested call is a SAVEPOINT.
 * - `withMigrationLock` is a queue shared by the instance's connections (PostgreSQL's advisory
 *   locks belong to a session, and here every connection is the same session). Other processes
 *   are kept out of a data dir for as long as it is open (see `lockDataDir`).
 */
export class PgliteConnection implements Connection {
  readonly #database: OpenDatabase;
  readonly #executor: Executor;
  /** 0 outside a transaction, 1 in it, 2+ in savepoints. */
  readonly #depth: number;
  #closed = false;

  constructor(database: OpenDatabase, executor: Executor = database.db, depth = 0) {
    this.#database = database;
    this.#executor = executor;
    this.#depth = depth;
  }

  /**
   * Without parameters the statement goes through the simple query protocol, so that one string
   * may hold several statements (as with the `pg` driver); with parameters, through the extended
   * protocol, which binds them and allows one statement.
   */
  async query<Row = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
    if (this.#closed) throw new MigError("MIG_E_CONNECTION", "The pglite connection is closed");
    if (params.length === 0) return toQueryResult<Row>(await this.#executor.exec(sql));
    return toQueryResult<Row>([await this.#executor.query(sql, [...params])]);
  }

  execute(statement: Statement): Promise<QueryResult> {
    return this.query(statement.sql, statement.params);
  }

  async transaction<T>(fn: (connection: Connection) => Promise<T>): Promise<T> {
    if (this.#depth === 0) {
      return this.#database.db.transaction((tx) => fn(new PgliteConnection(this.#database, tx, 1)));
    }
    const savepoint = `mig_savepoint_${this.#depth}`;
    await this.query(`SAVEPOINT ${savepoint}`);
    try {
      const result = await fn(new PgliteConnection(this.#database, this.#executor, this.#depth + 1));
      await this.query(`RELEASE SAVEPOINT ${savepoint}`);
      return result;
    } catch (error) {
      await this.query(`ROLLBACK TO SAVEPOINT ${savepoint}`).catch(() => undefined);
      throw error;
    }
  }

  async withMigrationLock<T>(fn: () => Promise<T>, options: LockOptions): Promise<T> {
    const release = await this.#database.mutex.acquire(options);
    try {
      return await fn();
    } finally {
      release();
    }
  }

  /** Lets go of the database; the last connection of the process to it closes it. Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#depth === 0) await this.#database.release();
  }
}
