import {
  type AnyColumn,
  type ForeignKeyAction,
  type JsonValue,
  type Table,
  array,
  bigint,
  boolean,
  char,
  enumeration,
  bytea,
  date,
  doublePrecision,
  foreignKey,
  integer,
  interval,
  json,
  jsonb,
  numeric,
  real,
  smallint,
  table,
  text,
  time,
  timestamp,
  timestamptz,
  uuid,
  varchar,
} from "@mig/core";
import { type ColumnTypeSpec } from "@mig/core/dialect";

/**
 * The plain description a round-trip case is generated as: tables and columns with stable
 * identities (`id`), so that schema B can say which of A's tables and columns it keeps, renames,
 * changes or drops. It becomes `table(...)` definitions (the DSL a user writes) by {@link toTables}.
 */
export interface SchemaModel {
  readonly tables: readonly TableModel[];
}

export type DefaultModel =
  | { readonly kind: "value"; readonly value: JsonValue }
  | { readonly kind: "now" }
  | { readonly kind: "random" };

export interface ColumnModel {
  /** Identity across A and B (a rename keeps it). */
  readonly id: string;
  /** The database name. */
  readonly name: string;
  /** Written as `.dbName(name)` under the object key `id` (else the key is the name). */
  readonly viaDbName: boolean;
  readonly type: ColumnTypeSpec;
  readonly nullable: boolean;
  readonly default: DefaultModel | null;
  readonly unique: boolean;
  readonly index: boolean;
  /** A foreign key to the primary key (`id`) of the table with this identity. The type is then integer. */
  readonly references?: { readonly table: string; readonly onDelete: ForeignKeyAction; readonly onUpdate: ForeignKeyAction };
  /** Salt of the column's row values (see `row-values.ts`). */
  readonly salt: number;
}

export interface TableModel {
  readonly id: string;
  readonly name: string;
  /** The export name in the tables module; the same export name with a new `name` is a rename without asking. */
  readonly exportName: string;
  /** Every column but the implicit `id serial` primary key. */
  readonly columns: readonly ColumnModel[];
  /** Composite constraints, by column identity. */
  readonly compositeUnique?: readonly [string, string];
  readonly compositeIndex?: readonly [string, string];
}

function columnBuilder(column: ColumnModel, tables: ReadonlyMap<string, () => Table>): AnyColumn {
  let builder: AnyColumn;
  if (column.references) {
    const target = tables.get(column.references.table);
    if (!target) throw new Error(`model: ${column.name} references unknown table ${column.references.table}`);
    builder = foreignKey(target, { onDelete: column.references.onDelete, onUpdate: column.references.onUpdate });
  } else {
    builder = typeBuilder(column.type);
  }
  if (column.nullable) builder = builder.nullable();
  if (column.default?.kind === "value") builder = (builder as AnyColumn & { default(v: unknown): AnyColumn }).default(column.default.value);
  else if (column.default?.kind === "now") builder = (builder as unknown as { defaultNow(): AnyColumn }).defaultNow();
  else if (column.default?.kind === "random") builder = (builder as unknown as { defaultRandom(): AnyColumn }).defaultRandom();
  if (column.unique) builder = builder.unique();
  if (column.index) builder = builder.index();
  if (column.viaDbName) builder = builder.dbName(column.name);
  return builder;
}

function typeBuilder(spec: ColumnTypeSpec): AnyColumn {
  switch (spec.type) {
    case "varchar":
      return varchar(spec.length === undefined ? {} : { length: spec.length });
    case "numeric":
      return numeric({ ...(spec.precision === undefined ? {} : { precision: spec.precision }), ...(spec.scale === undefined ? {} : { scale: spec.scale }) });
    case "text": return text();
    case "integer": return integer();
    case "bigint": return bigint();
    case "smallint": return smallint();
    case "boolean": return boolean();
    case "real": return real();
    case "doublePrecision": return doublePrecision();
    case "timestamp": return timestamp();
    case "timestamptz": return timestamptz();
    case "date": return date();
    case "time": return time();
    case "uuid": return uuid();
    case "json": return json();
    case "jsonb": return jsonb();
    case "bytea": return bytea();
    case "char": return char({ length: spec.length ?? 1 });
    case "interval": return interval();
    case "enum": return enumeration(spec.enumName ?? "rt_enum", spec.values ?? []);
    case "array": return array(typeBuilder(spec.element ?? { type: "integer" }), spec.fallback === undefined ? {} : { fallback: spec.fallback });
    default:
      throw new Error(`model: no builder for type ${spec.type}`);
  }
}

export function columnKey(column: ColumnModel): string {
  return column.viaDbName ? column.id : column.name;
}

/**
 * The model as a tables module's exports: `{ [exportName]: table(...) }`, what
 * `snapshotFromTables` takes (and what a `tables.ts` file would export).
 */
export function toTables(model: SchemaModel): Record<string, Table> {
  const built = new Map<string, Table>();
  const thunks = new Map<string, () => Table>();
  for (const t of model.tables) {
    thunks.set(t.id, () => {
      const value = built.get(t.id);
      if (!value) throw new Error(`model: table ${t.id} is not built`);
      return value;
    });
  }
  for (const t of model.tables) {
    const columns: Record<string, AnyColumn> = {};
    for (const column of t.columns) columns[columnKey(column)] = columnBuilder(column, thunks);
    const keyOf = (id: string) => {
      const column = t.columns.find((c) => c.id === id);
      if (!column) throw new Error(`model: ${t.name} has no column ${id}`);
      return columnKey(column);
    };
    built.set(t.id, table(t.name, columns, {
      ...(t.compositeUnique ? { unique: [t.compositeUnique.map(keyOf)] } : {}),
      ...(t.compositeIndex ? { indexes: [{ columns: t.compositeIndex.map(keyOf) }] } : {}),
    }));
  }
  const exports: Record<string, Table> = {};
  for (const t of model.tables) exports[t.exportName] = built.get(t.id)!;
  return exports;
}

/** The type a column has in the database: a foreign key takes its target's (serial → integer). */
export function effectiveType(column: ColumnModel): ColumnTypeSpec {
  return column.references ? { type: "integer" } : column.type;
}

/** A short readable form of a model, printed with a failing case. */
export function describeModel(model: SchemaModel): string {
  return model.tables
    .map((t) => {
      const columns = t.columns.map((c) => {
        const type = effectiveType(c);
        const params = type.length !== undefined ? `(${type.length})` : type.precision !== undefined ? `(${type.precision},${type.scale ?? 0})` : "";
        const flags = [
          c.nullable ? "null" : "",
          c.default ? `default ${c.default.kind === "value" ? JSON.stringify(c.default.value) : c.default.kind}` : "",
          c.unique ? "unique" : "",
          c.index ? "index" : "",
          c.references ? `fk→${c.references.table} ${c.references.onDelete}/${c.references.onUpdate}` : "",
        ].filter(Boolean);
        return `${c.name}[${c.id}]: ${type.type}${params}${flags.length ? ` ${flags.join(" ")}` : ""}`;
      });
      const extra = [t.compositeUnique ? `unique(${t.compositeUnique.join(",")})` : "", t.compositeIndex ? `index(${t.compositeIndex.join(",")})` : ""].filter(Boolean);
      return `  ${t.exportName} = ${t.name}[${t.id}] { ${columns.join("; ")} }${extra.length ? ` ${extra.join(" ")}` : ""}`;
    })
    .join("\n");
}
