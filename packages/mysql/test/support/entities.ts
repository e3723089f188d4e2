import type { ColumnEntity, TableSchema } from "@mig/core/dialect";
import { type TableParts, columnEntity, tableSchemaOf } from "@mig/core/testing";

/** A column entity; NOT NULL without default unless told. */
export const column = columnEntity;

/** A table schema built from entities, as a create_table operation carries it. */
export function tableSchema(name: string, primaryKey: readonly string[], columns: readonly ColumnEntity[], parts: Omit<TableParts, "primaryKey" | "columns"> = {}): TableSchema {
  return tableSchemaOf(name, { primaryKey, columns, ...parts });
}
