import type { Connection, LockOptions, QueryResult, Statement } from "@mig/core";
import type pg from "pg";
import { connectionLostError, isConnectionLost } from "./connection-error";
import type { ConnectionTarget } from "./connection-target";
import { type MigrationLockSettings, withAdvisoryLock } from "./migration-lock";

/** Commands whose row count is a number of rows changed (the driver also counts SELECTed rows). */
const WRITES = new Set(["INSERT", "UPDATE", "DELETE", "MERGE", "COPY"]);

export interface PostgresConnectionSettings {
  readonly target: ConnectionTarget & { readonly password?: string };
  readonly lockKey: bigint;
  readonly lockPollMs: number;
}

/**
 * One `pg.Client`: one server session for the whole run, so that the session-level migration lock
 * and the transactions all live on the same session. Made by `postgresDialect.connect()`.
 */
export class PostgresConnection implements Connection {
  readonly #client: pg.Client;
  readonly #settings: PostgresConnectionSettings;
  #depth = 0;
  #closed = false;

  constructor(client: pg.Client, settings: PostgresConnectionSettings) {
    this.#client = client;
    this.#settings = settings;
    // An idle client whose server goes away emits "error"; without a listener Node would crash
    // the process. The next query then fails and reports it.
    client.on("error", () => undefined);
  }

  async query<Row = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
    let result: pg.QueryResult | pg.QueryResult[];
    try {
      result = await this.#client.query(sql, params as unknown[]);
    } catch (error) {
      throw isConnectionLost(error) ? connectionLostError(error, this.#settings.target) : error;
    }
    // Several statements in one string (only without parameters) give one result each.
    const results = Array.isArray(result) ? result : [result];
    const last = results[results.length - 1];
    const affectedRows = results.reduce((sum, r) => sum + (WRITES.has(r.command) ? r.rowCount ?? 0 : 0), 0);
    return { rows: (last?.rows ?? []) as Row[], affectedRows };
  }

  execute(statement: Statement): Promise<QueryResult> {
    return this.query(statement.sql, statement.params);
  }

  /**
   * Inside a transaction: a SAVEPOINT, then the statements and its RELEASE as one simple-protocol
   * query (two round trips in all). When one fails, the server stops there and the savepoint is
   * rolled back, so none of them has taken effect (then the error is thrown). The SAVEPOINT goes
   * first on its own: a syntax error anywhere in a query string fails the whole string before its
   * first statement runs (manual §55.2.2.1), and the savepoint must exist to roll back to. Outside
   * a transaction (a multi-statement query would be one implicit transaction there): one
   * `execute` each.
   */
  async executeBatch(statements: readonly Statement[]): Promise<void> {
    if (this.#depth === 0 || statements.some((s) => s.params !== undefined && s.params.length > 0)) {
      for (const statement of statements) await this.execute(statement);
      return;
    }
    const savepoint = `mig_batch_${this.#depth}`;
    // A newline before each `;`: a statement may end in a line comment.
    const sql = [...statements.map((s) => s.sql), `RELEASE SAVEPOINT ${savepoint}`].join("\n;\n");
    await this.query(`SAVEPOINT ${savepoint}`);
    try {
      await this.query(sql);
    } catch (error) {
      await this.query(`ROLLBACK TO SAVEPOINT ${savepoint}; RELEASE SAVEPOINT ${savepoint}`);
      throw error;
    }
  }

  /** BEGIN / COMMIT / ROLLBACK; a nested call is a SAVEPOINT, so an inner failure can be caught alone. */
  async transaction<T>(fn: (connection: Connection) => Promise<T>): Promise<T> {
    const depth = this.#depth;
    const savepoint = depth > 0 ? `mig_savepoint_${depth}` : undefined;
    await this.query(savepoint ? `SAVEPOINT ${savepoint}` : "BEGIN");
    this.#depth = depth + 1;
    try {
      const result = await fn(this);
      await this.query(savepoint ? `RELEASE SAVEPOINT ${savepoint}` : "COMMIT");
      return result;
    } catch (error) {
      // After a failed COMMIT the transaction is already over; the ROLLBACK then only warns.
      await this.query(savepoint ? `ROLLBACK TO SAVEPOINT ${savepoint}` : "ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      this.#depth = depth;
    }
  }

  withMigrationLock<T>(fn: () => Promise<T>, options: LockOptions): Promise<T> {
    const settings: MigrationLockSettings = {
      key: this.#settings.lockKey,
      pollMs: this.#settings.lockPollMs,
      database: this.#settings.target.database,
    };
    return withAdvisoryLock(<Row,>(sql: string, params?: readonly unknown[]) => this.query<Row>(sql, params), settings, fn, options);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#client.end().catch(() => undefined);
  }
}
