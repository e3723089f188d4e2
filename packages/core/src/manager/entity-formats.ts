import { MigError } from "../errors/mig-error";
import { ARRAY_ELEMENT_TYPES, FOREIGN_KEY_ACTIONS, INDEX_METHODS, TYPE_NAMES, type ArrayFallback, type ColumnDefault, type TypeName } from "../snapshot/types";
import type { CheckEntity, ColumnEntity, ColumnTypeSpec, Entity, ForeignKeyEntity, IndexEntity, TableEntity, TableSchema, UniqueEntity } from "../snapshot/entities";
import {
  type Codec,
  type Fields_,
  type Rule,
  BOOLEAN,
  JSON_VALUE,
  NAME,
  NAMES,
  SQL,
  choice,
  integer,
  mapped,
  nullable,
  object,
  optional,
  optionalList,
  required,
  union,
  withDefault,
} from "./codec";
import type { Fields } from "./read-arguments";

/*
 * The entities of a schema as a migration file writes them: each entity's fields once, in the
 * order a file shows them, with the documented defaults a file may leave out. An entity takes
 * its table from the call around it (the table is never repeated inside a table).
 */

/** A literal's fields: an entity without its `kind` tag and its table. */
type Literal<E> = Omit<E, "kind" | "table">;

/** An entity codec: the literal's fields, then the tag and the table (the context) added when read. */
function entity<E extends Exclude<Entity, TableEntity>>(tag: E["kind"], fields: Fields_<Literal<E>>, rules: readonly Rule[] = []): EntityFormat<E> {
  const literal = object<Literal<E>>(fields, { rules });
  const build = (value: Fields, table: string): E => {
    // Only the entity's own fields: a call's argument holds others besides (`table`, `backfill`).
    const built: Record<string, unknown> = { kind: tag, table };
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      if (value[key] !== undefined) built[key] = value[key];
    }
    return Object.freeze(built) as unknown as E;
  };
  const keys = Object.keys(fields);
  const codec = mapped(literal, (value, table) => build(value as Fields, table as string), (value: E) => value as Literal<E>);
  return Object.assign(codec, { tag, fields, rules, build });
}

/**
 * An entity's codec, with its fields, its rules and `build` (the entity from read fields), for
 * calls that spread the entity into their argument (`addIndex({ table, name, columns })`).
 */
export type EntityFormat<E extends Exclude<Entity, TableEntity>> = Codec<E> & {
  readonly tag: E["kind"];
  readonly fields: Fields_<Literal<E>>;
  readonly rules: readonly Rule[];
  build(value: Fields, table: string): E;
};

const DEFAULT: Codec<ColumnDefault> = union<ColumnDefault>("kind", {
  value: object<Extract<ColumnDefault, { kind: "value" }>>({ kind: required(choice(["value"])), value: required(JSON_VALUE) }),
  now: object<Extract<ColumnDefault, { kind: "now" }>>({ kind: required(choice(["now"])) }),
  random: object<Extract<ColumnDefault, { kind: "random" }>>({ kind: required(choice(["random"])) }),
  sql: object<Extract<ColumnDefault, { kind: "sql" }>>({ kind: required(choice(["sql"])), sql: required(SQL) }),
});

/** The type parameters, each with the types that take it. */
const TYPE_PARAMETERS: Readonly<Record<"length" | "precision" | "scale" | "enumName" | "values" | "element" | "fallback", readonly TypeName[]>> = {
  length: ["varchar", "char"],
  precision: ["numeric"],
  scale: ["numeric"],
  enumName: ["enum"],
  values: ["enum"],
  element: ["array"],
  fallback: ["array"],
};

/** The parameters a type cannot go without: an enum's labels, an array's element type. */
const REQUIRED_PARAMETERS: Readonly<Partial<Record<TypeName, { readonly key: string; readonly what: string }>>> = {
  enum: { key: "values", what: "its labels (values), in order" },
  array: { key: "element", what: "its element type (element: { type })" },
};

/** `TYPE_PARAMETERS` as a list, made once: `typeParameters` runs for every column read, checked or written. */
const TYPE_PARAMETER_LIST = Object.entries(TYPE_PARAMETERS);

const typeParameters: Rule = (value) => {
  for (let i = 0; i < TYPE_PARAMETER_LIST.length; i++) {
    const [parameter, types] = TYPE_PARAMETER_LIST[i] as (typeof TYPE_PARAMETER_LIST)[number];
    if (value[parameter] !== undefined && !types.includes(value.type as TypeName)) {
      const what = parameter === "length" || parameter === "precision" || parameter === "scale" ? `a ${parameter}` : parameter;
      return { at: parameter, message: `only ${types.join(" and ")} ${types.length > 1 ? "have" : "has"} ${what}, not ${String(value.type)}` };
    }
  }
  const needed = REQUIRED_PARAMETERS[value.type as TypeName];
  if (needed !== undefined && value[needed.key] === undefined) return { at: needed.key, message: `${String(value.type)} needs ${needed.what}` };
  const { precision, scale } = value;
  if (scale !== undefined && (precision === undefined || (scale as number) > (precision as number))) return { at: "scale", message: "a scale needs a precision at least as large" };
  return undefined;
};

/** An array's element: a scalar type with its parameters (no enums, arrays, serials or JSON). */
const ELEMENT = object<Pick<ColumnTypeSpec, "type" | "length" | "precision" | "scale">>(
  { type: required(choice(ARRAY_ELEMENT_TYPES)), length: optional(integer(1)), precision: optional(integer(1)), scale: optional(integer(0)) },
  { rules: [typeParameters] },
) as Codec<ColumnTypeSpec>;

/** A column's definition without its name (the two sides of `alterColumn`). */
export const COLUMN_STATE_FIELDS: Fields_<Omit<Literal<ColumnEntity>, "name">> = {
  type: required(choice(TYPE_NAMES)),
  length: optional(integer(1)),
  precision: optional(integer(1)),
  scale: optional(integer(0)),
  enumName: optional(NAME),
  values: optional(NAMES),
  element: optional(ELEMENT),
  fallback: optional(choice<ArrayFallback>(["json"])),
  nullable: withDefault(BOOLEAN, false),
  default: withDefault(nullable(DEFAULT), null),
};
export const COLUMN_RULES: readonly Rule[] = [typeParameters];

export const COLUMN = entity<ColumnEntity>("column", { name: required(NAME), ...COLUMN_STATE_FIELDS }, COLUMN_RULES);

export const INDEX = entity<IndexEntity>("index", { name: required(NAME), columns: required(NAMES), method: withDefault(choice(INDEX_METHODS), "btree") });

export const UNIQUE = entity<UniqueEntity>("unique", { name: required(NAME), columns: required(NAMES) });

export const CHECK = entity<CheckEntity>("check", { name: required(NAME), sql: required(SQL) });

const REFERENCES = object<ForeignKeyEntity["references"]>({ table: required(NAME), columns: required(NAMES) });

export const FOREIGN_KEY = entity<ForeignKeyEntity>(
  "foreign_key",
  {
    name: required(NAME),
    columns: required(NAMES),
    references: required(REFERENCES),
    onDelete: withDefault(choice(FOREIGN_KEY_ACTIONS), "no action", true),
    onUpdate: withDefault(choice(FOREIGN_KEY_ACTIONS), "no action", true),
  },
  [(value) => {
    const columns = value.columns as readonly string[];
    const references = value.references as { readonly columns: readonly string[] };
    return references.columns.length === columns.length ? undefined : { at: "references.columns", message: `expected ${columns.length} column(s), as many as "columns"` };
  }],
);

/**
 * The parts of a table, each a list of entities of the table, in the order a file shows them.
 * A part that is empty is left out.
 */
const PARTS = {
  columns: COLUMN,
  indexes: INDEX,
  uniques: UNIQUE,
  checks: CHECK,
  foreignKeys: FOREIGN_KEY,
} as const;

type PartKey = keyof typeof PARTS;
const PART_KEYS = Object.keys(PARTS) as PartKey[];

/** The table's own fields (everything of the table entity but its tag). */
const TABLE_ENTITY_FIELDS: Fields_<Literal<TableEntity>> = {
  name: required(NAME),
  className: optional(NAME),
  primaryKey: required(NAMES),
};

type TableLiteral = Literal<TableEntity> & { readonly [K in PartKey]: TableSchema[K] };

const TABLE_LITERAL = object<TableLiteral>(
  {
    ...TABLE_ENTITY_FIELDS,
    columns: required(listOf(COLUMN)),
    indexes: optionalList(INDEX),
    uniques: optionalList(UNIQUE),
    checks: optionalList(CHECK),
    foreignKeys: optionalList(FOREIGN_KEY),
  },
  { context: "name", rules: [tableConsistency] },
);

function listOf<T>(item: Codec<T>): Codec<readonly T[]> {
  return optionalList(item).codec;
}

/** A whole table (`addTable`, `dropTable`, both sides of `rebuildTable`), checked for consistency. */
export const TABLE: Codec<TableSchema> = mapped(
  TABLE_LITERAL,
  (value) => {
    const table: Record<string, unknown> = { kind: "table" };
    for (const key of Object.keys(TABLE_ENTITY_FIELDS)) if (value[key as keyof TableLiteral] !== undefined) table[key] = value[key as keyof TableLiteral];
    const schema: Record<string, unknown> = { table: Object.freeze(table) };
    for (const key of PART_KEYS) schema[key] = value[key];
    return Object.freeze(schema) as unknown as TableSchema;
  },
  (schema) => {
    for (const key of PART_KEYS) {
      for (const part of schema[key]) {
        if (part.table !== schema.table.name) throw new MigError("MIG_E_INTERNAL", `${key} of table "${schema.table.name}" holds an entity of table "${part.table}"`);
      }
    }
    return { ...schema.table, ...schema } as unknown as TableLiteral;
  },
);

/** Columns named once; the primary key and every part name columns of the table; names used once in each part. */
function tableConsistency(value: Fields): ReturnType<Rule> {
  const columns = value.columns as readonly { readonly name: string }[];
  if (columns.length === 0) return { at: "columns", message: "a table needs at least one column" };
  const known = new Set<string>();
  for (const column of columns) {
    if (known.has(column.name)) return { at: "columns", message: `column ${JSON.stringify(column.name)} is defined twice` };
    known.add(column.name);
  }
  const missing = (names: readonly string[], at: string): ReturnType<Rule> => {
    for (const name of names) if (!known.has(name)) return { at, message: `column ${JSON.stringify(name)} is not a column of table ${JSON.stringify(value.name)}` };
    return undefined;
  };
  const problem = missing(value.primaryKey as readonly string[], "primaryKey");
  if (problem) return problem;
  for (const key of PART_KEYS) {
    if (key === "columns") continue;
    const parts = (value[key] ?? []) as readonly { readonly name: string; readonly columns?: readonly string[] }[];
    for (let index = 0; index < parts.length; index++) {
      const part = parts[index] as { readonly name: string; readonly columns?: readonly string[] };
      for (let other = 0; other < index; other++) {
        if ((parts[other] as { readonly name: string }).name === part.name) return { at: `${key}[${index}].name`, message: `${JSON.stringify(part.name)} is used twice` };
      }
      const wrong = part.columns === undefined ? undefined : missing(part.columns, `${key}[${index}].columns`);
      if (wrong) return wrong;
    }
  }
  return undefined;
}
