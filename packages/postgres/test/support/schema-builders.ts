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

/** Small builders for snapshot entities, so tests can make `create_table` operations without the DSL. */
export function col(table: string, name: string, spec: ColumnTypeSpec, extra: { nullable?: boolean; default?: ColumnDefault | null } = {}): ColumnEntity {
  return { kind: "column", table, name, ...spec, nullable: extra.nullable ?? false, default: extra.default ?? null };
}

export interface TableParts {
  readonly primaryKey?: readonly string[];
  readonly columns: readonly ColumnEntity[];
  readonly indexes?: readonly Omit<IndexEntity, "kind" | "table">[];
  readonly uniques?: readonly Omit<UniqueEntity, "kind" | "table">[];
  readonly checks?: readonly Omit<CheckEntity, "kind" | "table">[];
  readonly foreignKeys?: readonly Omit<ForeignKeyEntity, "kind" | "table">[];
}

export function tableSchema(name: string, parts: TableParts): TableSchema {
  return {
    table: { kind: "table", name, primaryKey: parts.primaryKey ?? [parts.columns[0]!.name] },
    columns: parts.columns,
    indexes: (parts.indexes ?? []).map((i) => ({ kind: "index", table: name, ...i })),
    uniques: (parts.uniques ?? []).map((u) => ({ kind: "unique", table: name, ...u })),
    checks: (parts.checks ?? []).map((c) => ({ kind: "check", table: name, ...c })),
    foreignKeys: (parts.foreignKeys ?? []).map((f) => ({ kind: "foreign_key", table: name, ...f })),
  };
}
