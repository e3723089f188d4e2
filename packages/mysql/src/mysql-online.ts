import type { ColumnEntity, LockFacts, OnlineRefusal, OnlineSupport, OperationHandlers, SchemaOperation, SchemaOperationKind, Statement } from "@mig/core/dialect";

/**
 * MariaDB / MySQL online DDL (MariaDB manual: "InnoDB Online DDL Operations", ALTER TABLE
 * "ALGORITHM" and "LOCK"): an ALTER that names its algorithm is refused by the server
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

/** The online form of an operation's statements: each ALTER TABLE names its algorithm and lock. */
export function onlineStatements(operation: SchemaOperation, statements: readonly Statement[]): readonly Statement[] {
  const algorithm = ALGORITHM[operation.kind];
  if (!algorithm) return statements;
  return statements.map((statement) => (/^ALTER TABLE /i.test(statement.sql) ? { ...statement, sql: `${statement.sql}, ${algorithm}` } : statement));
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

const LOCKING = "Make this change without online (mig new --no-online) to accept the locking form, in a quiet hour.";

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
    case "add_foreign_key":
      return {
        reason: `add_foreign_key ${operation.foreignKey.table}.${operation.foreignKey.name}: MariaDB adds a foreign key in place only with foreign_key_checks=OFF, which would leave the existing rows unchecked; checked, it copies the table (ALGORITHM=COPY)`,
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
 * The lock each operation takes on MariaDB 10.11 as mig emits it (manual: "InnoDB Online DDL
 * Operations"). Without an ALGORITHM clause the server picks the cheapest it has: a secondary
 * index is built in place without blocking writes either way; a CHECK, a checked foreign key and a
 * type change copy the table with writes blocked (LOCK=SHARED).
 */
function lockOf(operation: SchemaOperation): LockFacts {
  const online = "online" in operation && operation.online === true;
  const named = ALGORITHM[operation.kind];
  if (online && named) return { lock: named, work: named === INSTANT ? "none" : "scan", blocksWrites: false };
  const copy: LockFacts = { lock: "ALGORITHM=COPY (LOCK=SHARED)", work: "rewrite", blocksWrites: true };
  switch (operation.kind) {
    case "add_check":
      return { ...copy, alternative: "none online on MariaDB: run it in a quiet hour" };
    case "add_foreign_key":
      return { ...copy, alternative: "none online on MariaDB (in place only with foreign_key_checks=OFF, unchecked)" };
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

/** MariaDB / MySQL online support: the algorithm clauses above, what no algorithm makes online, and the lock of each operation. */
export const mysqlOnline: OnlineSupport = { refusal, lockOf };
