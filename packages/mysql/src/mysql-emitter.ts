import {
  type ColumnEntity,
  type Emitter,
  type EmitterHooks,
  type ForeignKeyEntity,
  type IndexEntity,
  MigError,
  type OperationHandlers,
  type Statement,
  type TableSchema,
  type TypeMapper,
  createEmitter,
  quoteIdentifierWith,
  renderBackfillNulls,
  renderForeignKeyBody,
  renderTableBody,
  standardHandlers,
} from "@mig/core/dialect";
import { mysqlCapabilities } from "./mysql-capabilities";
import { renderMysqlDefault } from "./mysql-default";
import { quoteMysqlLiteral } from "./mysql-literal";
import { withOnline } from "./mysql-online";

const list = (hooks: EmitterHooks, names: readonly string[]) => names.map((n) => hooks.quoteIdentifier(n)).join(", ");

/**
 * `name TYPE NOT NULL|NULL [DEFAULT ...] [AUTO_INCREMENT]`. NULL is written out so that a
 * MODIFY COLUMN, which restates the whole column, never depends on the server's implicit choice.
 */
function renderMysqlColumn(hooks: EmitterHooks, column: ColumnEntity, inlinePrimaryKey: boolean): string {
  let sql = `${hooks.quoteIdentifier(column.name)} ${hooks.renderType(column)} ${column.nullable ? "NULL" : "NOT NULL"}`;
  if (column.default) sql += ` DEFAULT ${hooks.renderDefault(column.default, column)}`;
  if (column.type === "serial" || column.type === "bigserial") sql += " AUTO_INCREMENT";
  if (inlinePrimaryKey) sql += " PRIMARY KEY";
  return sql;
}

/**
 * InnoDB drops `ON DELETE SET DEFAULT` without a word and keeps RESTRICT, so mig refuses it instead of creating something else.
 */
function checkActions(fk: ForeignKeyEntity): void {
  if (fk.onDelete === "set default" || fk.onUpdate === "set default") {
    throw new MigError("MIG_E_UNSUPPORTED", `Foreign key "${fk.name}" on "${fk.table}": MySQL and MariaDB (InnoDB) do not support SET DEFAULT`, {
      hint: 'Use "set null", "restrict", "cascade" or "no action".',
      meta: { table: fk.table, foreignKey: fk.name },
    });
  }
}

/**
 * The index backing a foreign key. InnoDB needs an index on a foreign key's columns and creates one
 * named after the constraint when none fits; `DROP FOREIGN KEY` leaves
 * it behind. mig always creates it itself, under the constraint's name, and drops it with the key,
 * so forwards and backwards are exact whatever other indexes exist; introspection hides it.
 */
function foreignKeyIndex(hooks: EmitterHooks, fk: ForeignKeyEntity): string {
  return `INDEX ${hooks.quoteIdentifier(fk.name)} (${list(hooks, fk.columns)})`;
}

/** `INDEX name [USING method] (columns)`, as CREATE TABLE and ALTER TABLE … ADD write it. */
function indexClause(hooks: EmitterHooks, index: IndexEntity): string {
  return `INDEX ${hooks.quoteIdentifier(index.name)}${hooks.renderIndexMethod(index)} (${list(hooks, index.columns)})`;
}

/** CREATE TABLE with everything inline: one statement, so one implicit commit. */
function createTable(hooks: EmitterHooks, schema: TableSchema): Statement {
  const lines = renderTableBody(hooks, { ...schema, foreignKeys: [] });
  for (const index of schema.indexes) lines.push(indexClause(hooks, index));
  for (const fk of schema.foreignKeys) {
    checkActions(fk);
    lines.push(foreignKeyIndex(hooks, fk), `CONSTRAINT ${hooks.quoteIdentifier(fk.name)} ${renderForeignKeyBody(hooks, fk)}`);
  }
  return { sql: `CREATE TABLE ${hooks.quoteIdentifier(schema.table.name)} (\n  ${lines.join(",\n  ")}\n)` };
}

/** Handlers that differ from the standard ones. */
export const mysqlHandlers: Partial<OperationHandlers> = {
  create_table: ({ schema }, hooks) => [createTable(hooks, schema)],
  rename_table: ({ from, to }, hooks) => [{ sql: `RENAME TABLE ${hooks.quoteIdentifier(from)} TO ${hooks.quoteIdentifier(to)}` }],
  // MODIFY COLUMN restates the whole column (type, NULL, DEFAULT,
  // AUTO_INCREMENT), so it is written from `to` in full. NULLs are backfilled first when the
  // column becomes NOT NULL: in strict mode MODIFY would fail on them.
  alter_column: ({ table, from, to, backfill }, hooks) => {
    const q = hooks.quoteIdentifier;
    const out: Statement[] = [];
    if (from.nullable && !to.nullable && backfill !== undefined && backfill !== null) out.push(renderBackfillNulls(hooks, table, to, backfill));
    const definition = hooks.renderColumn(to, { inlinePrimaryKey: false });
    // timestamp → timestamptz, json → jsonb: the same native column, nothing to do.
    if (definition !== hooks.renderColumn(from, { inlinePrimaryKey: false })) {
      out.push({ sql: `ALTER TABLE ${q(table)} MODIFY COLUMN ${definition}` });
    }
    return out;
  },
  // ALTER TABLE … ADD INDEX online (it takes ALGORITHM and LOCK; CREATE INDEX's own options differ
  // between MySQL and MariaDB), CREATE INDEX otherwise.
  add_index: (operation, hooks, emitter) =>
    operation.online ? [{ sql: `ALTER TABLE ${hooks.quoteIdentifier(operation.index.table)} ADD ${indexClause(hooks, operation.index)}` }] : standardHandlers.add_index(operation, hooks, emitter),
  drop_index: ({ index, online }, hooks) => [
    { sql: online ? `ALTER TABLE ${hooks.quoteIdentifier(index.table)} DROP INDEX ${hooks.quoteIdentifier(index.name)}` : `DROP INDEX ${hooks.quoteIdentifier(index.name)} ON ${hooks.quoteIdentifier(index.table)}` },
  ],
  // A unique constraint is a unique index in MySQL; DROP INDEX works on MySQL 8 and MariaDB alike.
  drop_unique: ({ unique }, hooks) => [
    { sql: `ALTER TABLE ${hooks.quoteIdentifier(unique.table)} DROP INDEX ${hooks.quoteIdentifier(unique.name)}` },
  ],
  add_foreign_key: ({ foreignKey: fk }, hooks) => {
    checkActions(fk);
    const q = hooks.quoteIdentifier;
    return [{ sql: `ALTER TABLE ${q(fk.table)} ADD ${foreignKeyIndex(hooks, fk)}, ADD CONSTRAINT ${q(fk.name)} ${renderForeignKeyBody(hooks, fk)}` }];
  },
  drop_foreign_key: ({ foreignKey: fk }, hooks) => {
    const q = hooks.quoteIdentifier;
    return [{ sql: `ALTER TABLE ${q(fk.table)} DROP FOREIGN KEY ${q(fk.name)}, DROP INDEX ${q(fk.name)}` }];
  },
};

/**
 * The MySQL / MariaDB emitter: backtick identifiers, backslash-aware literals, MySQL defaults,
 * and the handlers above on top of the standard ones.
 */
export function createMysqlEmitter(types: TypeMapper): Emitter {
  const emitter: Emitter = createEmitter({
    types,
    capabilities: mysqlCapabilities,
    hooks: () => ({
      quoteIdentifier: quoteIdentifierWith("`", { maxBytes: mysqlCapabilities.maxIdentifierLength }),
      quoteLiteral: quoteMysqlLiteral,
      renderDefault: renderMysqlDefault,
      renderColumn: (column, context) => renderMysqlColumn(emitter.hooks, column, context.inlinePrimaryKey),
    }),
    handlers: withOnline({ ...standardHandlers, ...mysqlHandlers }),
  });
  return emitter;
}
