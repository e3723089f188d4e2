import { FOREIGN_KEY_ACTIONS, type ForeignKeyAction, type IndexMethod } from "../snapshot/types";

/**
 * What a dialect can do. Every flag is optional and documented with its default, so adding a
 * flag never breaks a third-party dialect: {@link resolveCapabilities} fills in the defaults.
 * Core uses them to plan: an operation a dialect cannot do is lowered to one it can (only when
 * the dialect offers it and the user opted in) or refused with `MIG_E_UNSUPPORTED`.
 */
export interface DialectCapabilities {
  /**
   * DDL runs inside a transaction and rolls back with it. When false, the runner records
   * progress per statement so that a failed migration is reported exactly and can be resumed.
   * Default is `false`.
   */
  readonly transactionalDdl?: boolean;
  /**
   * ALTER COLUMN in place: type, nullability and default of an existing column.
   * Default is `true`.
   */
  readonly autoAlter?: boolean;
  /**
   * Add or drop unique, check and foreign-key constraints on an existing table.
   * Default is `true`.
   */
  readonly alterConstraints?: boolean;
  /** ALTER TABLE ... DROP COLUMN. Default is `true`. */
  readonly dropColumn?: boolean;
  /** ALTER TABLE ... RENAME COLUMN. Default is `true`. */
  readonly renameColumn?: boolean;
  /** Add a column with a UNIQUE constraint to an existing table in one step. Default is `true`. */
  readonly addUniqueColumn?: boolean;
  /** Add a column whose default is not a constant (now(), random uuid) to a table with rows. Default is `true`. */
  readonly addColumnNonConstantDefault?: boolean;
  /**
   * Add a NOT NULL column without a default to an existing table, filling existing rows with a
   * backfill value (added with it as a temporary default, which is then dropped). Default is `true`.
   */
  readonly addColumnBackfill?: boolean;
  /**
   * Change the type of a column while a foreign key uses it (as the referencing or the referenced
   * column). When false, the planner drops those foreign keys before the type change and adds them
   * back after it. Default is `true`.
   */
  readonly alterForeignKeyColumnType?: boolean;
  /**
   * Rename a column while a foreign key uses it (as the referencing or the referenced column), in
   * every table. When false, the planner drops those foreign keys before the rename and adds them
   * back, with the new column name, after it. Default is `true`.
   */
  readonly renameForeignKeyColumn?: boolean;
  /**
   * Add a column that carries its own foreign key (`ADD COLUMN … REFERENCES`) to an existing
   * table. Read only where `alterConstraints` is false: the planner then adds a new nullable
   * column and its foreign key in one step instead of rebuilding the table. Default is `false`.
   */
  readonly addColumnForeignKey?: boolean;
  /**
   * The referential actions foreign keys may use (`ON DELETE` / `ON UPDATE`); others are refused.
   * Default is every action: `["no action", "restrict", "cascade", "set null", "set default"]`.
   */
  readonly foreignKeyActions?: readonly ForeignKeyAction[];
  /**
   * A random UUID column default (`.defaultRandom()`), rendered by the emitter's `renderDefault`
   * hook. Default is `false`: core's standard emitter has no such SQL.
   */
  readonly randomUuidDefault?: boolean;
  /** Database schemas (namespaces inside a database). Default is `false`. */
  readonly schemas?: boolean;
  /** CHECK constraints are enforced. Default is `true`. */
  readonly checkConstraints?: boolean;
  /** Index methods the dialect can create; others are refused. Default is `["btree"]`. */
  readonly indexMethods?: readonly IndexMethod[];
  /** Longest identifier the database accepts, in bytes of UTF-8. Default is `63`. */
  readonly maxIdentifierLength?: number;
  /**
   * How the migration lock is held: `"advisory"` (PostgreSQL advisory lock), `"named"`
   * (MySQL GET_LOCK), `"database"` (a write lock on the whole database, SQLite),
   * or `"none"` (the runner still re-checks the tracking table inside each migration).
   * Default is `"none"`.
   */
  readonly lockKind?: "advisory" | "named" | "database" | "none";
  /**
   * The dialect offers a `rebuild_table` lowering for changes it cannot ALTER (opt-in by the user).
   * Default is `false`.
   */
  readonly rebuildTable?: boolean;
  /**
   * Distinct json and jsonb types. When false, jsonb is stored (and introspected) as json.
   * Default is `false`.
   */
  readonly jsonb?: boolean;
  /** A time zone aware timestamp type distinct from the plain one. Default is `false`. */
  readonly timestamptz?: boolean;
  /**
   * An auto-increment column (serial, bigserial) must be the table's whole primary key (SQLite's
   * rowid alias; MySQL's one auto column, which must be a key). When true, `mig new` refuses a
   * serial anywhere else with `MIG_E_SCHEMA_INVALID`. Default is `false`.
   */
  readonly serialPrimaryKeyOnly?: boolean;
  /**
   * How `enumeration(name, labels)` is stored: `"named"` (a type of its own, created before its
   * first column and dropped after its last, PostgreSQL's `CREATE TYPE … AS ENUM`), `"inline"`
   * (the column's own type, MySQL's `ENUM(…)`, which keeps no name), `"check"` (a text column with
   * `CHECK (column IN (…))`, which keeps no name), or `false` (refused with `MIG_E_SCHEMA_INVALID`).
   * Default is `false`.
   */
  readonly enums?: false | "named" | "inline" | "check";
  /**
   * Array columns (`array(integer())`). When false, an array is refused with
   * `MIG_E_SCHEMA_INVALID` unless it says `{ fallback: "json" }`, which stores it as JSON.
   * Default is `false`.
   */
  readonly arrays?: boolean;
  /** An interval type (`interval()`); refused with `MIG_E_SCHEMA_INVALID` when false. Default is `false`. */
  readonly interval?: boolean;
  /**
   * Float and numeric columns hold NaN, Infinity and -Infinity, so such defaults are accepted.
   * When false they are refused with `MIG_E_SCHEMA_INVALID`. Default is `false`.
   */
  readonly nonFiniteNumbers?: boolean;
}

export type ResolvedCapabilities = { readonly [K in keyof DialectCapabilities]-?: NonNullable<DialectCapabilities[K]> };

export const DEFAULT_CAPABILITIES: ResolvedCapabilities = {
  transactionalDdl: false,
  autoAlter: true,
  alterConstraints: true,
  dropColumn: true,
  renameColumn: true,
  addUniqueColumn: true,
  addColumnNonConstantDefault: true,
  addColumnBackfill: true,
  alterForeignKeyColumnType: true,
  renameForeignKeyColumn: true,
  addColumnForeignKey: false,
  foreignKeyActions: FOREIGN_KEY_ACTIONS,
  randomUuidDefault: false,
  schemas: false,
  checkConstraints: true,
  indexMethods: ["btree"],
  maxIdentifierLength: 63,
  lockKind: "none",
  rebuildTable: false,
  jsonb: false,
  timestamptz: false,
  serialPrimaryKeyOnly: false,
  enums: false,
  arrays: false,
  interval: false,
  nonFiniteNumbers: false,
};

/** The dialect's flags with every default filled in. */
export function resolveCapabilities(capabilities: DialectCapabilities | undefined): ResolvedCapabilities {
  const resolved: Record<string, unknown> = { ...DEFAULT_CAPABILITIES };
  for (const [key, value] of Object.entries(capabilities ?? {})) {
    if (value !== undefined) resolved[key] = value;
  }
  return resolved as ResolvedCapabilities;
}
