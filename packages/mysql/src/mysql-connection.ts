import type { Connection, LockOptions, QueryResult, Statement } from "@mig/core/dialect";
import type { Connection as DriverConnection } from "mysql2/promise";
import { type MysqlTarget } from "./connection-options";
import { connectionError, isConnectionError } from "./connection-error";
import { type LockSession, withGaleraLock } from "./galera-lock";
import { withNamedLock } from "./migration-lock";

/** How a connection takes the migration lock. */
export interface MysqlLockSettings {
  /** GET_LOCK's name, or the lock row's on Galera. */
  readonly lockName: string;
  /** Set on a Galera cluster (wsrep_on): the lock is a row in a table, claimed by a certified write. */
  readonly galera?: {
    readonly openLockSession: () => Promise<LockSession>;
    readonly staleAfterMs: number;
  };
}

/** MariaDB / MySQL: "This command is not supported in the prepared statement protocol yet". */
const ER_UNSUPPORTED_PS = 1295;

/** SERVER_STATUS_IN_TRANS of the server status flags in an OK packet (MySQL protocol, "SERVER_STATUS_flags_enum"). */
const SERVER_STATUS_IN_TRANS = 1;

/** ER_SP_DOES_NOT_EXIST: the savepoint went away with an implicit commit. */
function ignoreMissingSavepoint(error: unknown): void {
  if ((error as { errno?: number }).errno !== 1305) throw error;
}

/** Values mysql2 binds as they are; plain objects and arrays are bound as JSON text. */
function bindable(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === "bigint") return value.toString();
  if (value === null || typeof value !== "object" || value instanceof Date || Buffer.isBuffer(value) || value instanceof Uint8Array) return value;
  return JSON.stringify(value);
}

function toResult<Row>(result: unknown): QueryResult<Row> {
  if (Array.isArray(result)) return { rows: result as Row[], affectedRows: 0 };
  const affected = (result as { affectedRows?: number } | undefined)?.affectedRows ?? 0;
  return { rows: [], affectedRows: affected };
}

/**
 * Whether the server says a transaction is open after a statement, from the status flags of its
 * OK packet; undefined for statements that return rows (whose flags the driver does not give).
 */
function inTransaction(result: unknown): boolean | undefined {
  if (Array.isArray(result)) return undefined;
  const status = (result as { serverStatus?: unknown } | undefined)?.serverStatus;
  return typeof status === "number" ? (status & SERVER_STATUS_IN_TRANS) !== 0 : undefined;
}

/**
 * One mysql2 connection (one session: GET_LOCK and transactions belong to it). Statements with
 * parameters run as server-side prepared statements, so values are never spliced into SQL.
 */
export class MysqlConnection implements Connection {
  readonly #driver: DriverConnection;
  readonly #target: MysqlTarget;
  readonly #password: string | undefined;
  readonly #lock: MysqlLockSettings;
  #depth = 0;
  /** The server's word, from the last OK packet, on whether a transaction is open (undefined: not known). */
  #inTransaction: boolean | undefined;

  /**
   * `Connection.executeStep`, where the server runs anonymous blocks (MariaDB's `BEGIN NOT ATOMIC`):
   * absent on MySQL and on a Galera cluster, where the runner sends one statement per round trip.
   */
  readonly executeStep?: (statements: readonly Statement[]) => Promise<void>;

  constructor(driver: DriverConnection, target: MysqlTarget, password: string | undefined, lock: MysqlLockSettings, options: { readonly anonymousBlocks?: boolean } = {}) {
    this.#driver = driver;
    this.#target = target;
    this.#password = password;
    this.#lock = lock;
    if (options.anonymousBlocks) this.executeStep = (statements) => this.#executeBlock(statements);
  }

  /**
   * The statements, in a transaction, as one anonymous block: `BEGIN NOT ATOMIC START TRANSACTION;
   * …; COMMIT; END`, one query without the driver's multi-statement mode (which would let every
   * query carry several statements). The server parses the whole block first, so a statement it
   * refuses there (a syntax error, a statement a stored program may not run, such as CREATE
   * TRIGGER) runs nothing; one that fails when it runs ends the block there, a DDL statement having
   * committed what came before it, as it does outside a block. Each statement ends its own line,
   * so that a trailing `--` comment cannot swallow what follows. Only for statements without
   * parameters that mig writes (the runner's): values in them are escaped literals.
   */
  async #executeBlock(statements: readonly Statement[]): Promise<void> {
    const body = statements.map((s) => `${s.sql.trimEnd().replace(/;+$/, "")}\n;`).join("\n");
    try {
      await this.query(`BEGIN NOT ATOMIC START TRANSACTION;\n${body}\nCOMMIT;\nEND`);
    } catch (error) {
      // A statement that failed after DML left the transaction open: nothing of it may stay.
      await this.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  }

  /** True on a MariaDB Galera cluster (`wsrep_on`): the migration lock is then a row, not GET_LOCK. */
  get galera(): boolean {
    return this.#lock.galera !== undefined;
  }

  /** The database this connection works in. */
  get database(): string | undefined {
    return this.#target.database;
  }

  async query<Row = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
    try {
      if (params.length === 0) return this.#result<Row>((await this.#driver.query(sql))[0]);
      const values = params.map(bindable);
      try {
        return this.#result<Row>((await this.#driver.execute(sql, values as never))[0]);
      } catch (error) {
        if ((error as { errno?: number }).errno !== ER_UNSUPPORTED_PS) throw error;
        // A statement the server cannot prepare: the driver escapes the values instead.
        return this.#result<Row>((await this.#driver.query(sql, values))[0]);
      }
    } catch (error) {
      throw isConnectionError(error) ? connectionError(error, this.#target, this.#password) : error;
    }
  }

  execute(statement: Statement): Promise<QueryResult> {
    return this.query(statement.sql, statement.params ?? []);
  }

  #result<Row>(result: unknown): QueryResult<Row> {
    // Rows leave the state as it was: with autocommit on, a SELECT opens no transaction.
    this.#inTransaction = inTransaction(result) ?? this.#inTransaction;
    return toResult<Row>(result);
  }

  /**
   * START TRANSACTION / COMMIT / ROLLBACK; a nested call uses a SAVEPOINT. DDL inside commits
   * implicitly, after which a rollback only undoes later data changes.
   * When the server's status flags say the transaction already ended that way (no statement since
   * opened another), there is nothing to COMMIT and the round trip is left out.
   */
  async transaction<T>(fn: (connection: Connection) => Promise<T>): Promise<T> {
    const savepoint = this.#depth === 0 ? undefined : `mig_savepoint_${this.#depth}`;
    await this.query(savepoint ? `SAVEPOINT ${savepoint}` : "START TRANSACTION");
    this.#depth += 1;
    try {
      const result = await fn(this);
      if (!savepoint) {
        if (this.#inTransaction !== false) await this.query("COMMIT");
      }
      // DDL inside committed implicitly and took the savepoint with it: nothing left to release.
      else await this.query(`RELEASE SAVEPOINT ${savepoint}`).catch(ignoreMissingSavepoint);
      return result;
    } catch (error) {
      // After an implicit commit the savepoint is gone; the original error is what matters.
      await this.query(savepoint ? `ROLLBACK TO SAVEPOINT ${savepoint}` : "ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      this.#depth -= 1;
    }
  }

  /**
   * GET_LOCK on one server. On a Galera cluster GET_LOCK is not replicated (each node would hand
   * out its own), so the lock is a row claimed through the cluster's certification instead (see
   * `withGaleraLock`), held from a session of its own.
   */
  withMigrationLock<T>(fn: () => Promise<T>, options: LockOptions): Promise<T> {
    const { lockName, galera } = this.#lock;
    if (galera) {
      const openSession = async () => {
        try {
          return await galera.openLockSession();
        } catch (error) {
          throw isConnectionError(error) ? connectionError(error, this.#target, this.#password) : error;
        }
      };
      // A lost lock ends this session, so the run stops with a connection error instead of going on unguarded.
      return withGaleraLock(openSession, lockName, fn, { ...options, staleAfterMs: galera.staleAfterMs, onLost: () => this.#driver.destroy() });
    }
    return withNamedLock((sql, params) => this.query(sql, params), lockName, fn, options);
  }

  async close(): Promise<void> {
    try {
      await this.#driver.end();
    } catch {
      this.#driver.destroy();
    }
  }
}
