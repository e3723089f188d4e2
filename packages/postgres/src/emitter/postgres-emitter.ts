import { type ColumnDefault, type ColumnEntity, type Emitter, createEmitter, schemaOfTable, standardHandlers } from "@mig/core/dialect";
import { postgresCapabilities } from "../postgres-capabilities";
import { postgresTypeMapper } from "../postgres-type-mapper";
import { alterColumnType } from "./alter-column";
import { enumAlterColumn, enumHandlers } from "./enum-handlers";
import { postgresColumnType } from "./enum-type-ref";
import { moveEnumColumns } from "./move-enum-columns";
import { onlineAddCheck, onlineAddForeignKey, onlineAddIndex, onlineAddUnique, onlineAlterColumn, onlineDropIndex } from "./online-handlers";
import { quotePostgresLiteral } from "./quote-literal";
import { renderPostgresCast } from "./render-cast";
import { ensureSchema, releaseSchema, renderSetSchema } from "./schema-statements";

function renderDefault(value: ColumnDefault, column: ColumnEntity, standard: (v: ColumnDefault, c: ColumnEntity) => string): string {
  // gen_random_uuid() is built in since PostgreSQL 13; before that it needed the pgcrypto extension.
  if (value.kind === "random") return "gen_random_uuid()";
  return standard(value, column);
}

/**
 * The PostgreSQL emitter: the standard SQL emitter of core with PostgreSQL's literals, casts,
 * index methods and serial handling. Needs no connection.
 *
 * @example
 * ```ts
 * postgresEmitter.emit({ kind: "add_index", index: { kind: "index", table: "band", name: "band_tags_idx", columns: ["tags"], method: "gin" } });
 * // [{ sql: 'CREATE INDEX "band_tags_idx" ON "band" USING gin ("tags")' }]
 * ```
 */
export const postgresEmitter: Emitter = createEmitter({
  types: postgresTypeMapper,
  capabilities: postgresCapabilities,
  hooks: (standard) => ({
    quoteLiteral: quotePostgresLiteral,
    // An enum column of a table in a named schema has that schema's type (enum-type-ref.ts).
    renderType: postgresColumnType,
    renderDefault: (value, column) => renderDefault(value, column, standard.renderDefault),
    renderCast: renderPostgresCast,
    alterColumnType: (table, from, to) => alterColumnType(standard, table, from, to),
    renderSetSchema: (table, schema) => renderSetSchema(standard, table, schema),
  }),
  // Operations marked online get their non-blocking forms (online-handlers.ts).
  handlers: {
    ...enumHandlers,
    // A table in a named schema: the schema is made when first needed and dropped when mig made it and it is empty (schema-statements.ts);
    // a moved table's enum columns take the types of its new schema (move-enum-columns.ts).
    create_table: (op, hooks, emitter) => [...ensureSchema(hooks, op.schema.table.name), ...enumHandlers.create_table(op, hooks, emitter)],
    drop_table: (op, hooks, emitter) => [...enumHandlers.drop_table(op, hooks, emitter), ...releaseSchema(hooks, op.schema.table.name)],
    rename_table: (op, hooks, emitter) =>
      schemaOfTable(op.from) === schemaOfTable(op.to)
        ? standardHandlers.rename_table(op, hooks, emitter)
        : [...ensureSchema(hooks, op.to), ...standardHandlers.rename_table(op, hooks, emitter), moveEnumColumns(hooks, op.to), ...releaseSchema(hooks, op.from)],
    alter_column: (op, hooks, emitter) => (op.online ? onlineAlterColumn(op, hooks, emitter) : enumAlterColumn(op, hooks, emitter, standardHandlers.alter_column)),
    add_index: (op, hooks, emitter) => (op.online ? onlineAddIndex : standardHandlers.add_index)(op, hooks, emitter),
    drop_index: (op, hooks, emitter) => (op.online ? onlineDropIndex : standardHandlers.drop_index)(op, hooks, emitter),
    add_unique: (op, hooks, emitter) => (op.online ? onlineAddUnique : standardHandlers.add_unique)(op, hooks, emitter),
    add_check: (op, hooks, emitter) => (op.online ? onlineAddCheck : standardHandlers.add_check)(op, hooks, emitter),
    add_foreign_key: (op, hooks, emitter) => (op.online ? onlineAddForeignKey : standardHandlers.add_foreign_key)(op, hooks, emitter),
  },
});

/**
 * `"name"` with inner quotes doubled. A name longer than `maxIdentifierLength` (63 bytes) is
 * refused: PostgreSQL would silently cut it short, and mig would then look for a name that does
 * not exist.
 */
export const quotePostgresIdentifier: (name: string) => string = postgresEmitter.hooks.quoteIdentifier;
