import { type ColumnEntity, type ForeignKeyEntity, type LockFacts, type OnlineRefusal, type OnlineSupport, type OperationHandlers, type SchemaOperation, type SchemaOperationKind, type Statement, quoteIdentifierWith } from "@mig/core/dialect";
import { quoteMysqlLiteral } from "./mysql-literal";
import { alterLock, appliedLockTimeoutMs, boundStatement, isLockTimeout, mysqlLockHolders, readLock } from "./mysql-lock-wait";

/**
 * MariaDB / MySQL online DDL: an ALTER that names its algorithm is refused by the server
 * (ER_ALTER_OPERATION_NOT_SUPPORTED_REASON, 1846) instead of silently copying the table, so an
 * online operation either runs without blocking writes or fails before changing anything.
 * INSTANT changes only metadata; INPLACE with LOCK=NONE builds (an index) while writes go on.
 * MariaDB takes "INPLACE" as "INPLACE or better": an instant change stays instant.
 */
const INSTANT = "ALGORITHM=INSTANT";
const INPLACE = "ALGORITHM=INPLACE, LOCK=NONE";

const ALGORITHM: Partial<Record<SchemaOperationKind, string>> = {
  // Adding a column (any position, 10.4+) and dropping one (10.4+) are instant.
  add_column: INSTANT,
  drop_column: INSTANT,
  alter_column: INPLACE,
  add_index: INPLACE,
  drop_index: INPLACE,
  add_unique: INPLACE,
  drop_unique: INPLACE,
  drop_check: INPLACE,
  drop_foreign_key: INPLACE,
};

const q = quoteIdentifierWith("`");

/**
 * A foreign key added online, like PostgreSQL's `NOT VALID` + `VALIDATE`: first added in place
 * without checking the rows already there (`SET STATEMENT foreign_key_checks=0 FOR ALTER TABLE …,
 * ALGORITHM=INPLACE, LOCK=NONE`; from then on every write is checked), then the existing rows are
 * checked by a read that takes no lock (a MariaDB compound statement that signals SQLSTATE 23000
 * when a row references nothing). A run that stops at the check leaves the key in place,
 * unchecked, and checks again when it resumes. MariaDB only (`SET STATEMENT`, `BEGIN NOT ATOMIC`).
 */
function onlineForeignKey(fk: ForeignKeyEntity, statements: readonly Statement[]): readonly Statement[] {
  const tables = [fk.table, fk.references.table];
  const added = statements.map((statement) =>
    /^ALTER TABLE /i.test(statement.sql) ? { ...statement, sql: `SET STATEMENT foreign_key_checks=0 FOR ${statement.sql}, ${INPLACE}`, tableLock: alterLock(tables, q) } : statement,
  );
  const join = fk.columns.map((column, i) => `mig_child.${q(column)} = mig_parent.${q(fk.references.columns[i] as string)}`).join(" AND ");
  const set = fk.columns.map((column) => `mig_child.${q(column)} IS NOT NULL`).join(" AND ");
  const message = `${fk.name}: rows of ${fk.table} reference no row of ${fk.references.table}; fix them and run again`.slice(0, 128);
  const orphans = `SELECT 1 FROM ${q(fk.table)} AS mig_child LEFT JOIN ${q(fk.references.table)} AS mig_parent ON ${join} WHERE ${set} AND mig_parent.${q(fk.references.columns[0] as string)} IS NULL LIMIT 1`;
  return [...added, { sql: `BEGIN NOT ATOMIC IF EXISTS (${orphans}) THEN SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = ${quoteMysqlLiteral(message)}; END IF; END`, tableLock: readLock(tables, q) }];
}

/** The table an operation with a named algorithm alters. */
function alteredTable(operation: SchemaOperation): string | undefined {
  switch (operation.kind) {
    case "add_column":
    case "drop_column":
    case "alter_column":
      return operation.table;
    case "add_index":
    case "drop_index":
      return operation.index.table;
    case "add_unique":
    case "drop_unique":
      return operation.unique.table;
    case "drop_check":
      return operation.check.table;
    case "drop_foreign_key":
      return operation.foreignKey.table;
    default:
      return undefined;
  }
}

/**
 * The online form of an operation's statements: each ALTER TABLE names its algorithm and lock,
 * and says the metadata lock it waits for (`tableLock`: the runner bounds that wait); a backfill
 * UPDATE waits beside the writers.
 */
export function onlineStatements(operation: SchemaOperation, statements: readonly Statement[]): readonly Statement[] {
  if (operation.kind === "add_foreign_key") return onlineForeignKey(operation.foreignKey, statements);
  const algorithm = ALGORITHM[operation.kind];
  const table = alteredTable(operation);
  if (!algorithm || table === undefined) return statements;
  return statements.map((statement) =>
    /^ALTER TABLE /i.test(statement.sql) ? { ...statement, sql: `${statement.sql}, ${algorithm}`, tableLock: alterLock([table], q) } : { ...statement, tableLock: readLock([table], q) },
  );
}

/** Wraps handlers so that an operation marked online gets {@link onlineStatements}. */
export function withOnline(handlers: OperationHandlers): OperationHandlers {
  const wrapped: Record<string, unknown> = {};
  for (const [kind, handler] of Object.entries(handlers)) {
    wrapped[kind] = (operation: SchemaOperation, ...rest: unknown[]) => {
      const statements = (handler as (op: SchemaOperation, ...r: unknown[]) => readonly Statement[])(operation, ...rest);
      return "online" in operation && operation.online === true ? onlineStatements(operation, statements) : statements;
    };
  }
  return wrapped as OperationHandlers;
}

const LOCKING = "To accept the locking form (writes wait while it runs; best in a quiet hour), consent with mig new --online --allow-locking (recorded on the operation as allowLocking: true) or mig forwards --allow-locking, or write the change without online (mig new --no-online).";

function sameType(from: ColumnEntity, to: ColumnEntity): boolean {
  return from.type === to.type && from.precision === to.precision && from.scale === to.scale && (from.length === to.length || (from.type === "varchar" && (to.length ?? 0) >= (from.length ?? 0)));
}

function refusal(operation: SchemaOperation): OnlineRefusal | undefined {
  switch (operation.kind) {
    case "add_check":
      // Checked by the server on a probe: "ALGORITHM=INPLACE is not supported for this operation. Try ALGORITHM=COPY".
      return {
        reason: `add_check ${operation.check.table}.${operation.check.name}: MariaDB checks the existing rows of a new CHECK by copying the table (ALGORITHM=COPY), which blocks writes`,
        hint: LOCKING,
      };
    case "alter_column":
      if (!sameType(operation.from, operation.to)) {
        return {
          reason: `alter_column ${operation.table}.${operation.to.name}: changing the type from ${operation.from.type} to ${operation.to.type} copies the table (ALGORITHM=COPY), which blocks writes`,
          hint: `Change ${operation.table}.${operation.to.name} in steps instead (expand/contract): add a new column, backfill it in batches, switch to it, drop the old one. ${LOCKING}`,
        };
      }
      return undefined;
    default:
      return undefined;
  }
}

/**
 * The lock each operation takes on MariaDB 10.11 as mig emits it. Without an ALGORITHM clause the server picks the cheapest it has: a secondary
 * index is built in place without blocking writes either way; a CHECK, a checked foreign key and a
 * type change copy the table with writes blocked (LOCK=SHARED).
 */
function lockOf(operation: SchemaOperation): LockFacts {
  const facts = lockOfOperation(operation);
  if (operation.kind === "create_table") return facts;
  const online = "online" in operation && operation.online === true;
  return { ...facts, waits: online ? WAITS_ONLINE : WAITS_OFFLINE };
}

/** What the wait for the table's metadata lock does (every change of an existing table takes it, briefly). */
const WAITS_ONLINE =
  "waits without queueing writers while a transaction is open on the database (trying meanwhile with lock_wait_timeout=0, which queues no one), otherwise tries with lock_wait_timeout=1 (MariaDB's shortest bound: writers queue at most 1 s behind a try), retried; MIG_E_ONLINE_LOCK_BUSY names the session when it outlasts the patience";
const WAITS_OFFLINE =
  "while it waits for the table's metadata lock (behind a transaction that read or wrote the table) every writer queues behind it, up to lock_wait_timeout (a day by default); online, each wait is bounded and retried";

function lockOfOperation(operation: SchemaOperation): LockFacts {
  const online = "online" in operation && operation.online === true;
  const named = ALGORITHM[operation.kind];
  if (online && named) return { lock: named, work: named === INSTANT ? "none" : "scan", blocksWrites: false };
  if (online && operation.kind === "add_foreign_key") return { lock: `${INPLACE} (foreign_key_checks=0), then a read of the rows`, work: "scan", blocksWrites: false };
  const copy: LockFacts = { lock: "ALGORITHM=COPY (LOCK=SHARED)", work: "rewrite", blocksWrites: true };
  switch (operation.kind) {
    case "add_check":
      return { ...copy, alternative: "none online on MariaDB: run it in a quiet hour" };
    case "add_foreign_key":
      return { ...copy, alternative: "mark it online (mig new --online): added in place, then the rows checked by a read" };
    case "alter_column":
      return sameType(operation.from, operation.to)
        ? { lock: "ALGORITHM=INPLACE", work: "scan", blocksWrites: false }
        : { ...copy, alternative: "expand/contract: a new column, backfilled in batches, then swapped" };
    case "add_index":
    case "add_unique":
      return { lock: "ALGORITHM=INPLACE, LOCK=NONE (the server's default)", work: "scan", blocksWrites: false };
    case "rebuild_table":
      return copy;
    default:
      return { lock: "metadata lock, briefly", work: "none", blocksWrites: false };
  }
}

/**
 * MariaDB / MySQL online support: the algorithm clauses above, what no algorithm makes online, the
 * lock of each operation, and the bounded metadata-lock waits of online steps (`mysql-lock-wait`).
 */
export const mysqlOnline: OnlineSupport = { refusal, lockOf, boundStatement, appliedLockTimeoutMs, isLockTimeout, lockHolders: mysqlLockHolders, triesWithoutWaiting: true };
