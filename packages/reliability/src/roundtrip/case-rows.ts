import { type Dialect } from "@mig/core";
import { type ColumnEntity, type Connection, invertOperation } from "@mig/core/dialect";
import { createRawDb } from "@mig/core/internal";
import { typeLabel } from "./dialect-profile";
import type { RoundTripCase } from "./generate-case";
import { comparable, rowValue } from "./row-values";
import { writtenValue } from "./stored-values";
import { type ColumnModel, type TableModel, effectiveType } from "./schema-model";

/** What one cell must hold: a comparable value, `null`, or "something" (a now() or random default). */
type Expected = string | null | { readonly anyNonNull: true };

const isNullRow = (c: RoundTripCase, id: string, i: number) => c.nullable.has(id) && i % 3 === 0;

/** The row of every table that leaves out its columns with a literal default: the database writes the default there. */
const DEFAULT_ROW = 2;

/**
 * Whether row `i` leaves `column` (of A) out, so that it holds the column's default, which every
 * later check then expects: a literal default of a column whose type B keeps (a type change
 * converts the values the generator chose to survive it, not defaults). Never a NULL row.
 */
function takesDefault(c: RoundTripCase, column: ColumnModel, i: number): boolean {
  if (i !== DEFAULT_ROW || column.default?.kind !== "value" || column.references || isNullRow(c, column.id, i)) return false;
  const later = c.b.tables.flatMap((t) => t.columns).find((n) => n.id === column.id);
  return later === undefined || typeLabel(later.type) === typeLabel(column.type);
}

/** Inserts the rows of A: row `i` has primary key `i`; tables in order (a foreign key points to an earlier table). */
export async function insertRows(dialect: Dialect, connection: Connection, c: RoundTripCase): Promise<void> {
  const db = createRawDb(connection, dialect);
  for (const t of c.a.tables) {
    for (let i = 1; i <= c.rows; i++) {
      const row: Record<string, unknown> = { id: i };
      for (const column of t.columns) {
        if (takesDefault(c, column, i)) continue;
        const type = effectiveType(column);
        row[column.name] = isNullRow(c, column.id, i) ? null : writtenValue(dialect, type, rowValue(c.kinds.get(column.id)!, type, column.salt, i));
      }
      await db.table(t.name).insert(row);
    }
  }
}

function originalValue(c: RoundTripCase, column: ColumnModel, readAs: ColumnModel, i: number): Expected {
  const type = effectiveType(readAs).type;
  if (takesDefault(c, column, i)) return comparable((column.default as { value: unknown }).value, type);
  if (isNullRow(c, column.id, i)) {
    const backfill = c.madeNotNull.get(column.id);
    return backfill === undefined ? null : comparable(backfill, type);
  }
  return comparable(rowValue(c.kinds.get(column.id)!, effectiveType(column), column.salt, i), type);
}

function defaultCell(table: string, column: ColumnModel): Expected {
  const type = effectiveType(column);
  if (column.default?.kind === "value") return comparable(column.default.value, type.type);
  if (column.default) return { anyNonNull: true };
  if (column.nullable) return null;
  // A dropped NOT NULL column without a default comes back with mig's placeholder in existing rows.
  const entity: ColumnEntity = { kind: "column", table, name: column.name, ...type, nullable: false, default: null };
  const back = invertOperation({ kind: "drop_column", table, column: entity });
  return back.kind === "add_column" && back.backfill !== undefined ? comparable(back.backfill, type.type) : null;
}

/** Expected cells of a table of B whose rows came from A (after `forwards`). */
function expectedAfterForwards(c: RoundTripCase, before: TableModel, after: TableModel): (column: ColumnModel, i: number) => Expected {
  return (column, i) => {
    const old = before.columns.find((o) => o.id === column.id);
    if (old) return originalValue(c, old, column, i);
    const fill = c.added.get(column.id);
    if (fill?.kind === "backfill") return comparable(fill.text, effectiveType(column).type);
    if (fill?.kind === "default") return defaultCell(after.name, column);
    return null;
  };
}

/** Expected cells of a table of A after `backwards`: kept columns hold their data, dropped ones came back with their default. */
function expectedAfterBackwards(c: RoundTripCase, before: TableModel, after: TableModel | undefined): (column: ColumnModel, i: number) => Expected {
  return (column, i) => {
    const kept = after?.columns.some((n) => n.id === column.id);
    return kept ? originalValue(c, column, column, i) : defaultCell(before.name, column);
  };
}

async function readRows(dialect: Dialect, connection: Connection, table: string): Promise<Record<string, unknown>[]> {
  const q = (name: string) => dialect.emitter.hooks.quoteIdentifier(name);
  return (await connection.query<Record<string, unknown>>(`SELECT * FROM ${q(table)} ORDER BY ${q("id")}`)).rows;
}

async function compareTable(
  dialect: Dialect,
  connection: Connection,
  table: TableModel,
  rowCount: number,
  expected: (column: ColumnModel, i: number) => Expected,
  problems: string[],
): Promise<void> {
  const rows = await readRows(dialect, connection, table.name);
  if (rows.length !== rowCount) {
    problems.push(`${table.name}: ${rows.length} rows, expected ${rowCount}`);
    return;
  }
  rows.forEach((row, index) => {
    const i = index + 1;
    if (comparable(row.id, "integer") !== String(i)) problems.push(`${table.name} row ${i}: id ${String(row.id)}`);
    for (const column of table.columns) {
      const want = expected(column, i);
      const got = comparable(row[column.name], effectiveType(column).type);
      const same = want !== null && typeof want === "object" ? got !== null : got === want;
      if (!same) problems.push(`${table.name}.${column.name} row ${i}: ${JSON.stringify(got)}, expected ${JSON.stringify(want)} (read ${typeof row[column.name]} ${String(row[column.name])})`);
    }
  });
}

/** Differences between the rows in the database and what schema B must hold after `forwards`. */
export async function rowProblemsAfterForwards(dialect: Dialect, connection: Connection, c: RoundTripCase): Promise<string[]> {
  const problems: string[] = [];
  for (const after of c.b.tables) {
    const before = c.a.tables.find((t) => t.id === after.id);
    if (!before) await compareTable(dialect, connection, after, 0, () => null, problems);
    else await compareTable(dialect, connection, after, c.rows, expectedAfterForwards(c, before, after), problems);
  }
  return problems;
}

/** Differences between the rows in the database and what schema A must hold after `backwards`. */
export async function rowProblemsAfterBackwards(dialect: Dialect, connection: Connection, c: RoundTripCase): Promise<string[]> {
  const problems: string[] = [];
  for (const before of c.a.tables) {
    const after = c.b.tables.find((t) => t.id === before.id);
    // A dropped table comes back empty: data does not come back.
    if (!after) await compareTable(dialect, connection, before, 0, () => null, problems);
    else await compareTable(dialect, connection, before, c.rows, expectedAfterBackwards(c, before, after), problems);
  }
  return problems;
}
