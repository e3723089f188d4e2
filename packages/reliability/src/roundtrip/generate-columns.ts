import type { ForeignKeyAction } from "@mig/core";
import type { ColumnTypeSpec } from "@mig/core/dialect";
import type { DialectProfile } from "./dialect-profile";
import type { Rand } from "./rand";
import { backfillText, defaultValue } from "./row-values";
import type { ColumnModel, DefaultModel } from "./schema-model";

/** Words that must be quoted everywhere (reserved in SQL, MySQL or SQLite), used as names when free. */
const WORDS = ["order", "select", "user", "group", "from", "table", "key", "value", "index", "check", "default", "limit", "desc", "where", "primary", "column"];

/**
 * Names that must survive quoting everywhere (DDL, introspection, rebuilds, migration files).
 * No underscore, dot or `=` (`--rename t.c=t.d` splits on them), no trailing space (MySQL).
 */
const HOSTILE = ['we"ird', "it's", "sp ace", "semi;colon", "back`tick", "ünïcode", "日本", "dash-name", "Mixed", "x--y", "a/*b*/", "drop table"];

/**
 * Fresh names: reserved words and hostile names while they last, then `t7`, `c12`. Never an underscore, so that
 * derived constraint names (`${table}_${column}_key`) cannot collide between tables; never reused,
 * so that a dropped table or column is never confused with a new one of the same name.
 */
export class NamePool {
  readonly #used = new Set<string>();
  #next = 1;

  constructor(private readonly rand: Rand) {}

  fresh(prefix: "t" | "c"): string {
    if (this.rand.chance(0.12)) {
      const name = this.rand.pick(HOSTILE);
      if (!this.#used.has(name)) return this.#take(name);
    }
    if (this.rand.chance(0.3)) {
      const word = this.rand.pick(WORDS);
      if (!this.#used.has(word)) return this.#take(word);
    }
    let name = `${prefix}${this.#next++}`;
    while (this.#used.has(name)) name = `${prefix}${this.#next++}`;
    return this.#take(name);
  }

  #take(name: string): string {
    this.#used.add(name);
    return name;
  }
}

const NON_FINITE = ["NaN", "Infinity", "-Infinity"] as const;

/**
 * A default for a column of this type (a literal, now, or a random uuid), or null when it takes
 * none. A float or numeric column may get NaN, Infinity or -Infinity where the profile's dialect
 * stores them.
 */
export function randomDefault(rand: Rand, profile: DialectProfile, type: ColumnTypeSpec, salt: number): DefaultModel | null {
  if (type.type === "timestamp" || type.type === "timestamptz") return { kind: "now" };
  if (type.type === "uuid") return { kind: "random" };
  const float = type.type === "real" || type.type === "doublePrecision" || type.type === "numeric";
  if (float && profile.nonFiniteDefaults && rand.chance(0.4)) return { kind: "value", value: rand.pick(NON_FINITE) };
  const value = defaultValue(type, salt);
  return value === undefined ? null : { kind: "value", value };
}

export function foreignKeyActions(rand: Rand, profile: DialectProfile, nullable: boolean): { onDelete: ForeignKeyAction; onUpdate: ForeignKeyAction } {
  const allowed = profile.foreignKeyActions.filter((action) => nullable || action !== "set null");
  return { onDelete: rand.pick(allowed), onUpdate: rand.pick(allowed) };
}

export interface ColumnContext {
  readonly rand: Rand;
  readonly profile: DialectProfile;
  readonly names: NamePool;
  /** Column identities: `k1`, `k2`, ... (never a name: names are `c1`, `c2`, ...) */
  nextId(): string;
}

/** A column of a table created with its rows (schema A, or a new table of B). */
export function plainColumn(context: ColumnContext): ColumnModel {
  const { rand, profile } = context;
  const type = rand.pick(profile.types);
  const salt = rand.int(0, 299);
  return {
    id: context.nextId(),
    name: context.names.fresh("c"),
    viaDbName: rand.chance(0.3),
    type,
    nullable: rand.chance(0.35),
    default: rand.chance(0.3) ? randomDefault(rand, profile, type, salt) : null,
    unique: profile.uniqueTypes.has(type.type) && rand.chance(0.15),
    index: profile.indexTypes.has(type.type) && rand.chance(0.15),
    salt,
  };
}

/** A foreign-key column to the table with identity `target`. */
export function foreignKeyColumn(context: ColumnContext, target: string, nullable: boolean): ColumnModel {
  const { rand, profile } = context;
  return {
    id: context.nextId(),
    name: context.names.fresh("c"),
    viaDbName: rand.chance(0.3),
    type: { type: "integer" },
    nullable,
    default: null,
    unique: rand.chance(0.1),
    index: false,
    references: { table: target, ...foreignKeyActions(rand, profile, nullable) },
    salt: 0,
  };
}

/** How rows that exist when a column is added get their value. */
export type AddedFill = { readonly kind: "null" } | { readonly kind: "default" } | { readonly kind: "backfill"; readonly text: string };

/**
 * A column added to a table of A that keeps its rows: nullable, with a default, or NOT NULL with a
 * `--backfill` value. Only an all-NULL column may be unique (one value in every row would not be).
 * `targets`: tables it may reference, with whether they have rows.
 */
export function addedColumn(context: ColumnContext, targets: readonly { id: string; hasRows: boolean }[]): { column: ColumnModel; fill: AddedFill } {
  const { rand, profile } = context;
  if (targets.length > 0 && rand.chance(0.2)) {
    const target = rand.pick(targets);
    const nullable = !target.hasRows || rand.chance(0.5);
    const column = { ...foreignKeyColumn(context, target.id, nullable), unique: false };
    return { column: nullable ? column : { ...column }, fill: nullable ? { kind: "null" } : { kind: "backfill", text: "1" } };
  }
  const base = plainColumn(context);
  const mode = rand.pick(["null", "default", "backfill"] as const);
  const columnDefault = randomDefault(rand, profile, base.type, base.salt);
  const text = backfillText(base.type);
  if (mode === "default" && columnDefault) {
    return { column: { ...base, nullable: rand.chance(0.3), default: columnDefault, unique: false }, fill: { kind: "default" } };
  }
  if (mode === "backfill" && text !== undefined) {
    return { column: { ...base, nullable: false, default: null, unique: false }, fill: { kind: "backfill", text } };
  }
  return { column: { ...base, nullable: true, default: null }, fill: { kind: "null" } };
}
