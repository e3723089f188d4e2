import { type ColumnDefault, type ColumnEntity, type Emitter, type IndexEntity, MigError, createEmitter, quoteIdentifierWith, standardHandlers } from "@mig/core/dialect";
import { postgresTypeMapper } from "../postgres-type-mapper";
import { alterColumn } from "./alter-column";
import { onlineAddCheck, onlineAddForeignKey, onlineAddIndex, onlineAddUnique, onlineAlterColumn, onlineDropIndex } from "./online-handlers";
import { quoteLiteral } from "./quote-literal";
import { renderCast } from "./render-cast";

const MAX_IDENTIFIER_BYTES = 63;
const standardQuote = quoteIdentifierWith('"');

/**
 * `"name"` with inner quotes doubled (manual §4.1.1). A name longer than 63 bytes is refused:
 * PostgreSQL would silently truncate it (NAMEDATALEN), and mig would then look for a name that
 * does not exist.
 */
export function quoteIdentifier(name: string): string {
  // A UTF-16 unit is at most 3 UTF-8 bytes: a short name needs no measuring.
  if (!(typeof name === "string" && name.length * 3 <= MAX_IDENTIFIER_BYTES) && Buffer.byteLength(name, "utf8") > MAX_IDENTIFIER_BYTES) {
    throw new MigError("MIG_E_IDENTIFIER", `The name ${JSON.stringify(name)} is longer than PostgreSQL's ${MAX_IDENTIFIER_BYTES} bytes`, {
      hint: "Choose a shorter name (PostgreSQL truncates longer ones silently).",
      meta: { name, maxBytes: MAX_IDENTIFIER_BYTES },
    });
  }
  return standardQuote(name);
}

function renderDefault(value: ColumnDefault, column: ColumnEntity, standard: (v: ColumnDefault, c: ColumnEntity) => string): string {
  // gen_random_uuid() is in core since PostgreSQL 13 (§9.14); before that it needed pgcrypto.
  if (value.kind === "random") return "gen_random_uuid()";
  return standard(value, column);
}

function renderCreateIndex(index: IndexEntity): string {
  const columns = index.columns.map(quoteIdentifier).join(", ");
  // btree is the default method (manual: CREATE INDEX); writing it only for the others keeps the
  // common statement plain.
  const using = index.method === "btree" ? "" : ` USING ${index.method}`;
  return `CREATE INDEX ${quoteIdentifier(index.name)} ON ${quoteIdentifier(index.table)}${using} (${columns})`;
}

/**
 * The PostgreSQL emitter: the standard SQL emitter of core with PostgreSQL's literals, casts,
 * index methods and serial handling. Needs no connection.
 *
 * @example
 * ```ts
 * postgresEmitter.emit({ kind: "add_index", index: { entity: "index", table: "band", name: "band_tags_idx", columns: ["tags"], method: "gin" } });
 * // [{ sql: 'CREATE INDEX "band_tags_idx" ON "band" USING gin ("tags")' }]
 * ```
 */
export const postgresEmitter: Emitter = createEmitter({
  types: postgresTypeMapper,
  hooks: (standard) => ({
    quoteIdentifier,
    quoteLiteral,
    renderDefault: (value, column) => renderDefault(value, column, standard.renderDefault),
    renderCast,
  }),
  // Operations marked online get their non-blocking forms (online-handlers.ts).
  handlers: {
    alter_column: (op, hooks, emitter) => (op.online ? onlineAlterColumn(op, hooks, emitter) : alterColumn(op, hooks, emitter)),
    add_index: (op, hooks, emitter) => (op.online ? onlineAddIndex(op, hooks, emitter) : [{ sql: renderCreateIndex(op.index) }]),
    drop_index: (op, hooks, emitter) => (op.online ? onlineDropIndex(op, hooks, emitter) : [{ sql: `DROP INDEX ${quoteIdentifier(op.index.name)}` }]),
    add_unique: (op, hooks, emitter) => (op.online ? onlineAddUnique(op, hooks, emitter) : standardHandlers.add_unique(op, hooks, emitter)),
    add_check: (op, hooks, emitter) => (op.online ? onlineAddCheck(op, hooks, emitter) : standardHandlers.add_check(op, hooks, emitter)),
    add_foreign_key: (op, hooks, emitter) => (op.online ? onlineAddForeignKey(op, hooks, emitter) : standardHandlers.add_foreign_key(op, hooks, emitter)),
  },
});
