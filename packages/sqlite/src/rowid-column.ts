import type { ColumnEntity, TableSchema } from "@mig/core/dialect";

/**
 * The column that is SQLite's rowid alias: a serial that is the whole primary key. CREATE TABLE
 * writes it with its primary key inline (`INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT`), the only
 * form in which SQLite auto-increments; every other key is a table constraint.
 */
export function rowidColumn(schema: TableSchema): ColumnEntity | undefined {
  const [only, ...more] = schema.table.primaryKey;
  const column = schema.columns.find((c) => c.name === only);
  return more.length === 0 && column && (column.type === "serial" || column.type === "bigserial") ? column : undefined;
}
