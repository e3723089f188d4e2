import {
  type EmitterHooks,
  type Emitter,
  type OperationHandler,
  type SchemaOperationKind,
  MigError,
  createEmitter,
  standardHandlers,
} from "@mig/core/dialect";
import { emitRebuild } from "./emit-rebuild";
import { enumCheck } from "./enum-check";
import { renderSqliteDefault } from "./sqlite-defaults";
import { quoteSqliteLiteral } from "./sqlite-literals";
import { rowidColumn } from "./rowid-column";
import { sqliteCapabilities } from "./sqlite-capabilities";
import { sqliteTypeMapper } from "./sqlite-type-mapper";

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
  types: sqliteTypeMapper,
  capabilities: sqliteCapabilities,
  hooks: (standard) => {
    const hooks: Partial<EmitterHooks> = {
      quoteLiteral: quoteSqliteLiteral,
      renderDefault: (value, column) => renderSqliteDefault(quoteSqliteLiteral, value, column),
      renderColumn: (column, context) => {
        // An enum is a text column that takes only its labels (the introspector reads it back from this CHECK).
        if (column.type === "enum") return `${standard.renderColumn(column, context)} ${enumCheck(standard, column)}`;
        if (column.type !== "serial" && column.type !== "bigserial") return standard.renderColumn(column, context);
        // AUTOINCREMENT only exists on the rowid alias, "INTEGER PRIMARY KEY" written inline
        //: a serial anywhere else cannot be made.
        if (!context.inlinePrimaryKey) {
          throw new MigError("MIG_E_UNSUPPORTED", `SQLite can only auto-increment a single-column primary key ("${column.table}"."${column.name}")`, {
            hint: "Make the serial column the table's only primary key column, or use integer().",
            meta: { table: column.table, column: column.name },
          });
        }
        return `${standard.quoteIdentifier(column.name)} INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT`;
      },
      // A rebuild copies values into columns of the new type without CAST: the new column's type
      // affinity converts a value only when the conversion is lossless and keeps it as it is
      // otherwise, where CAST('abc' AS INTEGER) would silently give 0.
      renderCast: (expression) => expression,
      inlinePrimaryKeyColumn: (schema) => rowidColumn(schema)?.name,
    };
    return hooks;
  },
  handlers: {
    add_column: (operation, hooks, emitter) => {
      const { table, column, backfill } = operation;
      // ADD COLUMN with NOT NULL needs a non-NULL default, and a default can never be dropped
      // afterwards: a backfill would stay as the column's
      // default forever. Refused rather than leaving a default the model does not have.
      if (backfill !== undefined && !column.default) {
        throw new MigError("MIG_E_UNSUPPORTED", `SQLite cannot add the NOT NULL column "${table}"."${column.name}" without a default (add_column with a backfill)`, {
          hint: "Give the column a default, make it nullable, or recreate the table.",
          meta: { operation: "add_column", table, column: column.name },
        });
      }
      // CURRENT_* and expression defaults are only accepted while the table is empty
      // (SQLite says "Cannot add a column with non-constant default").
      // A planned inline foreign key (`references`) is allowed when the default is NULL (same page).
      return standardHandlers.add_column(operation, hooks, emitter);
    },
    // SQLite's ALTER TABLE only renames a table, renames / adds / drops a column
    //: a column's type, nullability and default are fixed.
    alter_column: unsupported("alter_column", (o) => `alter column "${o.table}"."${o.to.name}"`, "ALTER TABLE has no ALTER COLUMN"),
    // No ADD / DROP CONSTRAINT: constraints are part of CREATE TABLE.
    add_unique: unsupported("add_unique", (o) => `add unique constraint "${o.unique.name}" to "${o.unique.table}"`, "ALTER TABLE has no ADD CONSTRAINT"),
    drop_unique: unsupported("drop_unique", (o) => `drop unique constraint "${o.unique.name}" from "${o.unique.table}"`, "ALTER TABLE has no DROP CONSTRAINT"),
    add_check: unsupported("add_check", (o) => `add check constraint "${o.check.name}" to "${o.check.table}"`, "ALTER TABLE has no ADD CONSTRAINT"),
    drop_check: unsupported("drop_check", (o) => `drop check constraint "${o.check.name}" from "${o.check.table}"`, "ALTER TABLE has no DROP CONSTRAINT"),
    add_foreign_key: unsupported("add_foreign_key", (o) => `add foreign key "${o.foreignKey.name}" to "${o.foreignKey.table}"`, "ALTER TABLE has no ADD CONSTRAINT"),
    drop_foreign_key: unsupported("drop_foreign_key", (o) => `drop foreign key "${o.foreignKey.name}" from "${o.foreignKey.table}"`, "ALTER TABLE has no DROP CONSTRAINT"),
    // A new table, the rows copied, the old one dropped, with foreign keys off outside the
    // transaction and checked before COMMIT: see emit-rebuild.ts.
    rebuild_table: (operation, hooks, emitter) => emitRebuild(operation, hooks, emitter),
  },
});
