import type { Connection, LockOptions, QueryResult, Statement } from "@mig/core/dialect";
import type pg from "pg";
import { connectionLostError, isConnectionLost } from "./connection-error";
import type { ConnectionTarget } from "./connection-target";
import { type MigrationLockSettings, withAdvisoryLock } from "./migration-lock";

/** SQLSTATE in_failed_sql_transaction: "current transaction is aborted, commands ignored until end of transaction block". */
const IN_FAILED_TRANSACTION = "25P02";

/** What a held-back BEGIN puts in front of the transaction's first query. */
const BEGIN_PREFIX = "BEGIN;\n";

/** The error of a query sent after `prefix`, with its `position` (1-based, in the query string) in the query alone. */
function withoutPrefix(error: unknown, prefix: number): unknown {
  const position = (error as { position?: unknown } | null)?.position;
  if (typeof position === "string" && Number(position) > prefix) (error as { position: string }).position = String(Number(position) - prefix);
  return error;
}

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
  /** A transaction was begun and BEGIN not sent yet (see `transaction`). */
  #beginPending = false;
  #closed = false;

  constructor(client: pg.Client, settings: PostgresConnectionSettings) {
    this.#client = client;
    this.#settings = settings;
    // An idle client whose server goes away emits "error"; without a listener Node would crash
    // the process. The next query then fails and reports it.
    client.on("error", () => undefined);
  }

  async query<Row = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
    if (!this.#beginPending) return this.#send<Row>(sql, params);
    this.#beginPending = false;
    if (params.length > 0) {
      await this.#send("BEGIN", []);
      return this.#send<Row>(sql, params);
    }
    try {
      return await this.#send<Row>(`${BEGIN_PREFIX}${sql}`, []);
    } catch (error) {
      // Did BEGIN run? A syntax error fails a whole query string before its first statement.
      // BEGIN again tells: in the transaction the statement aborted, it fails.
      try {
        await this.#send("BEGIN", []);
      } catch (again) {
        if ((again as { code?: unknown }).code === IN_FAILED_TRANSACTION) throw withoutPrefix(error, BEGIN_PREFIX.length);
        throw again;
      }
      // BEGIN had not run, and now has: the statement alone, as if the two were sent one by one.
      return this.#send<Row>(sql, params);
    }
  }

  async #send<Row>(sql: string, params: readonly unknown[]): Promise<QueryResult<Row>> {
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
   * first statement runs, and the savepoint must exist to roll back to. Outside
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

  /**
   * `BEGIN`, the statements, the tracking row and `COMMIT` as one simple-protocol query: one round
   * trip. The server stops at the first failing statement, and the ROLLBACK sent then ends the
   * transaction it left aborted (after a syntax error, which fails the whole string before its
   * first statement, there is none, and the ROLLBACK only warns). The duration recorded is the
   * time until sending plus the server's time since it received the query
   * (`statement_timestamp()` is the receipt of the query message, `clock_timestamp()` now).
   */
  async executeTransaction(
    statements: readonly Statement[],
    record: { readonly statement: (durationSql: string) => Statement; readonly elapsedMs: () => number },
  ): Promise<void> {
    if (this.#depth > 0 || this.#beginPending || statements.some((s) => s.params !== undefined && s.params.length > 0)) {
      throw new Error("executeTransaction runs parameterless statements outside a transaction");
    }
    const duration = `(${Math.round(record.elapsedMs())} + (extract(epoch from clock_timestamp() - statement_timestamp()) * 1000)::integer)`;
    const last = record.statement(duration);
    // A newline before each `;`: a statement may end in a line comment.
    const sql = ["BEGIN", ...statements.map((s) => s.sql), last.sql, "COMMIT"].join("\n;\n");
    try {
      await this.#send(sql, []);
    } catch (error) {
      await this.#send("ROLLBACK", []).catch(() => undefined);
      throw error;
    }
  }

  /**
   * BEGIN / COMMIT / ROLLBACK; a nested call is a SAVEPOINT, so an inner failure can be caught alone.
   * BEGIN is held back and sent in one round trip with the transaction's first query when that has
   * no parameters (a simple-protocol query may hold several statements); a transaction that sent
   * nothing sends nothing.
   */
  async transaction<T>(fn: (connection: Connection) => Promise<T>): Promise<T> {
    const depth = this.#depth;
    const savepoint = depth > 0 ? `mig_savepoint_${depth}` : undefined;
    if (savepoint) await this.query(`SAVEPOINT ${savepoint}`);
    else this.#beginPending = true;
    this.#depth = depth + 1;
    try {
      const result = await fn(this);
      if (this.#beginPending && !savepoint) this.#beginPending = false;
      else await this.query(savepoint ? `RELEASE SAVEPOINT ${savepoint}` : "COMMIT");
      return result;
    } catch (error) {
      if (this.#beginPending && !savepoint) this.#beginPending = false;
      // After a failed COMMIT the transaction is already over; the ROLLBACK then only warns.
      else await this.query(savepoint ? `ROLLBACK TO SAVEPOINT ${savepoint}` : "ROLLBACK").catch(() => undefined);
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
