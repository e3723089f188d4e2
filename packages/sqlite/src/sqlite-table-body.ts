import { type ColumnEntity, type EmitterHooks, type TableSchema, renderForeignKeyBody } from "@mig/core/dialect";

/** The column that is SQLite's rowid alias: a serial that is the whole primary key. */
export function rowidColumn(schema: TableSchema): ColumnEntity | undefined {
  const [only, ...more] = schema.table.primaryKey;
  const column = schema.columns.find((c) => c.name === only);
  return more.length === 0 && column && (column.type === "serial" || column.type === "bigserial") ? column : undefined;
}

export const nameList = (hooks: EmitterHooks, names: readonly string[]): string => names.map((n) => hooks.quoteIdentifier(n)).join(", ");

/**
 * The lines of a CREATE TABLE body. A serial primary key is written inline; every other key as a
 * table constraint. Used by `create_table` and by the new table of a rebuild.
 */
export function renderSqliteTableBody(hooks: EmitterHooks, schema: TableSchema): string[] {
  const q = hooks.quoteIdentifier;
  const rowid = rowidColumn(schema);
  const lines = schema.columns.map((c) => hooks.renderColumn(c, { inlinePrimaryKey: c === rowid }));
  if (!rowid && schema.table.primaryKey.length > 0) lines.push(`PRIMARY KEY (${nameList(hooks, schema.table.primaryKey)})`);
  // UNIQUE constraints live inside CREATE TABLE: SQLite has no ALTER TABLE ADD CONSTRAINT
  // (lang_altertable.html), and a constraint keeps its name only in the stored CREATE TABLE text.
  for (const u of schema.uniques) lines.push(`CONSTRAINT ${q(u.name)} UNIQUE (${nameList(hooks, u.columns)})`);
  for (const c of schema.checks) lines.push(`CONSTRAINT ${q(c.name)} CHECK (${c.sql})`);
  for (const fk of schema.foreignKeys) lines.push(`CONSTRAINT ${q(fk.name)} ${renderForeignKeyBody(hooks, fk)}`);
  return lines;
}

/** `CREATE TABLE name (\n  body\n)`: the table `schema` describes, under `name`. */
export function renderCreateTable(hooks: EmitterHooks, schema: TableSchema, name = schema.table.name): string {
  return `CREATE TABLE ${hooks.quoteIdentifier(name)} (\n  ${renderSqliteTableBody(hooks, schema).join(",\n  ")}\n)`;
}
