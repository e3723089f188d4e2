import { type Emitter, type EmitterHooks, type RebuildTableOperation, type Statement, renderCreateTable } from "@mig/core/dialect";
import type { RebuildStatement, RebuildStep } from "./rebuild-statement";
import { rowidColumn } from "./rowid-column";

/** The name the new table is built under, next to the old one, until the old one is dropped. */
export const rebuildTableName = (table: string): string => `__mig_new_${table}`;

/**
 * The statements of a table rebuild, after "Making Other Kinds Of Table Schema Changes"
 *:
 *
 * 1. `PRAGMA foreign_keys = OFF`, outside the transaction: inside one it is a no-op
 *   , and with enforcement on, DROP TABLE deletes every row first,
 *    cascading into child tables. The first statement inside
 *    checks that enforcement really is off, so a rebuild never runs with it on.
 * 2. Drop the views and triggers that name the table (RENAME checks them).
 * 3. Create the new table under a temporary name; copy the rows (kept columns by `columnMap`,
 *    NULLs and new NOT NULL columns filled from `backfill`, types converted by affinity); compare
 *    the row counts; keep the AUTOINCREMENT counter.
 * 4. Drop the old table, rename the new one, create the indexes, re-create the views and triggers.
 * 5. `PRAGMA foreign_key_check` on the table and on every table that references it.
 * 6. `PRAGMA foreign_keys = ON` after the transaction, whether it committed or rolled back.
 *
 * @example
 * ```ts
 * sqliteEmitter.emit({ kind: "rebuild_table", from, to, columnMap: { id: "id", name: "name" } });
 * ```
 */
export function emitRebuild(operation: RebuildTableOperation, hooks: EmitterHooks, emitter: Emitter): Statement[] {
  const { from, to } = operation;
  const table = from.table.name;
  const q = hooks.quoteIdentifier;
  const temporary = rebuildTableName(to.table.name);
  const step = (name: RebuildStep, sql: string, params?: readonly unknown[]): RebuildStatement => ({ sql, ...(params ? { params } : {}), rebuild: { table, step: name } });

  const columns: string[] = [];
  const values: string[] = [];
  for (const column of to.columns) {
    const source = Object.hasOwn(operation.columnMap, column.name) ? operation.columnMap[column.name] : undefined;
    const old = source === undefined ? undefined : from.columns.find((c) => c.name === source);
    const backfill = operation.backfill && Object.hasOwn(operation.backfill, column.name) ? operation.backfill[column.name] : undefined;
    const filled = backfill === undefined ? undefined : hooks.quoteLiteral(backfill, column);
    // A column neither copied nor backfilled is left out: it gets its default (evaluated per row).
    if (!old && filled === undefined) continue;
    const copied = old ? hooks.renderCast(q(old.name), old, column) : undefined;
    columns.push(q(column.name));
    values.push(copied && filled !== undefined ? `COALESCE(${copied}, ${filled})` : (copied ?? (filled as string)));
  }
  // With no column to copy (every column new, with a default), the rowid still makes one row per row.
  const copy = columns.length === 0
    ? `INSERT INTO ${q(temporary)} (rowid)\nSELECT rowid FROM ${q(table)}`
    : `INSERT INTO ${q(temporary)} (${columns.join(", ")})\nSELECT ${values.join(", ")} FROM ${q(table)}`;
  const serial = rowidColumn(to) && rowidColumn(from);

  return [
    { sql: "PRAGMA foreign_keys = OFF", outsideTransaction: "before" },
    step("guard", "PRAGMA foreign_keys"),
    step("drop-dependents", "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('view', 'trigger') AND sql IS NOT NULL ORDER BY rowid"),
    step("create", renderCreateTable(hooks, to, temporary)),
    step("copy", copy),
    // AUTOINCREMENT never reuses a rowid: the new table takes over the old counter.
    ...(serial
      ? [
          step("sequence", "DELETE FROM sqlite_sequence WHERE name = ?", [temporary]),
          step("sequence", "INSERT INTO sqlite_sequence (name, seq) SELECT ?, seq FROM sqlite_sequence WHERE name = ?", [temporary, table]),
        ]
      : []),
    step("count", `SELECT (SELECT count(*) FROM ${q(table)}) AS "before", (SELECT count(*) FROM ${q(temporary)}) AS "after"`),
    step("drop", `DROP TABLE ${q(table)}`),
    step("rename", `ALTER TABLE ${q(temporary)} RENAME TO ${q(to.table.name)}`),
    ...to.indexes.flatMap((index) => emitter.emit({ kind: "add_index", index: { ...index, table: to.table.name } }).map((s) => step("index", s.sql, s.params))),
    step("restore-dependents", `-- re-create the views and triggers dropped before, from their saved SQL`),
    step("foreign-key-check", FOREIGN_KEY_CHECK, [to.table.name, to.table.name]),
    { sql: "PRAGMA foreign_keys = ON", outsideTransaction: "after" },
  ];
}

/**
 * Foreign-key violations of the table (parameter 1) and of
 * every table whose foreign keys reference it (parameter 2), counted per child and parent table.
 */
const FOREIGN_KEY_CHECK = [
  `WITH related(name) AS (`,
  `  SELECT ?`,
  `  UNION SELECT m.name FROM sqlite_master AS m, pragma_foreign_key_list(m.name) AS f WHERE m.type = 'table' AND f."table" = ? COLLATE NOCASE`,
  `)`,
  `SELECT k."table" AS "table", k.parent AS parent, count(*) AS "rows" FROM related AS r, pragma_foreign_key_check(r.name) AS k GROUP BY k."table", k.parent ORDER BY 1, 2`,
].join("\n");
