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
  return { entity: "column", table, name, ...spec, nullable: extra.nullable ?? false, default: extra.default ?? null };
}

export interface TableParts {
  readonly primaryKey?: readonly string[];
  readonly columns: readonly ColumnEntity[];
  readonly indexes?: readonly Omit<IndexEntity, "entity" | "table">[];
  readonly uniques?: readonly Omit<UniqueEntity, "entity" | "table">[];
  readonly checks?: readonly Omit<CheckEntity, "entity" | "table">[];
  readonly foreignKeys?: readonly Omit<ForeignKeyEntity, "entity" | "table">[];
}

export function tableSchema(name: string, parts: TableParts): TableSchema {
  return {
    table: { entity: "table", name, primaryKey: parts.primaryKey ?? [parts.columns[0]!.name] },
    columns: parts.columns,
    indexes: (parts.indexes ?? []).map((i) => ({ entity: "index", table: name, ...i })),
    uniques: (parts.uniques ?? []).map((u) => ({ entity: "unique", table: name, ...u })),
    checks: (parts.checks ?? []).map((c) => ({ entity: "check", table: name, ...c })),
    foreignKeys: (parts.foreignKeys ?? []).map((f) => ({ entity: "foreign_key", table: name, ...f })),
  };
}
