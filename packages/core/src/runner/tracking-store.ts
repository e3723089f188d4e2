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
    const { rows } = await connection.query(
      `SELECT ${this.#q("id")} FROM ${this.#q(this.table)} WHERE ${this.#where(["app_name", "name"])}`,
      [appName, id],
    );
    return rows.length > 0;
  }

  async insert(connection: Connection, row: { appName: string; id: string; checksum: string; durationMs: number }): Promise<void> {
    const p = (i: number) => this.#dialect.placeholder(i);
    await connection.query(
      `INSERT INTO ${this.#q(this.table)} (${this.#cols(["app_name", "name", "checksum", "duration_ms"])}) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)})`,
      [row.appName, row.id, row.checksum, Math.round(row.durationMs)],
    );
  }

  /**
   * The same INSERT as one statement without parameters, for a transaction sent as one batch
   * (`Connection.executeTransaction`): values as the dialect's escaped literals, the duration as
   * the SQL `durationSql` (a number, or an expression of the database).
   */
  insertStatement(row: { appName: string; id: string; checksum: string }, durationSql: string): Statement {
    return {
      sql: `INSERT INTO ${this.#q(this.table)} (${this.#cols(["app_name", "name", "checksum", "duration_ms"])}) VALUES (${this.#literal(row.appName)}, ${this.#literal(row.id)}, ${this.#literal(row.checksum)}, ${durationSql})`,
    };
  }

  /**
   * Statements without parameters for `Connection.executeStep` (values as the dialect's escaped
   * literals): the progress row of a migration's first step, the update of it after a step, its
   * removal, and the removal of a tracking row. The same as `startProgress`, `setProgress`,
   * `removeProgress` and `remove`.
   */
  startProgressStatement(record: Omit<ProgressRecord, "error">): Statement {
    const cols = ["app_name", "name", "direction", "statements_done", "total", "checksum"];
    const values = [this.#literal(record.appName), this.#literal(record.id), this.#literal(record.direction), String(record.statementsDone), String(record.total), this.#literal(record.checksum)];
    return { sql: `INSERT INTO ${this.#q(this.progressTable)} (${this.#cols(cols)}) VALUES (${values.join(", ")})` };
  }

  setProgressStatement(appName: string, id: string, statementsDone: number): Statement {
    return { sql: `UPDATE ${this.#q(this.progressTable)} SET ${this.#q("statements_done")} = ${String(statementsDone)} WHERE ${this.#whereLiteral(appName, id)}` };
  }

  removeProgressStatement(appName: string, id: string): Statement {
    return { sql: `DELETE FROM ${this.#q(this.progressTable)} WHERE ${this.#whereLiteral(appName, id)}` };
  }

  removeStatement(appName: string, id: string): Statement {
    return { sql: `DELETE FROM ${this.#q(this.table)} WHERE ${this.#whereLiteral(appName, id)}` };
  }

  async setDuration(connection: Connection, appName: string, id: string, durationMs: number): Promise<void> {
    await this.#update(connection, this.table, "duration_ms", Math.round(durationMs), appName, id);
  }

  async setChecksum(connection: Connection, appName: string, id: string, checksum: string): Promise<void> {
    await this.#update(connection, this.table, "checksum", checksum, appName, id);
  }

  async remove(connection: Connection, appName: string, id: string): Promise<number> {
    const { affectedRows } = await connection.query(
      `DELETE FROM ${this.#q(this.table)} WHERE ${this.#where(["app_name", "name"])}`,
      [appName, id],
    );
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
    const p = (i: number) => this.#dialect.placeholder(i);
    const cols = ["app_name", "name", "direction", "statements_done", "total", "checksum"];
    await connection.query(
      `INSERT INTO ${this.#q(this.progressTable)} (${this.#cols(cols)}) VALUES (${cols.map((_, i) => p(i + 1)).join(", ")})`,
      [record.appName, record.id, record.direction, record.statementsDone, record.total, record.checksum],
    );
  }

  async setProgress(connection: Connection, appName: string, id: string, statementsDone: number): Promise<void> {
    await this.#update(connection, this.progressTable, "statements_done", statementsDone, appName, id);
  }

  async failProgress(connection: Connection, appName: string, id: string, error: string): Promise<void> {
    await this.#update(connection, this.progressTable, "error", error, appName, id);
  }

  async removeProgress(connection: Connection, appName: string, id: string): Promise<void> {
    await connection.query(`DELETE FROM ${this.#q(this.progressTable)} WHERE ${this.#where(["app_name", "name"])}`, [appName, id]);
  }

  async #update(connection: Connection, table: string, column: string, value: unknown, appName: string, id: string): Promise<void> {
    const p = (i: number) => this.#dialect.placeholder(i);
    await connection.query(
      `UPDATE ${this.#q(table)} SET ${this.#q(column)} = ${p(1)} WHERE ${this.#where(["app_name", "name"], 2)}`,
      [value, appName, id],
    );
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

  #literal(value: string): string {
    return this.#dialect.emitter.hooks.quoteLiteral(value);
  }

  /** `app_name = 'a' AND name = 'b'`, the values as escaped literals. */
  #whereLiteral(appName: string, id: string): string {
    return `${this.#q("app_name")} = ${this.#literal(appName)} AND ${this.#q("name")} = ${this.#literal(id)}`;
  }

  #q(name: string): string {
    return this.#dialect.emitter.hooks.quoteIdentifier(name);
  }

  #cols(names: readonly string[]): string {
    return names.map((n) => this.#q(n)).join(", ");
  }

  /** `a = $n AND b = $n+1` with placeholders numbered from `first`. */
  #where(columns: readonly string[], first = 1): string {
    return columns.map((c, i) => `${this.#q(c)} = ${this.#dialect.placeholder(first + i)}`).join(" AND ");
  }
}
