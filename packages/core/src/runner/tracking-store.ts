import type { Connection } from "../dialect/connection";
import type { Dialect } from "../dialect/dialect";
import type { Statement } from "../dialect/statement";
import type { TableSchema } from "../snapshot/entities";
import { progressTableName, progressTableSchema, trackingTableSchema } from "./tracking-schema";

/** A row of the tracking table. */
export interface AppliedMigration {
  readonly appName: string;
  readonly id: string;
  readonly checksum: string;
  /** When it ran, as an ISO string where the driver gives a date. */
  readonly ranOn: string | undefined;
  readonly durationMs: number;
  /** The tracking row's serial id: the order in which migrations were applied. */
  readonly sequence: number;
}

export type Direction = "forwards" | "backwards";

/** A row of the progress table: a migration running, or stopped part-way, without a transaction. */
export interface ProgressRecord {
  readonly appName: string;
  readonly id: string;
  readonly direction: Direction;
  readonly statementsDone: number;
  readonly total: number;
  readonly checksum: string;
  readonly error: string | null;
}

/**
 * How a statement's values are written: as parameters the driver binds, or inline as the
 * dialect's escaped literals, for statements sent in one batch without parameters
 * (`Connection.executeTransaction`, `Connection.executeStep`).
 */
type Values = "parameters" | "literals";

/** Writes one value into a statement's text (a placeholder or a literal). */
type Value = (value: string | number) => string;

/**
 * Reads and writes the tracking table (and the progress table) with parameters bound by the
 * driver and identifiers quoted by the dialect. Every method takes the connection to use, so
 * that writes join the migration's transaction.
 */
export class TrackingStore {
  readonly table: string;
  readonly progressTable: string;
  readonly #dialect: Dialect;

  constructor(dialect: Dialect, table: string) {
    this.#dialect = dialect;
    this.table = table;
    this.progressTable = progressTableName(table);
  }

  /** True when the tracking table exists (a failing probe means it does not). */
  exists(connection: Connection): Promise<boolean> {
    return this.#tableExists(connection, this.table);
  }

  /**
   * Creates the tracking table (and the progress table when `progress`) unless it exists.
   * Another process may create it at the same moment: a failed CREATE is fine when the table is
   * there afterwards. Call it outside any transaction.
   */
  async ensure(connection: Connection, options: { readonly progress: boolean }): Promise<void> {
    await this.#ensureTable(connection, trackingTableSchema(this.table));
    if (options.progress) await this.#ensureTable(connection, progressTableSchema(this.progressTable));
  }

  async readApplied(connection: Connection): Promise<AppliedMigration[]> {
    const t = this.#q(this.table);
    const { rows } = await connection.query<Record<string, unknown>>(
      `SELECT ${this.#cols(["id", "app_name", "name", "checksum", "ran_on", "duration_ms"])} FROM ${t} ORDER BY ${this.#q("id")}`,
    );
    return rows.map((row) => ({
      appName: String(row.app_name),
      id: String(row.name),
      checksum: String(row.checksum),
      ranOn: row.ran_on instanceof Date ? row.ran_on.toISOString() : row.ran_on == null ? undefined : String(row.ran_on),
      durationMs: Number(row.duration_ms),
      sequence: Number(row.id),
    }));
  }

  async isApplied(connection: Connection, appName: string, id: string): Promise<boolean> {
    const { sql, params } = this.#statement("parameters", (v) => `SELECT ${this.#q("id")} FROM ${this.#q(this.table)} WHERE ${this.#whereRow(v, appName, id)}`);
    const { rows } = await connection.query(sql, params);
    return rows.length > 0;
  }

  async insert(connection: Connection, row: { appName: string; id: string; checksum: string; durationMs: number }): Promise<void> {
    await this.#run(connection, this.#insert("parameters", row, row.durationMs));
  }

  /**
   * The same INSERT as one statement without parameters, for a transaction sent as one batch
   * (`Connection.executeTransaction`): values as the dialect's escaped literals, the duration as
   * the SQL `durationSql` (a number, or an expression of the database).
   */
  insertStatement(row: { appName: string; id: string; checksum: string }, durationSql: string): Statement {
    return this.#insert("literals", row, { sql: durationSql });
  }

  /**
   * Statements without parameters for `Connection.executeStep` (values as the dialect's escaped
   * literals): the progress row of a migration's first step, the update of it after a step, its
   * removal, and the removal of a tracking row. The same statements as `startProgress`,
   * `setProgress`, `removeProgress` and `remove` run with parameters.
   */
  startProgressStatement(record: Omit<ProgressRecord, "error">): Statement {
    return this.#startProgress("literals", record);
  }

  setProgressStatement(appName: string, id: string, statementsDone: number): Statement {
    return this.#update("literals", this.progressTable, "statements_done", statementsDone, appName, id);
  }

  removeProgressStatement(appName: string, id: string): Statement {
    return this.#delete("literals", this.progressTable, appName, id);
  }

  removeStatement(appName: string, id: string): Statement {
    return this.#delete("literals", this.table, appName, id);
  }

  async setDuration(connection: Connection, appName: string, id: string, durationMs: number): Promise<void> {
    await this.#run(connection, this.#update("parameters", this.table, "duration_ms", Math.round(durationMs), appName, id));
  }

  async setChecksum(connection: Connection, appName: string, id: string, checksum: string): Promise<void> {
    await this.#run(connection, this.#update("parameters", this.table, "checksum", checksum, appName, id));
  }

  async remove(connection: Connection, appName: string, id: string): Promise<number> {
    const { affectedRows } = await this.#run(connection, this.#delete("parameters", this.table, appName, id));
    return affectedRows;
  }

  /** Progress rows; none when the progress table does not exist (`known`: it does, no need to look). */
  async readProgress(connection: Connection, options: { readonly known?: boolean } = {}): Promise<ProgressRecord[]> {
    if (!options.known && !(await this.#tableExists(connection, this.progressTable))) return [];
    const cols = ["app_name", "name", "direction", "statements_done", "total", "checksum", "error"];
    const { rows } = await connection.query<Record<string, unknown>>(`SELECT ${this.#cols(cols)} FROM ${this.#q(this.progressTable)}`);
    return rows.map((row) => ({
      appName: String(row.app_name),
      id: String(row.name),
      direction: row.direction === "backwards" ? "backwards" : "forwards",
      statementsDone: Number(row.statements_done),
      total: Number(row.total),
      checksum: String(row.checksum),
      error: row.error == null ? null : String(row.error),
    }));
  }

  /**
   * Writes the progress row of a migration that starts from its first step. `replace`: a row of it
   * may exist (read at the start of the run) and is removed first; without it, the INSERT alone.
   */
  async startProgress(connection: Connection, record: Omit<ProgressRecord, "error">, options: { readonly replace: boolean } = { replace: true }): Promise<void> {
    if (options.replace) await this.removeProgress(connection, record.appName, record.id);
    await this.#run(connection, this.#startProgress("parameters", record));
  }

  async setProgress(connection: Connection, appName: string, id: string, statementsDone: number): Promise<void> {
    await this.#run(connection, this.#update("parameters", this.progressTable, "statements_done", statementsDone, appName, id));
  }

  async failProgress(connection: Connection, appName: string, id: string, error: string): Promise<void> {
    await this.#run(connection, this.#update("parameters", this.progressTable, "error", error, appName, id));
  }

  async removeProgress(connection: Connection, appName: string, id: string): Promise<void> {
    await this.#run(connection, this.#delete("parameters", this.progressTable, appName, id));
  }

  // Each statement of the two tables is written once, below, for both ways its values go.

  #insert(values: Values, row: { appName: string; id: string; checksum: string }, duration: number | { readonly sql: string }): Statement {
    const cols = this.#cols(["app_name", "name", "checksum", "duration_ms"]);
    return this.#statement(values, (v) => `INSERT INTO ${this.#q(this.table)} (${cols}) VALUES (${v(row.appName)}, ${v(row.id)}, ${v(row.checksum)}, ${typeof duration === "number" ? v(Math.round(duration)) : duration.sql})`);
  }

  #startProgress(values: Values, record: Omit<ProgressRecord, "error">): Statement {
    const cols = this.#cols(["app_name", "name", "direction", "statements_done", "total", "checksum"]);
    return this.#statement(
      values,
      (v) => `INSERT INTO ${this.#q(this.progressTable)} (${cols}) VALUES (${v(record.appName)}, ${v(record.id)}, ${v(record.direction)}, ${v(record.statementsDone)}, ${v(record.total)}, ${v(record.checksum)})`,
    );
  }

  #update(values: Values, table: string, column: string, value: string | number, appName: string, id: string): Statement {
    return this.#statement(values, (v) => `UPDATE ${this.#q(table)} SET ${this.#q(column)} = ${v(value)} WHERE ${this.#whereRow(v, appName, id)}`);
  }

  #delete(values: Values, table: string, appName: string, id: string): Statement {
    return this.#statement(values, (v) => `DELETE FROM ${this.#q(table)} WHERE ${this.#whereRow(v, appName, id)}`);
  }

  /** `app_name = … AND name = …`, the values written by `v`. */
  #whereRow(v: Value, appName: string, id: string): string {
    return `${this.#q("app_name")} = ${v(appName)} AND ${this.#q("name")} = ${v(id)}`;
  }

  /**
   * The statement `build` writes, its values (passed through the `v` it is given, in the order
   * they appear in the text) as the driver's parameters with the dialect's placeholders, or as the
   * dialect's escaped literals (a number as itself).
   */
  #statement(values: Values, build: (v: Value) => string): Statement {
    if (values === "literals") return { sql: build((value) => (typeof value === "number" ? String(value) : this.#dialect.emitter.hooks.quoteLiteral(value))) };
    const params: (string | number)[] = [];
    const sql = build((value) => {
      params.push(value);
      return this.#dialect.placeholder(params.length);
    });
    return { sql, params };
  }

  #run(connection: Connection, statement: Statement) {
    return connection.query(statement.sql, statement.params);
  }

  async #tableExists(connection: Connection, table: string): Promise<boolean> {
    try {
      await connection.query(`SELECT 1 FROM ${this.#q(table)} WHERE 1 = 0`);
      return true;
    } catch {
      return false;
    }
  }

  async #ensureTable(connection: Connection, schema: TableSchema): Promise<void> {
    if (await this.#tableExists(connection, schema.table.name)) return;
    try {
      for (const statement of this.#dialect.emitter.emit({ kind: "create_table", schema })) await connection.execute(statement);
    } catch (error) {
      // Another process created it between our probe and our CREATE: that is what we wanted.
      if (await this.#tableExists(connection, schema.table.name)) return;
      throw error;
    }
  }

  #q(name: string): string {
    return this.#dialect.emitter.hooks.quoteIdentifier(name);
  }

  #cols(names: readonly string[]): string {
    return names.map((n) => this.#q(n)).join(", ");
  }
}
