import { type DialectProfile, typeLabel } from "./dialect-profile";
import { type AddedFill, type ColumnContext, NamePool, addedColumn, foreignKeyActions, foreignKeyColumn, plainColumn, randomDefault } from "./generate-columns";
import type { Rand } from "./rand";
import { type ValueKind, backfillText, valueKind } from "./row-values";
import type { ColumnModel, SchemaModel, TableModel } from "./schema-model";

/**
 * Whether the generator may drop this column. A dropped column comes back (backwards) with its
 * default, or mig's placeholder, in every row, not its data: a unique column that is not nullable
 * (alone, or in a composite unique constraint) cannot come back into a table with two rows or
 * more, nor a NOT NULL foreign key whose
 * placeholder references no row. That is inherent, not a bug (RELIABILITY.md), and left out.
 */
function droppable(column: ColumnModel, inCompositeUnique: boolean): boolean {
  const filled = column.default !== null || !column.nullable;
  return !(filled && (column.unique || inCompositeUnique || (column.references && !column.nullable)));
}

/** One randomized round trip: schema A with rows, schema B, and the answers `mig new --auto` needs. */
export interface RoundTripCase {
  readonly a: SchemaModel;
  readonly b: SchemaModel;
  /** Rows in every table of A (primary keys 1..rows). */
  readonly rows: number;
  /** Column identity → the kind of its values. */
  readonly kinds: ReadonlyMap<string, ValueKind>;
  /** Columns (identities) that hold NULL in rows 3, 6, ... of A. */
  readonly nullable: ReadonlySet<string>;
  /** Columns added to tables that have rows, and how those rows are filled. */
  readonly added: ReadonlyMap<string, AddedFill>;
  /** Backfills of columns made NOT NULL: identity → text. */
  readonly madeNotNull: ReadonlyMap<string, string>;
  /** `--rename` arguments. */
  readonly renames: readonly string[];
  /** `--backfill` arguments. */
  readonly backfill: readonly string[];
}

const keyable = (profile: DialectProfile, column: ColumnModel) => !column.references && profile.uniqueTypes.has(column.type.type) && profile.indexTypes.has(column.type.type);

function withComposites(rand: Rand, profile: DialectProfile, table: TableModel, from: readonly ColumnModel[]): TableModel {
  const candidates = from.filter((c) => keyable(profile, c));
  if (candidates.length < 2) return table;
  const pair = (): [string, string] => {
    const first = rand.pick(candidates);
    const second = rand.pick(candidates.filter((c) => c.id !== first.id));
    return [first.id, second.id];
  };
  return {
    ...table,
    ...(rand.chance(0.15) ? { compositeUnique: pair() } : {}),
    ...(rand.chance(0.15) ? { compositeIndex: pair() } : {}),
  };
}

/** Schema A: 1-4 tables with 1-5 columns each; a table may reference tables before it (rows are inserted in order). */
function generateA(context: ColumnContext & { nextTable(): string }): SchemaModel {
  const { rand, profile, names } = context;
  const tables: TableModel[] = [];
  const count = rand.int(1, 4);
  for (let k = 0; k < count; k++) {
    const id = context.nextTable();
    const columns: ColumnModel[] = [];
    const width = rand.int(1, 5);
    for (let c = 0; c < width; c++) {
      if (k > 0 && rand.chance(0.25)) columns.push(foreignKeyColumn(context, rand.pick(tables).id, rand.chance(0.4)));
      else columns.push(plainColumn(context));
    }
    const table: TableModel = { id, name: names.fresh("t"), exportName: `T${id}`, columns };
    tables.push(withComposites(rand, profile, table, columns));
  }
  return { tables };
}

interface Evolution {
  readonly tables: TableModel[];
  readonly nullable: Set<string>;
  readonly added: Map<string, AddedFill>;
  readonly madeNotNull: Map<string, string>;
  readonly renames: string[];
}

/** One column of a kept table, changed (or not) on its way to B. `undefined`: dropped. */
function evolveColumn(context: ColumnContext, column: ColumnModel, keptTables: ReadonlySet<string>, evolution: Evolution, inCompositeUnique: boolean): ColumnModel | undefined {
  const { rand, profile } = context;
  // A column is NULL in some rows of A only if it stays nullable (or is backfilled, or dropped).
  if (rand.chance(0.12) && droppable(column, inCompositeUnique)) {
    if (column.nullable) evolution.nullable.add(column.id);
    return undefined;
  }
  let next: ColumnModel = column;
  if (column.references && !keptTables.has(column.references.table)) {
    const { references: _gone, ...rest } = next;
    next = rest;
  }
  if (rand.chance(0.15)) next = { ...next, name: context.names.fresh("c") };
  const aspects = rand.chance(0.35) ? rand.int(1, 2) : 0;
  for (let n = 0; n < aspects; n++) next = changeAspect(context, column, next, keptTables);
  if (!next.nullable && next.references && (next.references.onDelete === "set null" || next.references.onUpdate === "set null")) {
    next = { ...next, references: { ...next.references, ...foreignKeyActions(rand, profile, false) } };
  }
  if (column.nullable && next.nullable) evolution.nullable.add(column.id);
  if (column.nullable && !next.nullable) {
    const text = backfillText(next.type);
    const safe = text !== undefined && !next.unique && !next.references && !column.references && next.type.type === column.type.type;
    if (safe && rand.chance(0.5)) {
      evolution.nullable.add(column.id);
      evolution.madeNotNull.set(column.id, text);
    }
  }
  return next;
}

/** Changes one aspect of a column: its type, nullability, default, unique, index or foreign key. */
function changeAspect(context: ColumnContext, original: ColumnModel, column: ColumnModel, keptTables: ReadonlySet<string>): ColumnModel {
  const { rand, profile } = context;
  switch (rand.int(0, 5)) {
    case 0: {
      const targets = profile.changes.get(typeLabel(column.type)) ?? [];
      if (column.references || original.references || targets.length === 0) return column;
      const type = rand.pick(targets);
      return {
        ...column,
        type,
        default: column.default && rand.chance(0.6) ? randomDefault(rand, profile, type, column.salt) : null,
        unique: column.unique && profile.uniqueTypes.has(type.type),
        index: column.index && profile.indexTypes.has(type.type),
      };
    }
    case 1:
      return { ...column, nullable: !column.nullable };
    case 2:
      return { ...column, default: column.default ? (rand.chance(0.5) ? null : randomDefault(rand, profile, column.type, column.salt + 1)) : randomDefault(rand, profile, column.type, column.salt + 7) };
    case 3:
      return profile.uniqueTypes.has(column.type.type) ? { ...column, unique: !column.unique } : column;
    case 4:
      return profile.indexTypes.has(column.type.type) && !column.references ? { ...column, index: !column.index } : column;
    default: {
      if (column.references) {
        if (rand.chance(0.5)) {
          const { references: _dropped, ...rest } = column;
          return rest;
        }
        return { ...column, references: { ...column.references, ...foreignKeyActions(rand, profile, column.nullable) } };
      }
      // A foreign key on an integer column of A: its values become row numbers (see valueKind "fk").
      if (original.type.type !== "integer" || column.type.type !== "integer" || keptTables.size === 0 || column.index) return column;
      const target = rand.pick([...keptTables]);
      return { ...column, default: null, references: { table: target, ...foreignKeyActions(rand, profile, column.nullable) } };
    }
  }
}

/** Schema B: tables of A dropped, renamed or changed; columns added; new tables, which may reference anything. */
function evolve(context: ColumnContext & { nextTable(): string }, a: SchemaModel): Evolution {
  const { rand, profile, names } = context;
  const evolution: Evolution = { tables: [], nullable: new Set(), added: new Map(), madeNotNull: new Map(), renames: [] };
  // A table referenced by another table that stays is kept: going backwards, an empty re-created
  // table could not satisfy the other table's foreign key again (its rows do not come back).
  const referenced = (t: TableModel) => a.tables.some((o) => o.id !== t.id && o.columns.some((c) => c.references?.table === t.id));
  const dropped = new Set(a.tables.filter((t) => !referenced(t) && rand.chance(0.12)).map((t) => t.id));
  const keptTables = new Set(a.tables.filter((t) => !dropped.has(t.id)).map((t) => t.id));
  const newTables = Array.from({ length: rand.chance(0.4) ? rand.int(1, 2) : 0 }, () => context.nextTable());
  for (const t of a.tables) {
    if (dropped.has(t.id)) {
      for (const c of t.columns) if (c.nullable) evolution.nullable.add(c.id);
      continue;
    }
    let name = t.name;
    let exportName = t.exportName;
    if (rand.chance(0.2)) {
      name = names.fresh("t");
      // The same export name makes the rename automatic; a new one needs --rename.
      if (rand.chance(0.5)) {
        exportName = `${t.exportName}x`;
        evolution.renames.push(`${t.name}=${name}`);
      }
    }
    const columns: ColumnModel[] = [];
    for (const c of t.columns) {
      const next = evolveColumn(context, c, keptTables, evolution, t.compositeUnique?.includes(c.id) ?? false);
      if (!next) continue;
      if (next.name !== c.name) evolution.renames.push(`${name}.${c.name}=${name}.${next.name}`);
      columns.push(next);
    }
    const targets = [...[...keptTables].map((id) => ({ id, hasRows: true })), ...newTables.map((id) => ({ id, hasRows: false }))];
    for (let n = rand.chance(0.4) ? rand.int(1, 2) : 0; n > 0; n--) {
      const { column, fill } = addedColumn(context, targets);
      columns.push(column);
      evolution.added.set(column.id, fill);
    }
    const surviving = columns.filter((c) => t.columns.some((old) => old.id === c.id));
    const keep = (pair: readonly [string, string] | undefined) => pair && pair.every((id) => surviving.some((c) => c.id === id && keyable(profile, c))) ? pair : undefined;
    const compositeUnique = rand.chance(0.2) ? undefined : keep(t.compositeUnique);
    const compositeIndex = rand.chance(0.2) ? undefined : keep(t.compositeIndex);
    const base: TableModel = { id: t.id, name, exportName, columns, ...(compositeUnique ? { compositeUnique } : {}), ...(compositeIndex ? { compositeIndex } : {}) };
    evolution.tables.push(compositeUnique || compositeIndex ? base : withComposites(rand, profile, base, surviving));
  }
  for (const id of newTables) {
    const columns: ColumnModel[] = [];
    const all = [...keptTables, ...newTables];
    for (let c = rand.int(1, 4); c > 0; c--) {
      columns.push(rand.chance(0.3) ? foreignKeyColumn(context, rand.pick(all), rand.chance(0.5)) : plainColumn(context));
    }
    evolution.tables.push(withComposites(rand, profile, { id, name: names.fresh("t"), exportName: `T${id}`, columns }, columns));
  }
  return evolution;
}

/**
 * A random round trip for a dialect: schema A, its evolution B, and everything needed to check
 * the data. Every choice comes from `rand`, so a seed replays it.
 */
export function generateCase(rand: Rand, profile: DialectProfile): RoundTripCase {
  let columns = 0;
  let tables = 0;
  const context = {
    rand,
    profile,
    names: new NamePool(rand),
    nextId: () => `k${++columns}`,
    nextTable: () => `${++tables}`,
  };
  const a = generateA(context);
  const evolution = evolve(context, a);
  const b: SchemaModel = { tables: evolution.tables };

  const kinds = new Map<string, ValueKind>();
  const bColumns = new Map(b.tables.flatMap((t) => t.columns.map((c) => [c.id, c] as const)));
  for (const t of a.tables) {
    for (const c of t.columns) {
      const later = bColumns.get(c.id);
      const types = later ? [c.type.type, later.type.type] : [c.type.type];
      kinds.set(c.id, valueKind(types, c.references !== undefined || later?.references !== undefined));
    }
  }
  const backfill: string[] = [];
  for (const t of b.tables) {
    for (const c of t.columns) {
      const fill = evolution.added.get(c.id);
      if (fill?.kind === "backfill") backfill.push(`${t.name}.${c.name}=${fill.text}`);
      const text = evolution.madeNotNull.get(c.id);
      if (text !== undefined) backfill.push(`${t.name}.${c.name}=${text}`);
    }
  }
  return {
    a,
    b,
    rows: rand.pick([0, 3, 4, 5]),
    kinds,
    nullable: evolution.nullable,
    added: evolution.added,
    madeNotNull: evolution.madeNotNull,
    renames: evolution.renames,
    backfill,
  };
}
