import { MigError } from "../errors/mig-error";
import { type AnyColumn, isColumnBuilder } from "./column-builder";
import type { ColumnDefinition } from "./column-definition";
import { serial } from "./column-factories";
import { qualifiedTableName } from "./qualified-table-name";
import type { IndexMethod } from "../snapshot/types";

const TABLE_MARK: unique symbol = Symbol.for("mig.table");

/** The columns of a table, by object key. */
export type ColumnMap = Readonly<Record<string, AnyColumn>>;

/** A composite unique constraint: its column keys, or the keys with a constraint name. */
export type UniqueOption<K extends string = string> =
  | readonly K[]
  | { readonly columns: readonly K[]; readonly name?: string };

export interface IndexOption<K extends string = string> {
  readonly columns: readonly K[];
  /** Default `"btree"`. */
  readonly method?: IndexMethod;
  /** Default `${table}_${columns joined by _}_idx`. */
  readonly name?: string;
}

export interface CheckOption {
  /** Default `${table}_${n}_check`, n counting the table's checks from 1. */
  readonly name?: string;
  /** A boolean SQL expression over the table's database column names. */
  readonly sql: string;
}

/** Table-level options. Column names are object keys (resolved to database names after `.dbName()`). */
export interface TableOptions<K extends string = string> {
  readonly unique?: readonly UniqueOption<K>[];
  readonly indexes?: readonly IndexOption<K>[];
  readonly checks?: readonly CheckOption[];
  /** A composite primary key. */
  readonly primaryKey?: readonly K[];
  /**
   * The database schema the table lives in (PostgreSQL: `CREATE SCHEMA` when a migration first
   * needs it). Default: the connection's schema. A dialect without schemas refuses it at `mig new`.
   */
  readonly schema?: string;
}

/** A column of a table with its object key and database name, in definition order. */
export interface TableColumn {
  readonly key: string;
  readonly name: string;
  readonly definition: ColumnDefinition;
  /** True for the `id` column added to a table without a primary key. */
  readonly implicit?: boolean;
}

/** A table definition made by {@link table}. */
export interface Table<C extends ColumnMap = ColumnMap> {
  readonly [TABLE_MARK]: true;
  /** The database table name. */
  readonly name: string;
  /** The columns as written, by object key (without the implicit `id`). */
  readonly columns: C;
  readonly options: TableOptions;
  /** Every column in definition order, the implicit `id` first when there is one. */
  readonly columnList: readonly TableColumn[];
}

/**
 * Defines a table. The object keys are the database column names unless `.dbName()` says
 * otherwise. A table with no `.primaryKey()` column and no `primaryKey` option gets
 * `id: serial().primaryKey()`. Definitions are checked later, all at once, by `validateTables`
 * (and by `snapshotFromTables`), so that every problem is reported together.
 *
 * @example
 * ```ts
 * export const Band = table("band", {
 *   name: varchar({ length: 100 }).unique(),
 *   manager: foreignKey(() => Manager, { onDelete: "cascade" }).nullable(),
 *   popularity: integer().default(0).index(),
 * }, {
 *   unique: [["name", "manager"]],
 *   checks: [{ name: "band_popularity_positive", sql: "popularity >= 0" }],
 * });
 * ```
 */
export function table<const C extends ColumnMap>(
  name: string,
  columns: C,
  options: TableOptions<Extract<keyof C, string> | "id"> = {},
): Table<C> {
  if (typeof columns !== "object" || columns === null || Array.isArray(columns)) {
    throw new MigError("MIG_E_SCHEMA_INVALID", `table("${String(name)}", ...) needs an object of columns`, {
      problems: [{ message: "The columns argument is not an object", table: String(name) }],
    });
  }
  const columnList: TableColumn[] = [];
  let hasPrimaryKey = options.primaryKey !== undefined;
  const keys = Object.keys(columns);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const column: unknown = columns[key];
    // Anything that is not a column builder is left out here and reported by validation.
    if (!isColumnBuilder(column)) continue;
    const definition = column.definition;
    columnList.push(Object.freeze({ key, name: definition.dbName ?? key, definition }));
    if (definition.primaryKey) hasPrimaryKey = true;
  }
  if (!hasPrimaryKey) {
    columnList.unshift(Object.freeze({ key: "id", name: "id", definition: serial().primaryKey().definition, implicit: true }));
  }
  return Object.freeze({
    [TABLE_MARK]: true as const,
    name,
    columns: Object.freeze({ ...columns }),
    options: Object.freeze({ ...options }),
    columnList: Object.freeze(columnList),
  });
}

/** True for a `table(...)` value (also one made by another copy of this library). */
export function isTable(value: unknown): value is Table {
  return typeof value === "object" && value !== null && (value as { [TABLE_MARK]?: unknown })[TABLE_MARK] === true;
}

/**
 * How snapshots, operations and migration files name `table`: its name, or `"schema"."name"`
 * when it has the `schema` option (see `qualifiedTableName`).
 */
export function tableRef(table: Table): string {
  const schema = table.options.schema;
  return typeof schema === "string" ? qualifiedTableName(schema, table.name) : table.name;
}
