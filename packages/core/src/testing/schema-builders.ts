import type { ColumnDefault, ForeignKeyAction, IndexMethod, JsonValue, TypeName } from "../snapshot/types";
import type { CheckEntity, ColumnEntity, ColumnTypeSpec, Entity, ForeignKeyEntity, IndexEntity, TableSchema, UniqueEntity } from "../snapshot/entities";
import { Snapshot } from "../snapshot/snapshot";

/** A column of {@link TableSpec}: its entity without the table name. */
export type ColumnSpec = Omit<ColumnEntity, "kind" | "table">;

/** A whole table in a few lines, for scenarios. Index and constraint names are given, never derived. */
export interface TableSpec {
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
  /** Default: the first column. */
  readonly primaryKey?: readonly string[];
  readonly indexes?: readonly { readonly name: string; readonly columns: readonly string[]; readonly method?: IndexMethod }[];
  readonly uniques?: readonly { readonly name: string; readonly columns: readonly string[] }[];
  readonly checks?: readonly { readonly name: string; readonly sql: string }[];
  readonly foreignKeys?: readonly {
    readonly name: string;
    readonly columns: readonly string[];
    readonly references: { readonly table: string; readonly columns: readonly string[] };
    readonly onDelete?: ForeignKeyAction;
    readonly onUpdate?: ForeignKeyAction;
  }[];
}

type ColumnOptions = Partial<Pick<ColumnEntity, "length" | "precision" | "scale" | "enumName" | "values" | "element" | "fallback" | "nullable" | "default">>;

/**
 * A column: NOT NULL without a default unless the options say otherwise.
 *
 * @example
 * ```ts
 * col("name", "varchar", { length: 50, default: value("anonymous") });
 * ```
 */
export function col(name: string, type: TypeName, options: ColumnOptions = {}): ColumnSpec {
  return { name, type, nullable: false, default: null, ...options };
}

/** A literal default. */
export function value(literal: JsonValue): ColumnDefault {
  return { kind: "value", value: literal };
}

/** The entities of one table. */
export function tableEntities(spec: TableSpec): Entity[] {
  const table = spec.name;
  const firstColumn = spec.columns[0]?.name;
  return [
    { kind: "table", name: table, primaryKey: spec.primaryKey ?? (firstColumn ? [firstColumn] : []) },
    ...spec.columns.map((c): Entity => ({ kind: "column", table, ...c })),
    ...(spec.indexes ?? []).map((i): Entity => ({ kind: "index", table, name: i.name, columns: i.columns, method: i.method ?? "btree" })),
    ...(spec.uniques ?? []).map((u): Entity => ({ kind: "unique", table, name: u.name, columns: u.columns })),
    ...(spec.checks ?? []).map((c): Entity => ({ kind: "check", table, name: c.name, sql: c.sql })),
    ...(spec.foreignKeys ?? []).map(
      (f): Entity => ({
        kind: "foreign_key",
        table,
        name: f.name,
        columns: f.columns,
        references: f.references,
        onDelete: f.onDelete ?? "no action",
        onUpdate: f.onUpdate ?? "no action",
      }),
    ),
  ];
}

/**
 * A snapshot of the given tables.
 *
 * @example
 * ```ts
 * const before = schema({ name: "band", columns: [col("id", "serial"), col("name", "varchar", { length: 50 })] });
 * ```
 */
export function schema(...tables: readonly TableSpec[]): Snapshot {
  return Snapshot.fromEntities(tables.flatMap(tableEntities));
}

/**
 * A column entity of `table` (what an operation carries): NOT NULL without a default unless the
 * options say otherwise.
 *
 * @example
 * ```ts
 * columnEntity("band", "name", { type: "varchar", length: 50 }, { nullable: true });
 * ```
 */
export function columnEntity(table: string, name: string, spec: ColumnTypeSpec, options: { readonly nullable?: boolean; readonly default?: ColumnDefault | null } = {}): ColumnEntity {
  return { kind: "column", table, name, ...spec, nullable: options.nullable ?? false, default: options.default ?? null };
}

/** The parts of a {@link TableSchema}, its indexes and constraints without their table. */
export interface TableParts {
  /** Default: the first column. */
  readonly primaryKey?: readonly string[];
  readonly columns: readonly ColumnEntity[];
  readonly indexes?: readonly Omit<IndexEntity, "kind" | "table">[];
  readonly uniques?: readonly Omit<UniqueEntity, "kind" | "table">[];
  readonly checks?: readonly Omit<CheckEntity, "kind" | "table">[];
  readonly foreignKeys?: readonly Omit<ForeignKeyEntity, "kind" | "table">[];
}

/**
 * A whole table as `create_table` and `drop_table` carry it, from its parts, in the order given.
 *
 * @example
 * ```ts
 * tableSchemaOf("band", { columns: [columnEntity("band", "id", { type: "serial" })], uniques: [{ name: "band_id_key", columns: ["id"] }] });
 * ```
 */
export function tableSchemaOf(name: string, parts: TableParts): TableSchema {
  const firstColumn = parts.columns[0]?.name;
  return {
    table: { kind: "table", name, primaryKey: parts.primaryKey ?? (firstColumn === undefined ? [] : [firstColumn]) },
    columns: parts.columns,
    indexes: (parts.indexes ?? []).map((i) => ({ kind: "index", table: name, ...i })),
    uniques: (parts.uniques ?? []).map((u) => ({ kind: "unique", table: name, ...u })),
    checks: (parts.checks ?? []).map((c) => ({ kind: "check", table: name, ...c })),
    foreignKeys: (parts.foreignKeys ?? []).map((f) => ({ kind: "foreign_key", table: name, ...f })),
  };
}
