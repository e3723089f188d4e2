import { MigError } from "../errors/mig-error";
import {
  type ColumnEntity,
  type Entity,
  type EntityKind,
  type TableEntity,
  type TableSchema,
  entityKey,
} from "./entities";

const SUB_ENTITY_ORDER: Readonly<Record<Exclude<EntityKind, "table">, number>> = {
  column: 0,
  index: 1,
  unique: 2,
  check: 3,
  foreign_key: 4,
};

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
 *   { entity: "table", name: "band", primaryKey: ["id"] },
 *   { entity: "column", table: "band", name: "id", type: "serial", nullable: false, default: null },
 * ]);
 * s.table("band")?.columns.length; // 1
 * ```
 */
export class Snapshot {
  readonly entities: readonly Entity[];
  readonly #byKey: ReadonlyMap<string, Entity>;
  #schemas: Map<string, TableSchema> | undefined;

  private constructor(entities: readonly Entity[], byKey: ReadonlyMap<string, Entity>) {
    this.entities = entities;
    this.#byKey = byKey;
  }

  static empty(): Snapshot {
    return EMPTY;
  }

  /**
   * Builds a snapshot from entities in any order. Throws `MIG_E_SNAPSHOT` on a duplicate key or a
   * sub-entity of a table that is not there.
   */
  static fromEntities(entities: Iterable<Entity>): Snapshot {
    const byKey = new Map<string, Entity>();
    const tables: TableEntity[] = [];
    const byTable = new Map<string, Entity[]>();
    const order = new Map<Entity, number>();
    let position = 0;
    for (const entity of entities) {
      const key = entityKey(entity);
      if (byKey.has(key)) {
        throw new MigError("MIG_E_SNAPSHOT", `Duplicate ${entity.entity} "${key.slice(key.indexOf(":") + 1)}" in snapshot`, { meta: { key } });
      }
      byKey.set(key, Object.freeze(entity));
      order.set(entity, position++);
      if (entity.entity === "table") tables.push(entity);
      else {
        const list = byTable.get(entity.table) ?? [];
        list.push(entity);
        byTable.set(entity.table, list);
      }
    }
    for (const table of byTable.keys()) {
      if (!byKey.has(`table:${table}`)) {
        throw new MigError("MIG_E_SNAPSHOT", `Snapshot has entities of table "${table}", which it does not contain`, { meta: { table } });
      }
    }
    tables.sort((a, b) => compareStrings(a.name, b.name));
    const sorted: Entity[] = [];
    for (const table of tables) {
      sorted.push(table);
      const children = byTable.get(table.name) ?? [];
      children.sort((a, b) => {
        if (a.entity === "table" || b.entity === "table") return 0;
        const kind = SUB_ENTITY_ORDER[a.entity] - SUB_ENTITY_ORDER[b.entity];
        if (kind !== 0) return kind;
        // Columns keep their definition order; everything else is ordered by name.
        if (a.entity === "column") return (order.get(a) ?? 0) - (order.get(b) ?? 0);
        return compareStrings(a.name, b.name);
      });
      sorted.push(...children);
    }
    return new Snapshot(Object.freeze(sorted), byKey);
  }

  /** The entity with this composite key (see `entityKey`). */
  get(key: string): Entity | undefined {
    return this.#byKey.get(key);
  }

  has(key: string): boolean {
    return this.#byKey.has(key);
  }

  get size(): number {
    return this.entities.length;
  }

  /** Table names, sorted. */
  tableNames(): readonly string[] {
    return this.entities.filter((e): e is TableEntity => e.entity === "table").map((t) => t.name);
  }

  /** One table with everything that belongs to it, or `undefined`. */
  table(name: string): TableSchema | undefined {
    return this.#groups().get(name);
  }

  /** Every table with everything that belongs to it, sorted by table name. */
  tables(): readonly TableSchema[] {
    return [...this.#groups().values()];
  }

  column(table: string, name: string): ColumnEntity | undefined {
    const entity = this.#byKey.get(`column:${table}:${name}`);
    return entity?.entity === "column" ? entity : undefined;
  }

  /** A new snapshot with `remove` keys taken out and `add` entities put in (replacing same keys). */
  with(changes: { readonly remove?: Iterable<string>; readonly add?: Iterable<Entity> }): Snapshot {
    const removed = new Set(changes.remove ?? []);
    const added = [...(changes.add ?? [])];
    for (const entity of added) removed.add(entityKey(entity));
    const kept = this.entities.filter((e) => !removed.has(entityKey(e)));
    return Snapshot.fromEntities([...kept, ...added]);
  }

  #groups(): Map<string, TableSchema> {
    if (this.#schemas) return this.#schemas;
    const groups = new Map<string, { table: TableEntity; columns: Entity[]; indexes: Entity[]; uniques: Entity[]; checks: Entity[]; foreignKeys: Entity[] }>();
    for (const entity of this.entities) {
      if (entity.entity === "table") {
        groups.set(entity.name, { table: entity, columns: [], indexes: [], uniques: [], checks: [], foreignKeys: [] });
        continue;
      }
      const group = groups.get(entity.table);
      if (!group) continue;
      if (entity.entity === "column") group.columns.push(entity);
      else if (entity.entity === "index") group.indexes.push(entity);
      else if (entity.entity === "unique") group.uniques.push(entity);
      else if (entity.entity === "check") group.checks.push(entity);
      else group.foreignKeys.push(entity);
    }
    this.#schemas = groups as unknown as Map<string, TableSchema>;
    return this.#schemas;
  }
}

/** Code-point order, independent of locale: canonical output must not depend on the machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every entity of a table schema, table first, in canonical order. */
export function entitiesOf(schema: TableSchema): Entity[] {
  return [schema.table, ...schema.columns, ...schema.indexes, ...schema.uniques, ...schema.checks, ...schema.foreignKeys];
}

const EMPTY = Snapshot.fromEntities([]);
