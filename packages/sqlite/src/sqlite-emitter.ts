import {
  type ColumnEntity,
  type EmitterHooks,
  type Emitter,
  type OperationHandler,
  type SchemaOperationKind,
  type TableSchema,
  MigError,
  createEmitter,
  renderForeignKeyBody,
} from "@mig/core";
import { renderSqliteDefault } from "./sqlite-defaults";
import { sqliteQuoteLiteral } from "./sqlite-literals";
import { sqliteTypes } from "./sqlite-type-mapper";

const HINT = "SQLite cannot change this in place; recreate the table (a table rebuild), or change the model.";

/** `MIG_E_UNSUPPORTED` naming the operation: the planner refuses these first, this is the backstop. */
function unsupported<K extends SchemaOperationKind>(kind: K, what: (operation: Parameters<OperationHandler<K>>[0]) => string, why: string): OperationHandler<K> {
  return (operation) => {
    throw new MigError("MIG_E_UNSUPPORTED", `SQLite cannot ${what(operation)} (${kind}): ${why}`, {
      hint: HINT,
      meta: { operation: kind },
    });
  };
}

/** The column that is SQLite's rowid alias: a serial that is the whole primary key. */
function rowidColumn(schema: TableSchema): ColumnEntity | undefined {
  const [only, ...more] = schema.table.primaryKey;
  const column = schema.columns.find((c) => c.name === only);
  return more.length === 0 && column && (column.type === "serial" || column.type === "bigserial") ? column : undefined;
}

const list = (hooks: EmitterHooks, names: readonly string[]) => names.map((n) => hooks.quoteIdentifier(n)).join(", ");

/** CREATE TABLE body. A serial primary key is written inline; every other key as a table constraint. */
function renderSqliteTableBody(hooks: EmitterHooks, schema: TableSchema): string[] {
  const q = hooks.quoteIdentifier;
  const rowid = rowidColumn(schema);
  const lines = schema.columns.map((c) => hooks.renderColumn(c, { inlinePrimaryKey: c === rowid }));
  if (!rowid && schema.table.primaryKey.length > 0) lines.push(`PRIMARY KEY (${list(hooks, schema.table.primaryKey)})`);
  // UNIQUE constraints live inside CREATE TABLE: SQLite has no ALTER TABLE ADD CONSTRAINT
  // (lang_altertable.html), and a constraint keeps its name only in the stored CREATE TABLE text.
  for (const u of schema.uniques) lines.push(`CONSTRAINT ${q(u.name)} UNIQUE (${list(hooks, u.columns)})`);
  for (const c of schema.checks) lines.push(`CONSTRAINT ${q(c.name)} CHECK (${c.sql})`);
  for (const fk of schema.foreignKeys) lines.push(`CONSTRAINT ${q(fk.name)} ${renderForeignKeyBody(hooks, fk)}`);
  return lines;
}

/**
 * The SQLite emitter: standard SQL hooks and handlers, with SQLite's literals, defaults,
 * rowid primary keys, and a coded refusal for every change SQLite cannot make in place.
 *
 * @example
 * ```ts
 * sqliteEmitter.emit({ kind: "rename_table", from: "band", to: "group" });
 * // [{ sql: 'ALTER TABLE "band" RENAME TO "group"' }]
 * ```
 */
export const sqliteEmitter: Emitter = createEmitter({
  types: sqliteTypes,
  hooks: (standard) => {
    const hooks: Partial<EmitterHooks> = {
      quoteLiteral: sqliteQuoteLiteral,
      renderDefault: (value, column) => renderSqliteDefault(sqliteQuoteLiteral, value, column),
      renderColumn: (column, context) => {
        if (column.type !== "serial" && column.type !== "bigserial") return standard.renderColumn(column, context);
        // AUTOINCREMENT only exists on the rowid alias, "INTEGER PRIMARY KEY" written inline
        // (autoinc.html, lang_createtable.html#rowid): a serial anywhere else cannot be made.
        if (!context.inlinePrimaryKey) {
          throw new MigError("MIG_E_UNSUPPORTED", `SQLite can only auto-increment a single-column primary key ("${column.table}"."${column.name}")`, {
            hint: "Make the serial column the table's only primary key column, or use integer().",
            meta: { table: column.table, column: column.name },
          });
        }
        return `${standard.quoteIdentifier(column.name)} INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT`;
      },
    };
    return hooks;
  },
  handlers: {
    create_table: ({ schema }, hooks, emitter) => [
      { sql: `CREATE TABLE ${hooks.quoteIdentifier(schema.table.name)} (\n  ${renderSqliteTableBody(hooks, schema).join(",\n  ")}\n)` },
      ...schema.indexes.flatMap((index) => emitter.emit({ kind: "add_index", index })),
    ],
    add_column: (operation, hooks) => {
      const { table, column, backfill } = operation;
      // ADD COLUMN with NOT NULL needs a non-NULL default, and a default can never be dropped
      // afterwards (lang_altertable.html#altertabaddcol): a backfill would stay as the column's
      // default forever. Refused rather than leaving a default the model does not have.
      if (backfill !== undefined && !column.default) {
        throw new MigError("MIG_E_UNSUPPORTED", `SQLite cannot add the NOT NULL column "${table}"."${column.name}" without a default (add_column with a backfill)`, {
          hint: "Give the column a default, make it nullable, or recreate the table.",
          meta: { operation: "add_column", table, column: column.name },
        });
      }
      // CURRENT_* and expression defaults are only accepted while the table is empty
      // (lang_altertable.html#altertabaddcol: "Cannot add a column with non-constant default").
      return [{ sql: `ALTER TABLE ${hooks.quoteIdentifier(table)} ADD COLUMN ${hooks.renderColumn(column, { inlinePrimaryKey: false })}` }];
    },
    add_index: ({ index }, hooks) => {
      // SQLite indexes are all b-trees (lang_createindex.html); there is no USING clause.
      if (index.method !== "btree") {
        throw new MigError("MIG_E_UNSUPPORTED", `SQLite has no ${index.method} indexes (index "${index.name}" on "${index.table}")`, {
          meta: { operation: "add_index", table: index.table, index: index.name },
        });
      }
      return [{ sql: `CREATE INDEX ${hooks.quoteIdentifier(index.name)} ON ${hooks.quoteIdentifier(index.table)} (${list(hooks, index.columns)})` }];
    },
    // SQLite's ALTER TABLE only renames a table, renames / adds / drops a column
    // (lang_altertable.html): a column's type, nullability and default are fixed.
    alter_column: unsupported("alter_column", (o) => `alter column "${o.table}"."${o.to.name}"`, "ALTER TABLE has no ALTER COLUMN"),
    // No ADD / DROP CONSTRAINT (lang_altertable.html): constraints are part of CREATE TABLE.
    add_unique: unsupported("add_unique", (o) => `add unique constraint "${o.unique.name}" to "${o.unique.table}"`, "ALTER TABLE has no ADD CONSTRAINT"),
    drop_unique: unsupported("drop_unique", (o) => `drop unique constraint "${o.unique.name}" from "${o.unique.table}"`, "ALTER TABLE has no DROP CONSTRAINT"),
    add_check: unsupported("add_check", (o) => `add check constraint "${o.check.name}" to "${o.check.table}"`, "ALTER TABLE has no ADD CONSTRAINT"),
    drop_check: unsupported("drop_check", (o) => `drop check constraint "${o.check.name}" from "${o.check.table}"`, "ALTER TABLE has no DROP CONSTRAINT"),
    add_foreign_key: unsupported("add_foreign_key", (o) => `add foreign key "${o.foreignKey.name}" to "${o.foreignKey.table}"`, "ALTER TABLE has no ADD CONSTRAINT"),
    drop_foreign_key: unsupported("drop_foreign_key", (o) => `drop foreign key "${o.foreignKey.name}" from "${o.foreignKey.table}"`, "ALTER TABLE has no DROP CONSTRAINT"),
    rebuild_table: unsupported("rebuild_table", (o) => `rebuild table "${o.from.table.name}"`, "this version of the SQLite dialect does not rebuild tables"),
  },
});
