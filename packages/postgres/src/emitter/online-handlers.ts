import { type EmitterHooks, type IndexEntity, type OperationHandler, type Statement, type TableLock, deriveName, nameInSchemaOf, renderCreateIndex, renderForeignKeyBody, standardHandlers } from "@mig/core/dialect";
import { postgresCapabilities } from "../postgres-capabilities";

/**
 * PostgreSQL's non-blocking forms of the operations marked online. Statements marked
 * `transaction: "none"` run outside any transaction block; every other step commits on its own, so
 * the brief lock of an `ADD CONSTRAINT … NOT VALID` is let go before the long `VALIDATE`.
 */

/**
 * The table lock of a step (PostgreSQL's names): SHARE UPDATE EXCLUSIVE does not conflict with the
 * writers' ROW EXCLUSIVE, so a wait for it stalls nobody; ACCESS EXCLUSIVE and SHARE ROW EXCLUSIVE
 * do, and every writer queues behind such a request while it waits (bounded by lock_timeout).
 */
function lockOn(hooks: EmitterHooks, tables: readonly string[], mode: "ACCESS EXCLUSIVE" | "SHARE ROW EXCLUSIVE" | "SHARE UPDATE EXCLUSIVE"): TableLock {
  return { tables: tables.map((table) => hooks.quoteTable(table)), mode, queuesWriters: mode !== "SHARE UPDATE EXCLUSIVE" };
}

/**
 * An INVALID index of this name (left by an interrupted or failed CREATE INDEX CONCURRENTLY,
 * which still costs every write) dropped before the index is built again: found by
 * `pg_index.indisvalid`.
 */
function dropIfInvalid(hooks: EmitterHooks, table: string, name: string): Statement {
  // The index lives in its table's schema.
  const index = hooks.quoteTable(nameInSchemaOf(table, name));
  return {
    sql: `DROP INDEX CONCURRENTLY IF EXISTS ${index}`,
    transaction: "none",
    onlyIf: { sql: "SELECT 1 FROM pg_index WHERE indexrelid = to_regclass($1) AND NOT indisvalid", params: [index] },
  };
}

/**
 * CREATE [UNIQUE] INDEX CONCURRENTLY: SHARE UPDATE EXCLUSIVE (writes go on), two scans, not in a
 * transaction block. `IF NOT EXISTS` makes a re-run after a kill between the build and its
 * progress record a no-op; the repair first drops an INVALID leftover, so that one never counts.
 */
function createConcurrently(hooks: EmitterHooks, index: Pick<IndexEntity, "name" | "table" | "columns" | "method">, unique = false): Statement {
  return {
    sql: renderCreateIndex(hooks, index, { unique, afterIndex: "CONCURRENTLY IF NOT EXISTS" }),
    transaction: "none",
    tableLock: lockOn(hooks, [index.table], "SHARE UPDATE EXCLUSIVE"),
    repair: [dropIfInvalid(hooks, index.table, index.name)],
  };
}

/**
 * `ADD CONSTRAINT … NOT VALID` (a brief lock, no scan: ACCESS EXCLUSIVE for a check, SHARE ROW
 * EXCLUSIVE on both tables for a foreign key), then `VALIDATE CONSTRAINT` in its own transaction
 * (SHARE UPDATE EXCLUSIVE: writes go on while it scans).
 */
function addThenValidate(hooks: EmitterHooks, table: string, name: string, body: string, referenced?: string): Statement[] {
  const q = hooks.quoteIdentifier;
  const add = referenced === undefined ? lockOn(hooks, [table], "ACCESS EXCLUSIVE") : lockOn(hooks, table === referenced ? [table] : [table, referenced], "SHARE ROW EXCLUSIVE");
  return [
    { sql: `ALTER TABLE ${hooks.quoteTable(table)} ADD CONSTRAINT ${q(name)} ${body} NOT VALID`, transaction: "own", tableLock: add },
    { sql: `ALTER TABLE ${hooks.quoteTable(table)} VALIDATE CONSTRAINT ${q(name)}`, transaction: "own", tableLock: lockOn(hooks, [table], "SHARE UPDATE EXCLUSIVE") },
  ];
}

export const onlineAddIndex: OperationHandler<"add_index"> = ({ index }, hooks) => [
  createConcurrently(hooks, index),
];

/** DROP INDEX CONCURRENTLY (one index, no CASCADE, not in a transaction block); `IF EXISTS` makes a re-run a no-op. */
export const onlineDropIndex: OperationHandler<"drop_index"> = ({ index }, hooks) => [
  { sql: `DROP INDEX CONCURRENTLY IF EXISTS ${hooks.quoteTable(nameInSchemaOf(index.table, index.name))}`, transaction: "none", tableLock: lockOn(hooks, [index.table], "SHARE UPDATE EXCLUSIVE") },
];

/** A unique index built concurrently, then made the constraint (`ADD CONSTRAINT … UNIQUE USING INDEX`, brief; the index takes the constraint's name). */
export const onlineAddUnique: OperationHandler<"add_unique"> = ({ unique }, hooks) => [
  createConcurrently(hooks, { ...unique, method: "btree" }, true),
  {
    sql: `ALTER TABLE ${hooks.quoteTable(unique.table)} ADD CONSTRAINT ${hooks.quoteIdentifier(unique.name)} UNIQUE USING INDEX ${hooks.quoteIdentifier(unique.name)}`,
    transaction: "own",
    tableLock: lockOn(hooks, [unique.table], "ACCESS EXCLUSIVE"),
  },
];

export const onlineAddCheck: OperationHandler<"add_check"> = ({ check }, hooks) => addThenValidate(hooks, check.table, check.name, `CHECK (${check.sql})`);

export const onlineAddForeignKey: OperationHandler<"add_foreign_key"> = ({ foreignKey }, hooks) =>
  addThenValidate(hooks, foreignKey.table, foreignKey.name, renderForeignKeyBody(hooks, foreignKey), foreignKey.references.table);

/**
 * SET NOT NULL without its scan under ACCESS EXCLUSIVE: a valid `CHECK (col IS NOT NULL)` lets
 * PostgreSQL 12+ skip the scan, so the check is added
 * `NOT VALID`, validated, the column set NOT NULL, and the helper check dropped. Everything else
 * of the change is the offline handler's (the planner refuses type changes that rewrite).
 */
export const onlineAlterColumn: OperationHandler<"alter_column"> = (operation, hooks, emitter) => {
  const { table, from, to } = operation;
  // Each ALTER TABLE of the change takes ACCESS EXCLUSIVE (briefly: the planner refuses rewrites).
  const statements = standardHandlers.alter_column(operation, hooks, emitter).map((statement) => ({ ...statement, tableLock: lockOn(hooks, [table], "ACCESS EXCLUSIVE") }));
  if (!(from.nullable && !to.nullable)) return statements;
  const q = hooks.quoteIdentifier;
  const setNotNull = `ALTER TABLE ${hooks.quoteTable(table)} ALTER COLUMN ${q(to.name)} SET NOT NULL`;
  const helper = deriveName([table, to.name, "not_null"], "mig", postgresCapabilities.maxIdentifierLength);
  return statements.flatMap((statement): Statement[] =>
    statement.sql !== setNotNull
      ? [statement]
      : [
          ...addThenValidate(hooks, table, helper, `CHECK (${q(to.name)} IS NOT NULL)`),
          { sql: setNotNull, transaction: "own", tableLock: lockOn(hooks, [table], "ACCESS EXCLUSIVE") },
          { sql: `ALTER TABLE ${hooks.quoteTable(table)} DROP CONSTRAINT ${q(helper)}`, transaction: "own", tableLock: lockOn(hooks, [table], "ACCESS EXCLUSIVE") },
        ],
  );
};
