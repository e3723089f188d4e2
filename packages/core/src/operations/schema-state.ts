import { MigError } from "../errors/mig-error";
import type {
  CheckEntity,
  ColumnEntity,
  Entity,
  ForeignKeyEntity,
  IndexEntity,
  TableEntity,
  TableSchema,
  UniqueEntity,
} from "../snapshot/entities";
import { Snapshot, entitiesOf } from "../snapshot/snapshot";

/** One table while replaying: columns in definition order, the rest by name. */
export interface TableState {
  table: TableEntity;
  columns: ColumnEntity[];
  readonly indexes: Map<string, IndexEntity>;
  readonly uniques: Map<string, UniqueEntity>;
  readonly checks: Map<string, CheckEntity>;
  readonly foreignKeys: Map<string, ForeignKeyEntity>;
}

export type NamedGroup = "indexes" | "uniques" | "checks" | "foreignKeys";

/**
 * The tables of a working state, by name: a table of the snapshot it starts from is copied into
 * a working `TableState` only once an operation asks for it (one added column at 2000 tables
 * copies one table, not 2000). Iterates, like the `Map` it stands for, in insertion order: the
 * snapshot's tables in its order, then those set since (a table removed and set again at the end).
 */
export class TableStates {
  readonly #base: Snapshot;
  /** Tables of the base taken into working copies, keeping their place. */
  readonly #copied = new Map<string, TableState>();
  /** Tables of the base removed (set again, they go to `#added`). */
  readonly #removed = new Set<string>();
  /** Tables that are not at a place of the base, in the order they were set. */
  readonly #added = new Map<string, TableState>();

  constructor(base: Snapshot) {
    this.#base = base;
  }

  /** A table's columns, without copying a table of the base for it. */
  columns(name: string): readonly ColumnEntity[] | undefined {
    const table = this.#added.get(name) ?? this.#copied.get(name);
    if (table !== undefined) return table.columns;
    return this.#inBase(name) ? this.#base.table(name)!.columns : undefined;
  }

  #inBase(name: string): boolean {
    return !this.#removed.has(name) && this.#base.table(name) !== undefined;
  }

  get(name: string): TableState | undefined {
    const added = this.#added.get(name);
    if (added !== undefined || !this.#inBase(name)) return added;
    let copied = this.#copied.get(name);
    if (copied === undefined) this.#copied.set(name, (copied = tableState(this.#base.table(name)!, (entity) => entity)));
    return copied;
  }

  has(name: string): boolean {
    return this.#added.has(name) || this.#inBase(name);
  }

  set(name: string, table: TableState): void {
    if (this.#inBase(name)) this.#copied.set(name, table);
    else this.#added.set(name, table);
  }

  delete(name: string): void {
    if (this.#added.delete(name)) return;
    if (this.#inBase(name)) {
      this.#removed.add(name);
      this.#copied.delete(name);
    }
  }

  *values(): Iterable<TableState> {
    for (const name of this.#base.tableNames()) if (this.#inBase(name)) yield this.get(name)!;
    yield* [...this.#added.values()];
  }

  /**
   * Every foreign key whose target is `table`, with its owner, in the order of `values()`; a
   * table of the base is copied only when one of its foreign keys matches.
   */
  *referencesTo(table: string): Iterable<{ owner: TableState; foreignKey: ForeignKeyEntity }> {
    for (const name of this.#base.tableNames()) {
      if (!this.#inBase(name)) continue;
      const owner = this.#copied.get(name);
      if (owner === undefined && !this.#base.table(name)!.foreignKeys.some((foreignKey) => foreignKey.references.table === table)) continue;
      yield* matching(owner ?? this.get(name)!, table);
    }
    for (const owner of [...this.#added.values()]) yield* matching(owner, table);
  }

  /**
   * The snapshot of these tables: the base's untouched tables as they are, the others checked
   * and sorted as `Snapshot.fromEntities` does (`Snapshot.withTables`).
   */
  toSnapshot(): Snapshot {
    if (this.#copied.size === 0 && this.#removed.size === 0 && this.#added.size === 0) return this.#base;
    const changed: Entity[] = [];
    const gather = (table: TableState) => {
      changed.push(table.table);
      for (let i = 0; i < table.columns.length; i++) changed.push(table.columns[i]!);
      for (const entity of table.indexes.values()) changed.push(entity);
      for (const entity of table.uniques.values()) changed.push(entity);
      for (const entity of table.checks.values()) changed.push(entity);
      for (const entity of table.foreignKeys.values()) changed.push(entity);
    };
    for (const table of this.#copied.values()) gather(table);
    for (const table of this.#added.values()) gather(table);
    return this.#base.withTables([...this.#removed, ...this.#copied.keys()], changed);
  }
}

function* matching(owner: TableState, table: string): Iterable<{ owner: TableState; foreignKey: ForeignKeyEntity }> {
  for (const foreignKey of owner.foreignKeys.values()) {
    if (foreignKey.references.table === table) yield { owner, foreignKey };
  }
}

/**
 * The mutable working copy replay applies operations to (one Snapshot per operation would make
 * replay quadratic). It only ever holds frozen entities: the snapshot's own, or fresh copies of
 * an operation's, so neither the snapshot nor the operations are touched.
 */
export class SchemaState {
  readonly tables: TableStates;

  private constructor(base: Snapshot) {
    this.tables = new TableStates(base);
  }

  static from(snapshot: Snapshot): SchemaState {
    return new SchemaState(snapshot);
  }

  toSnapshot(): Snapshot {
    return this.tables.toSnapshot();
  }

  /** The table, or a `MIG_E_REPLAY` error. */
  table(name: string, doing: string): TableState {
    const table = this.tables.get(name);
    if (!table) throw replayError(`${doing}: table "${name}" does not exist`, { table: name });
    return table;
  }

  /** Adds a whole table (copies of its entities, renamed to `schema.table.name`). */
  addTable(schema: TableSchema, doing: string): void {
    const name = schema.table.name;
    if (this.tables.has(name)) throw replayError(`${doing}: table "${name}" already exists`, { table: name });
    this.tables.set(name, tableState(schema, (entity) => copyEntity(entity, name)));
    for (const foreignKey of schema.foreignKeys) this.checkTarget(foreignKey, doing);
  }

  /**
   * A foreign key to a table of this schema must name columns it has. A target that is not here
   * may belong to another app, so it is not checked.
   */
  checkTarget(foreignKey: ForeignKeyEntity, doing: string): void {
    const columns = this.tables.columns(foreignKey.references.table);
    if (!columns) return;
    const missing = foreignKey.references.columns.find((name) => !columns.some((column) => column.name === name));
    if (missing !== undefined) {
      throw replayError(`${doing}: foreign key "${foreignKey.name}" of "${foreignKey.table}" references column "${foreignKey.references.table}.${missing}", which does not exist`, {
        table: foreignKey.table,
        name: foreignKey.name,
      });
    }
  }

  /** Every foreign key, in any table, whose target is `table`. */
  referencesTo(table: string): Iterable<{ owner: TableState; foreignKey: ForeignKeyEntity }> {
    return this.tables.referencesTo(table);
  }
}

function tableState(schema: TableSchema, take: <E extends Entity>(entity: E) => E): TableState {
  const byName = <E extends Exclude<Entity, TableEntity | ColumnEntity>>(entities: readonly E[]): Map<string, E> => {
    const map = new Map<string, E>();
    for (let i = 0; i < entities.length; i++) map.set(entities[i]!.name, take(entities[i]!));
    return map;
  };
  const columns: ColumnEntity[] = [];
  for (let i = 0; i < schema.columns.length; i++) columns.push(take(schema.columns[i]!));
  return {
    table: take(schema.table),
    columns,
    indexes: byName(schema.indexes),
    uniques: byName(schema.uniques),
    checks: byName(schema.checks),
    foreignKeys: byName(schema.foreignKeys),
  };
}

/** A frozen copy of an entity (its arrays too), with `table` set to `table`. */
export function copyEntity<E extends Entity>(entity: E, table: string): E {
  // Already what a copy would be (deeply frozen, no `undefined` fields, this table: entities of a
  // snapshot, or of operations read from a file): taken as it is, which no one can tell apart.
  if ((entity.kind === "table" ? (entity as TableEntity).name : (entity as Exclude<Entity, TableEntity>).table) === table && isFrozenCopy(entity)) return entity;
  const copy: Record<string, unknown> = {};
  const keys = Object.keys(entity);
  for (let i = 0; i < keys.length; i++) {
    const value = (entity as unknown as Record<string, unknown>)[keys[i]!];
    if (value !== undefined) put(copy, keys[i]!, deepFreezeCopy(value));
  }
  if (entity.kind === "table") copy.name = table;
  else copy.table = table;
  return Object.freeze(copy) as unknown as E;
}

/** Whether `deepFreezeCopy(value)` would be equal to `value` in every way but identity. */
function isFrozenCopy(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return value !== undefined;
  if (!Object.isFrozen(value)) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!(i in value) || !isFrozenCopy(value[i])) return false;
    return true;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key in value) if (!isFrozenCopy((value as Record<string, unknown>)[key])) return false;
  return true;
}

function deepFreezeCopy(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return Object.freeze(value.map(deepFreezeCopy));
  // Own enumerable keys in order, `undefined` fields left out (what Object.entries and fromEntries gave).
  const copy: Record<string, unknown> = {};
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const item = (value as Record<string, unknown>)[keys[i]!];
    if (item !== undefined) put(copy, keys[i]!, deepFreezeCopy(item));
  }
  return Object.freeze(copy);
}

/** `target[key] = value` as an own data property, even for `__proto__` (a column may be called that). */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

/** Structural equality of entities and JSON values; a property set to `undefined` counts as absent. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  const left = Object.entries(a).filter(([, item]) => item !== undefined);
  const right = new Map(Object.entries(b).filter(([, item]) => item !== undefined));
  return left.length === right.size && left.every(([key, item]) => right.has(key) && sameValue(item, right.get(key)));
}

/** Everything of a table as a schema, for comparing with what an operation carries. */
export function schemaOf(state: TableState): TableSchema {
  return {
    table: state.table,
    columns: state.columns,
    indexes: [...state.indexes.values()],
    uniques: [...state.uniques.values()],
    checks: [...state.checks.values()],
    foreignKeys: [...state.foreignKeys.values()],
  };
}

/** Whether two table schemas hold the same entities (columns in order, the rest by name). */
export function sameSchema(a: TableSchema, b: TableSchema): boolean {
  const withoutClass = (table: TableEntity): unknown => ({ ...table, className: undefined });
  if (!sameValue(withoutClass(a.table), withoutClass(b.table))) return false;
  if (!sameValue(a.columns, b.columns)) return false;
  const sorted = (schema: TableSchema): unknown =>
    entitiesOf(schema).filter((entity) => entity.kind !== "table" && entity.kind !== "column")
      .map((entity) => [entity.kind, (entity as IndexEntity).name, entity] as const)
      .sort((x, y) => (x[0] + "\u0000" + x[1] < y[0] + "\u0000" + y[1] ? -1 : 1));
  return sameValue(sorted(a), sorted(b));
}

export function replayError(message: string, meta: Readonly<Record<string, unknown>> = {}): MigError {
  return new MigError("MIG_E_REPLAY", message, { meta });
}
