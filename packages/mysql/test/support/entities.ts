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
  return { kind: "column", table, name, ...spec, nullable: options.nullable ?? false, default: options.default ?? null };
}

/** A table schema built from entities, as a create_table operation carries it. */
export function tableSchema(
  name: string,
  primaryKey: readonly string[],
  columns: readonly ColumnEntity[],
  parts: {
    indexes?: readonly Omit<IndexEntity, "kind" | "table">[];
    uniques?: readonly Omit<UniqueEntity, "kind" | "table">[];
    checks?: readonly Omit<CheckEntity, "kind" | "table">[];
    foreignKeys?: readonly Omit<ForeignKeyEntity, "kind" | "table">[];
  } = {},
): TableSchema {
  return {
    table: { kind: "table", name, primaryKey },
    columns,
    indexes: (parts.indexes ?? []).map((i) => ({ kind: "index", table: name, ...i })),
    uniques: (parts.uniques ?? []).map((u) => ({ kind: "unique", table: name, ...u })),
    checks: (parts.checks ?? []).map((c) => ({ kind: "check", table: name, ...c })),
    foreignKeys: (parts.foreignKeys ?? []).map((f) => ({ kind: "foreign_key", table: name, ...f })),
  };
}
