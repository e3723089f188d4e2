import type { ColumnDefinition, ColumnKind, DefaultValueOf, NowKind } from "./column-definition";
import { OWNED } from "./owned-definition";
import type { IndexMethod } from "../snapshot/types";

const COLUMN_MARK: unique symbol = Symbol.for("mig.column");

/**
 * A column of a `table(...)`. Immutable: every modifier returns a new builder, so a builder can
 * be shared between tables without surprises.
 *
 * @example
 * ```ts
 * const popularity = integer().default(0).index();
 * const founded = timestamptz().defaultNow().dbName("founded_at");
 * ```
 */
export class ColumnBuilder<K extends ColumnKind = ColumnKind> {
  readonly [COLUMN_MARK] = true;
  readonly definition: ColumnDefinition & { readonly kind: K };

  constructor(definition: ColumnDefinition & { readonly kind: K }, owned?: typeof OWNED) {
    this.definition = Object.freeze(owned === OWNED ? definition : { ...definition });
    Object.freeze(this);
  }

  /** Allows NULL. Columns are NOT NULL unless this is called. */
  nullable(nullable = true): ColumnBuilder<K> {
    return this.#with({ nullable });
  }

  /** A literal default. `null` is only valid on a nullable column. */
  default(value: DefaultValueOf[K] | null): ColumnBuilder<K> {
    return this.#with({ default: { kind: "value", value } });
  }

  /** Defaults to the current timestamp, date or time. */
  defaultNow<S extends NowKind>(this: ColumnBuilder<S>): ColumnBuilder<S> {
    return new ColumnBuilder<S>({ ...this.definition, default: { kind: "now" } }, OWNED);
  }

  /** Defaults to a random UUID. */
  defaultRandom(this: ColumnBuilder<"uuid">): ColumnBuilder<"uuid"> {
    return new ColumnBuilder({ ...this.definition, default: { kind: "random" } }, OWNED);
  }

  /** A raw SQL expression as the default, written into the DDL as is, for what the others cannot say. */
  defaultSql(sql: string): ColumnBuilder<K> {
    return this.#with({ default: { kind: "sql", sql } });
  }

  /** A unique constraint on this column, named `${table}_${column}_key` unless named here. */
  unique(options: { readonly name?: string } = {}): ColumnBuilder<K> {
    return this.#with({ unique: options.name === undefined ? {} : { name: options.name } });
  }

  /** An index on this column (`btree` unless a method is given), named `${table}_${column}_idx` unless named here. */
  index(options: { readonly method?: IndexMethod; readonly name?: string } = {}): ColumnBuilder<K> {
    const method = options.method ?? "btree";
    return this.#with({ index: options.name === undefined ? { method } : { method, name: options.name } });
  }

  /** Makes this column the table's primary key (and NOT NULL). */
  primaryKey(): ColumnBuilder<K> {
    return this.#with({ primaryKey: true });
  }

  /** The database column name, when it should differ from the object key. */
  dbName(name: string): ColumnBuilder<K> {
    return this.#with({ dbName: name });
  }

  #with(change: Partial<ColumnDefinition>): ColumnBuilder<K> {
    return new ColumnBuilder<K>({ ...this.definition, ...change, kind: this.definition.kind }, OWNED);
  }
}

/** Any column builder. */
export type AnyColumn = ColumnBuilder<ColumnKind>;

/** True for a column builder (also one made by another copy of this library). */
export function isColumnBuilder(value: unknown): value is AnyColumn {
  return typeof value === "object" && value !== null && (value as { [COLUMN_MARK]?: unknown })[COLUMN_MARK] === true;
}
