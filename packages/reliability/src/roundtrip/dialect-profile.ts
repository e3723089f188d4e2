import { type ForeignKeyAction, type TypeName, resolveCapabilities } from "@mig/core";
import type { ColumnTypeSpec, ResolvedCapabilities } from "@mig/core/dialect";
import { DIALECTS, type DialectName } from "../test-database";

/**
 * What the generator may ask of a dialect: the column types, the type changes it makes in place
 * (or by rebuild) without losing the generated values, and which columns may carry a unique
 * constraint or an index. Everything here is something a user may write; what is left out is
 * said why, so that RELIABILITY.md can list it.
 */
export interface DialectProfile {
  readonly name: DialectName;
  /** Types of generated columns (serial types only as the implicit primary key). */
  readonly types: readonly ColumnTypeSpec[];
  /** `from → to` type changes, as `type(params)` strings (see {@link typeLabel}). */
  readonly changes: ReadonlyMap<string, readonly ColumnTypeSpec[]>;
  readonly uniqueTypes: ReadonlySet<TypeName>;
  readonly indexTypes: ReadonlySet<TypeName>;
  readonly foreignKeyActions: readonly ForeignKeyAction[];
  /** `mig new --auto --allow-rebuild` (SQLite: changes ALTER TABLE cannot make are table rebuilds). */
  readonly allowRebuild: boolean;
  /** Float and numeric defaults may be NaN, Infinity or -Infinity (`capabilities.nonFiniteNumbers`). */
  readonly nonFiniteDefaults: boolean;
}

const INTS: ColumnTypeSpec[] = [{ type: "smallint" }, { type: "integer" }, { type: "bigint" }];
const STRINGS: ColumnTypeSpec[] = [{ type: "varchar", length: 20 }, { type: "varchar", length: 60 }, { type: "text" }];
const FLOATS: ColumnTypeSpec[] = [{ type: "real" }, { type: "doublePrecision" }];
const NUMERICS: ColumnTypeSpec[] = [{ type: "numeric", precision: 10, scale: 2 }, { type: "numeric", precision: 14, scale: 2 }];

/** The labels of generated enums; rows cycle through them (see row-values.ts). */
export const ENUM_LABELS: readonly string[] = ["red", "it's", "blue green"];
/** The same enum with a label added: a change every dialect makes keeping the values. */
// Named by their label count: columns naming one enum must list the same labels.
const ENUMS: ColumnTypeSpec[] = [{ type: "enum", enumName: "rt_colour3", values: ENUM_LABELS }, { type: "enum", enumName: "rt_colour4", values: [...ENUM_LABELS, "violet"] }];
/** char(8): the generated values are exactly 8 characters, so no database pads them. */
const CHARS: ColumnTypeSpec[] = [{ type: "char", length: 8 }, { type: "char", length: 10 }];

const COMMON_TYPES: ColumnTypeSpec[] = [
  ...INTS, ...STRINGS, ...FLOATS, ...NUMERICS,
  { type: "boolean" }, { type: "date" }, { type: "timestamp" }, { type: "timestamptz" }, { type: "time" },
  { type: "uuid" }, { type: "json" }, { type: "jsonb" }, { type: "bytea" }, CHARS[0]!, ENUMS[0]!,
];

const ARRAY_ELEMENTS: ColumnTypeSpec[] = [{ type: "integer" }, { type: "text" }];

/**
 * The types a dialect accepts beyond the common ones, asked of its capability flags (never its
 * name): native arrays where it has arrays, else arrays with the JSON fallback (an array without
 * it is refused there); an interval where it has one.
 */
function flaggedTypes(capabilities: ResolvedCapabilities): ColumnTypeSpec[] {
  const arrays: ColumnTypeSpec[] = ARRAY_ELEMENTS.map((element) => (capabilities.arrays ? { type: "array", element } : { type: "array", element, fallback: "json" }));
  return [...arrays, ...(capabilities.interval ? [{ type: "interval" } as ColumnTypeSpec] : [])];
}

/** `varchar(20)`, `numeric(10,2)`, `integer`: a type with its parameters, as one string. */
export function typeLabel(spec: ColumnTypeSpec): string {
  if (spec.element !== undefined) return `${typeLabel(spec.element)}[]`;
  if (spec.values !== undefined) return `${spec.type}(${spec.values.length})`;
  if (spec.length !== undefined) return `${spec.type}(${spec.length})`;
  if (spec.precision !== undefined) return `${spec.type}(${spec.precision},${spec.scale ?? 0})`;
  return spec.type;
}

function changeTable(groups: readonly (readonly ColumnTypeSpec[])[]): Map<string, ColumnTypeSpec[]> {
  const table = new Map<string, ColumnTypeSpec[]>();
  for (const group of groups) {
    for (const from of group) {
      const list = table.get(typeLabel(from)) ?? [];
      for (const to of group) if (typeLabel(to) !== typeLabel(from) && !list.some((t) => typeLabel(t) === typeLabel(to))) list.push(to);
      table.set(typeLabel(from), list);
    }
  }
  return table;
}

// Value-preserving both ways for the values the generator writes: integers fit smallint, strings
// fit varchar(20), integer <-> string columns hold digits, floats are exact in real.
const COMMON_CHANGES = [INTS, STRINGS, FLOATS, NUMERICS, [...INTS, ...STRINGS], ENUMS, CHARS];

// Unique constraints and indexes: on columns whose values the generator makes distinct and whose
// types have an equality a constraint can use (json has none in PostgreSQL; boolean has two values).
const KEYABLE: TypeName[] = ["smallint", "integer", "bigint", "varchar", "text", "numeric", "date", "timestamp", "uuid"];

const capabilitiesOf = (name: DialectName) => resolveCapabilities(DIALECTS[name].capabilities);

export const PROFILES: Readonly<Record<DialectName, DialectProfile>> = {
  postgres: {
    name: "postgres",
    types: [...COMMON_TYPES, ...flaggedTypes(capabilitiesOf("postgres"))],
    changes: changeTable([...COMMON_CHANGES, [{ type: "json" }, { type: "jsonb" }], [{ type: "timestamp" }, { type: "timestamptz" }]]),
    uniqueTypes: new Set(KEYABLE),
    indexTypes: new Set(KEYABLE),
    foreignKeyActions: ["no action", "restrict", "cascade", "set null"],
    allowRebuild: false,
    nonFiniteDefaults: capabilitiesOf("postgres").nonFiniteNumbers,
  },
  mysql: {
    name: "mysql",
    types: [...COMMON_TYPES, ...flaggedTypes(capabilitiesOf("mysql"))],
    changes: changeTable(COMMON_CHANGES),
    uniqueTypes: new Set(KEYABLE),
    // MariaDB indexes a TEXT column only with a prefix length, which mig does not model.
    indexTypes: new Set(KEYABLE.filter((t) => t !== "text")),
    // InnoDB refuses SET DEFAULT.
    foreignKeyActions: ["no action", "restrict", "cascade", "set null"],
    allowRebuild: false,
    nonFiniteDefaults: capabilitiesOf("mysql").nonFiniteNumbers,
  },
  sqlite: {
    name: "sqlite",
    types: [...COMMON_TYPES, ...flaggedTypes(capabilitiesOf("sqlite"))],
    changes: changeTable(COMMON_CHANGES),
    uniqueTypes: new Set(KEYABLE),
    indexTypes: new Set(KEYABLE),
    foreignKeyActions: ["no action", "restrict", "cascade", "set null"],
    allowRebuild: true,
    nonFiniteDefaults: capabilitiesOf("sqlite").nonFiniteNumbers,
  },
};
