import { MigError } from "../errors/mig-error";
import {
  type CheckEntity,
  type ColumnEntity,
  type Entity,
  type ForeignKeyEntity,
  type IndexEntity,
  type TableEntity,
  type TableSchema,
  type UniqueEntity,
  entityKey,
} from "./entities";

/**
 * The schema as a normalised, readonly list of entities with composite keys.
 *
 * Entities are kept in canonical order: tables by name, then for each table its columns in
 * definition order, then indexes, uniques, checks and foreign keys, each by name. Two snapshots
 * with the same entities are equal entity by entity, whatever order they were built in (except
 * column order, which is part of a table's definition).
 *
 * A snapshot is immutable: every change makes a new one.
 *
 * @example
 * ```ts
 * const s = Snapshot.fromEntities([
 *   { kind: "table", name: "band", primaryKey: ["id"] },
 *   { kind: "column", table: "band", name: "id", type: "serial", nullable: false, default: null },
 * ]);
 * s.table("band")?.columns.length; // 1
 * ```
 */
export class Snapshot {
  readonly entities: readonly Entity[];
  #byKey: ReadonlyMap<string, Entity> | undefined;
  /** The grouped view: every table with its entities, by table name, sorted. */
  readonly #schemas: ReadonlyMap<string, TableSchema>;

  private constructor(entities: readonly Entity[], schemas: ReadonlyMap<string, TableSchema>) {
    this.entities = entities;
    this.#schemas = schemas;
  }

  static empty(): Snapshot {
    return EMPTY;
  }

  /**
   * Builds a snapshot from entities in any order. Throws `MIG_E_SNAPSHOT` on a duplicate key or a
   * sub-entity of a table that is not there.
   */
  static fromEntities(entities: Iterable<Entity>): Snapshot {
    // Each table's entities, sorted into their groups as they come (columns keep their order).
    const groups = new Map<string, Group>();
    // By index: an iterator costs more than the loop's body while the JIT is still cold.
    const list = Array.isArray(entities) ? (entities as readonly Entity[]) : [...entities];
    let group: Group | undefined;
    let groupName: string | undefined;
    for (let i = 0; i < list.length; i++) {
      const entity = list[i] as Entity;
      Object.freeze(entity);
      const table = entity.kind === "table" ? entity.name : entity.table;
      // Entities usually come table by table: look the group up only when the table changes.
      if (table !== groupName || group === undefined) {
        group = groups.get(table);
        if (group === undefined) {
          group = { table: undefined, columns: [], indexes: [], uniques: [], checks: [], foreignKeys: [] };
          groups.set(table, group);
        }
        groupName = table;
      }
      switch (entity.kind) {
        case "table":
          if (group.table !== undefined) throw duplicate(entity);
          group.table = entity;
          break;
        case "column":
          group.columns.push(entity);
          break;
        case "index":
          group.indexes.push(entity);
          break;
        case "unique":
          group.uniques.push(entity);
          break;
        case "check":
          group.checks.push(entity);
          break;
        case "foreign_key":
          group.foreignKeys.push(entity);
          break;
      }
    }
    // Duplicates first (as keys: same kind, table and name), then entities of a missing table.
    for (const group of groups.values()) {
      checkDistinct(group.columns);
      sortByName(group.indexes);
      sortByName(group.uniques);
      sortByName(group.checks);
      sortByName(group.foreignKeys);
    }
    const tables: TableSchema[] = [];
    for (const [table, group] of groups) {
      if (group.table === undefined) {
        throw new MigError("MIG_E_SNAPSHOT", `Snapshot has entities of table "${table}", which it does not contain`, { meta: { table } });
      }
      tables.push(group as TableSchema);
    }
    if (!isSorted(tables)) tables.sort((a, b) => compareStrings(a.table.name, b.table.name));
    return Snapshot.#ofSortedTables(tables);
  }

  /**
   * This snapshot without the tables named in `replaced`, and with the tables of `entities` (in
   * any order, checked and sorted as `fromEntities` does): what `fromEntities` of the kept
   * tables' entities and `entities` gives, without grouping, checking and sorting the kept
   * tables again (a working state that changed one table of 2000 gives one table's entities).
   */
  withTables(replaced: Iterable<string>, entities: readonly Entity[]): Snapshot {
    const changed = Snapshot.fromEntities(entities);
    const left = new Set(replaced);
    const kept: TableSchema[] = [];
    for (const schema of this.#schemas.values()) if (!left.has(schema.table.name)) kept.push(schema);
    // Every table replaced (a schema built from nothing): the new tables are the snapshot.
    if (kept.length === 0) return changed;
    const added = [...changed.#schemas.values()];
    const tables: TableSchema[] = [];
    // Two lists sorted by name, merged; a table in both is a duplicate, reported as `fromEntities` reports it.
    let i = 0;
    let j = 0;
    while (i < kept.length || j < added.length) {
      const order = i === kept.length ? 1 : j === added.length ? -1 : compareStrings(kept[i]!.table.name, added[j]!.table.name);
      if (order === 0) return Snapshot.fromEntities([...kept.flatMap(entitiesOf), ...entities]);
      tables.push(order < 0 ? kept[i++]! : added[j++]!);
    }
    return Snapshot.#ofSortedTables(tables);
  }

  /** The snapshot of `tables`, sorted by name, each with its entities in their order. */
  static #ofSortedTables(tables: readonly TableSchema[]): Snapshot {
    const sorted: Entity[] = [];
    const schemas = new Map<string, TableSchema>();
    for (const schema of tables) {
      schemas.set(schema.table.name, schema);
      sorted.push(schema.table);
      append(sorted, schema.columns);
      append(sorted, schema.indexes);
      append(sorted, schema.uniques);
      append(sorted, schema.checks);
      append(sorted, schema.foreignKeys);
    }
    return new Snapshot(Object.freeze(sorted), schemas);
  }

  /** The entity with this composite key (see `entityKey`). */
  get(key: string): Entity | undefined {
    return this.#keys().get(key);
  }

  has(key: string): boolean {
    return this.#keys().has(key);
  }

  /** Entities by key, made on first use (the diff never needs them). */
  #keys(): ReadonlyMap<string, Entity> {
    if (this.#byKey === undefined) {
      const byKey = new Map<string, Entity>();
      for (const entity of this.entities) byKey.set(entityKey(entity), entity);
      this.#byKey = byKey;
    }
    return this.#byKey;
  }

  get size(): number {
    return this.entities.length;
  }

  /** Table names, sorted. */
  tableNames(): readonly string[] {
    return [...this.#schemas.keys()];
  }

  /** One table with everything that belongs to it, or `undefined`. */
  table(name: string): TableSchema | undefined {
    return this.#schemas.get(name);
  }

  /** Every table with everything that belongs to it, sorted by table name. */
  tables(): readonly TableSchema[] {
    return [...this.#schemas.values()];
  }

  column(table: string, name: string): ColumnEntity | undefined {
    const columns = this.#schemas.get(table)?.columns ?? [];
    for (let i = 0; i < columns.length; i++) if ((columns[i] as ColumnEntity).name === name) return columns[i];
    return undefined;
  }

  /** A new snapshot with `remove` keys taken out and `add` entities put in (replacing same keys). */
  with(changes: { readonly remove?: Iterable<string>; readonly add?: Iterable<Entity> }): Snapshot {
    const removed = new Set(changes.remove ?? []);
    const added = [...(changes.add ?? [])];
    for (const entity of added) removed.add(entityKey(entity));
    const kept = this.entities.filter((e) => !removed.has(entityKey(e)));
    return Snapshot.fromEntities([...kept, ...added]);
  }
}

/** Code-point order, independent of locale: canonical output must not depend on the machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A table's entities while they are sorted into groups (the table may come after its columns). */
interface Group {
  table: TableEntity | undefined;
  readonly columns: ColumnEntity[];
  readonly indexes: IndexEntity[];
  readonly uniques: UniqueEntity[];
  readonly checks: CheckEntity[];
  readonly foreignKeys: ForeignKeyEntity[];
}

function duplicate(entity: Entity): MigError {
  const key = entityKey(entity);
  return new MigError("MIG_E_SNAPSHOT", `Duplicate ${entity.kind} "${key.slice(key.indexOf(":") + 1)}" in snapshot`, { meta: { key } });
}

/** Throws on two columns of one name (a few columns: compared pairwise; many: through a set). */
function checkDistinct(columns: readonly ColumnEntity[]): void {
  if (columns.length > 32) {
    const names = new Set<string>();
    for (const column of columns) {
      if (names.has(column.name)) throw duplicate(column);
      names.add(column.name);
    }
    return;
  }
  for (let i = 1; i < columns.length; i++) {
    const name = (columns[i] as ColumnEntity).name;
    for (let j = 0; j < i; j++) if ((columns[j] as ColumnEntity).name === name) throw duplicate(columns[i] as ColumnEntity);
  }
}

/**
 * Sorts a table's indexes (or uniques, checks, foreign keys) by name in place, unless already
 * sorted (the usual case: snapshots come in canonical order); throws on two of one name.
 */
function sortByName(list: (Entity & { readonly name: string })[]): void {
  for (let i = 1; i < list.length; i++) {
    if (compareStrings((list[i - 1] as { readonly name: string }).name, (list[i] as { readonly name: string }).name) >= 0) {
      list.sort((a, b) => compareStrings(a.name, b.name));
      break;
    }
  }
  for (let i = 1; i < list.length; i++) {
    const entity = list[i] as Entity & { readonly name: string };
    if ((list[i - 1] as { readonly name: string }).name === entity.name) throw duplicate(entity);
  }
}

function isSorted(tables: readonly TableSchema[]): boolean {
  for (let i = 1; i < tables.length; i++) {
    if (compareStrings((tables[i - 1] as TableSchema).table.name, (tables[i] as TableSchema).table.name) > 0) return false;
  }
  return true;
}

function append(target: Entity[], items: readonly Entity[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i] as Entity);
}

/** Every entity of a table schema, table first, in canonical order. */
export function entitiesOf(schema: TableSchema): Entity[] {
  return [schema.table, ...schema.columns, ...schema.indexes, ...schema.uniques, ...schema.checks, ...schema.foreignKeys];
}

const EMPTY = Snapshot.fromEntities([]);
