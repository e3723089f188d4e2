import type {
  CheckEntity,
  ColumnDefault,
  ColumnEntity,
  ColumnTypeSpec,
  ForeignKeyEntity,
  IndexEntity,
  TableSchema,
  UniqueEntity,
} from "@mig/core/dialect";

/** A column entity; NOT NULL without default unless told. */
export function column(
  table: string,
  name: string,
  spec: ColumnTypeSpec,
  options: { nullable?: boolean; default?: ColumnDefault | null } = {},
): ColumnEntity {
  return { entity: "column", table, name, ...spec, nullable: options.nullable ?? false, default: options.default ?? null };
}

/** A table schema built from entities, as a create_table operation carries it. */
export function tableSchema(
  name: string,
  primaryKey: readonly string[],
  columns: readonly ColumnEntity[],
  parts: {
    indexes?: readonly Omit<IndexEntity, "entity" | "table">[];
    uniques?: readonly Omit<UniqueEntity, "entity" | "table">[];
    checks?: readonly Omit<CheckEntity, "entity" | "table">[];
    foreignKeys?: readonly Omit<ForeignKeyEntity, "entity" | "table">[];
  } = {},
): TableSchema {
  return {
    table: { entity: "table", name, primaryKey },
    columns,
    indexes: (parts.indexes ?? []).map((i) => ({ entity: "index", table: name, ...i })),
    uniques: (parts.uniques ?? []).map((u) => ({ entity: "unique", table: name, ...u })),
    checks: (parts.checks ?? []).map((c) => ({ entity: "check", table: name, ...c })),
    foreignKeys: (parts.foreignKeys ?? []).map((f) => ({ entity: "foreign_key", table: name, ...f })),
  };
}
