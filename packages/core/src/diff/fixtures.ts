/**
 * Small builders for the diff's tests: snapshots written as plain data, without the table DSL.
 * Not part of the public API.
 */
import type { ColumnDefault, ForeignKeyAction, IndexMethod, TypeName } from "../snapshot/types";
import type { ColumnEntity, Entity } from "../snapshot/entities";
import { Snapshot } from "../snapshot/snapshot";

export interface ColumnSpec {
  readonly type?: TypeName;
  readonly length?: number;
  readonly precision?: number;
  readonly scale?: number;
  readonly nullable?: boolean;
  readonly default?: ColumnDefault | null;
}

export interface TableOptions {
  /** Default `["id"]`, with `id serial` added first when the columns have no `id`. */
  readonly primaryKey?: readonly string[];
  readonly className?: string;
  readonly indexes?: readonly { readonly columns: readonly string[]; readonly method?: IndexMethod; readonly name?: string }[];
  readonly uniques?: readonly { readonly columns: readonly string[]; readonly name?: string }[];
  readonly checks?: readonly { readonly sql: string; readonly name?: string }[];
  readonly foreignKeys?: readonly {
    readonly columns: readonly string[];
    readonly table: string;
    readonly refColumns?: readonly string[];
    readonly onDelete?: ForeignKeyAction;
    readonly onUpdate?: ForeignKeyAction;
    readonly name?: string;
  }[];
}

/** The entities of one table. Columns are `text NOT NULL` unless said otherwise. */
export function t(name: string, columns: Readonly<Record<string, ColumnSpec | TypeName>> = {}, options: TableOptions = {}): Entity[] {
  const primaryKey = options.primaryKey ?? ["id"];
  const specs: [string, ColumnSpec | TypeName][] = Object.entries(columns);
  if (!options.primaryKey && !("id" in columns)) specs.unshift(["id", "serial"]);
  const entities: Entity[] = [{ kind: "table", name, primaryKey, ...(options.className ? { className: options.className } : {}) }];
  for (const [column, spec] of specs) entities.push(col(name, column, spec));
  for (const index of options.indexes ?? []) {
    entities.push({ kind: "index", table: name, name: index.name ?? `${name}_${index.columns.join("_")}_idx`, columns: index.columns, method: index.method ?? "btree" });
  }
  for (const unique of options.uniques ?? []) {
    entities.push({ kind: "unique", table: name, name: unique.name ?? `${name}_${unique.columns.join("_")}_key`, columns: unique.columns });
  }
  (options.checks ?? []).forEach((check, i) => entities.push({ kind: "check", table: name, name: check.name ?? `${name}_${i + 1}_check`, sql: check.sql }));
  for (const fk of options.foreignKeys ?? []) {
    entities.push({
      kind: "foreign_key",
      table: name,
      name: fk.name ?? `${name}_${fk.columns.join("_")}_fkey`,
      columns: fk.columns,
      references: { table: fk.table, columns: fk.refColumns ?? ["id"] },
      onDelete: fk.onDelete ?? "no action",
      onUpdate: fk.onUpdate ?? "no action",
    });
  }
  return entities;
}

export function col(table: string, name: string, spec: ColumnSpec | TypeName = {}): ColumnEntity {
  const s: ColumnSpec = typeof spec === "string" ? { type: spec } : spec;
  return {
    kind: "column",
    table,
    name,
    type: s.type ?? "text",
    ...(s.length !== undefined ? { length: s.length } : {}),
    ...(s.precision !== undefined ? { precision: s.precision } : {}),
    ...(s.scale !== undefined ? { scale: s.scale } : {}),
    nullable: s.nullable ?? false,
    default: s.default ?? null,
  };
}

export function snap(...tables: Entity[][]): Snapshot {
  return Snapshot.fromEntities(tables.flat());
}

/** Freezes a value and everything reachable from it, to prove a function leaves its inputs alone. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** Operations as short strings, for readable order assertions. */
export function summary(operations: readonly { kind: string }[]): string[] {
  return operations.map((op) => {
    const o = op as Record<string, unknown> & { kind: string };
    const detail = (() => {
      switch (o.kind) {
        case "create_table":
        case "drop_table":
          return (o.schema as { table: { name: string } }).table.name;
        case "rename_table":
          return `${o.from}->${o.to}`;
        case "rename_column":
          return `${o.table}.${o.from}->${o.to}`;
        case "add_column":
        case "drop_column":
          return `${o.table}.${(o.column as { name: string }).name}`;
        case "alter_column":
          return `${o.table}.${(o.to as { name: string }).name}`;
        default: {
          const entity = Object.values(o).find((v): v is { table: string; name: string } => typeof v === "object" && v !== null && "name" in v);
          return entity ? `${entity.table}.${entity.name}` : "";
        }
      }
    })();
    return `${o.kind} ${detail}`;
  });
}
