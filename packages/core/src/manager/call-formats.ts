import { MigError } from "../errors/mig-error";
import type { SchemaOperation, SchemaOperationKind } from "../operations/operation";
import type { ColumnEntity, Entity, TableEntity } from "../snapshot/entities";
import { type Codec, type Field, type Fields_, BOOLEAN, JSON_VALUE, NAME, mapped, object, optional, record, required } from "./codec";
import { CHECK, COLUMN, COLUMN_RULES, COLUMN_STATE_FIELDS, type EntityFormat, FOREIGN_KEY, INDEX, TABLE, UNIQUE } from "./entity-formats";
import type { Fields } from "./read-arguments";

/*
 * The migration-file format, described once: for every operation kind, the manager method that
 * records it and the shape of its one literal argument. The manager's reader, the serialiser's
 * writer and its fast loadability check are all derived from this table (read-call.ts,
 * write-call.ts). A new operation kind is one entry here (the table must have every kind); a new
 * field of an entity is one entry in entity-formats.ts.
 */

/** How one operation kind is written in a file: `manager.<method>(<argument>)`. */
export interface CallFormat<O extends SchemaOperation = SchemaOperation, M extends string = string> {
  readonly method: M;
  /** The argument, read into the operation (consent aside) and written from it. */
  readonly argument: Codec<O>;
}

type OperationOf<K extends SchemaOperationKind> = Extract<SchemaOperation, { readonly kind: K }>;

/** The argument is the whole table (`addTable`, `dropTable`). */
function wholeTable<K extends "create_table" | "drop_table", M extends string>(kind: K, method: M): CallFormat<OperationOf<K>, M> {
  return { method, argument: mapped(TABLE, (schema) => Object.freeze({ kind, schema }) as OperationOf<K>, (operation) => (operation as OperationOf<"create_table">).schema) };
}

/** The argument holds the operation's fields as they are (renames). */
function sameFields<K extends SchemaOperationKind, M extends string>(kind: K, method: M, fields: Fields_<Omit<OperationOf<K>, "kind">>): CallFormat<OperationOf<K>, M> {
  return { method, argument: mapped(object(fields), (value) => Object.freeze({ kind, ...value }) as unknown as OperationOf<K>, (operation) => operation) };
}

/**
 * The argument is one entity of a table, spread, with its `table` first and `extra` fields after
 * (`addIndex({ table, name, columns })`). `onOperation`: the operation names the table too (columns).
 */
function entityCall<K extends SchemaOperationKind, M extends string, E extends Exclude<Entity, TableEntity>>(
  kind: K,
  method: M,
  key: keyof OperationOf<K> & string,
  format: EntityFormat<E>,
  options: {
    readonly onOperation?: boolean;
    readonly extra?: Readonly<Record<string, Field<unknown>>>;
    /** Fields the planner sets on the operation, never written into a file. */
    readonly planOnly?: readonly string[];
  } = {},
): CallFormat<OperationOf<K>, M> {
  const extra = options.extra ?? {};
  const literal = object<Fields>({ table: required(NAME), ...(format.fields as Fields_<Fields>), ...extra }, { rules: format.rules });
  const argument = mapped(
    literal,
    (value) => {
      const table = value.table as string;
      const operation: Record<string, unknown> = { kind };
      if (options.onOperation) operation.table = table;
      operation[key] = format.build(value, table);
      for (const name of Object.keys(extra)) if (value[name] !== undefined) operation[name] = value[name];
      return Object.freeze(operation) as unknown as OperationOf<K>;
    },
    (operation) => {
      const entity = (operation as unknown as Record<string, unknown>)[key] as E;
      for (const name of options.planOnly ?? []) {
        if ((operation as unknown as Record<string, unknown>)[name] !== undefined) {
          throw new MigError("MIG_E_INTERNAL", `${kind} of ${entity.table}.${entity.name} carries "${name}", which only a plan holds: plans are never written into a file`);
        }
      }
      if (options.onOperation && entity.table !== (operation as unknown as { readonly table?: string }).table) {
        throw new MigError("MIG_E_INTERNAL", `${kind} on table "${String((operation as unknown as { readonly table?: string }).table)}" carries a ${format.tag} of table "${entity.table}"`);
      }
      const value: Record<string, unknown> = { ...entity, table: entity.table };
      for (const name of Object.keys(extra)) value[name] = (operation as unknown as Record<string, unknown>)[name];
      return value;
    },
  );
  return { method, argument };
}

const COLUMN_STATE = object(COLUMN_STATE_FIELDS, { rules: COLUMN_RULES });

/** `alterColumn({ table, name, from, to })`: both sides without the name, which cannot change. */
const ALTER_COLUMN: CallFormat<OperationOf<"alter_column">, "alterColumn"> = {
  method: "alterColumn",
  argument: mapped(
    object<Fields>({ table: required(NAME), name: required(NAME), from: required(COLUMN_STATE), to: required(COLUMN_STATE), backfill: optional(JSON_VALUE), lossy: optional(BOOLEAN) }),
    (value) => {
      const { table, name } = value as { readonly table: string; readonly name: string };
      const side = (state: unknown): ColumnEntity => COLUMN.build({ name, ...(state as Fields) }, table);
      return Object.freeze({
        kind: "alter_column",
        table,
        from: side(value.from),
        to: side(value.to),
        ...(value.backfill === undefined ? {} : { backfill: value.backfill }),
        ...(value.lossy === undefined ? {} : { lossy: value.lossy }),
      }) as OperationOf<"alter_column">;
    },
    (operation) => {
      for (const side of [operation.from, operation.to]) {
        if (side.table !== operation.table) throw new MigError("MIG_E_INTERNAL", `alter_column on table "${operation.table}" carries a column of table "${side.table}"`);
      }
      if (operation.from.name !== operation.to.name) {
        throw new MigError("MIG_E_INTERNAL", `alter_column changes the name of ${operation.table}.${operation.from.name}: a rename is its own operation`);
      }
      return { table: operation.table, name: operation.from.name, from: operation.from, to: operation.to, backfill: operation.backfill, lossy: operation.lossy };
    },
  ),
};

/** The names of a table's columns, on a read table or on a table literal. */
function columnNames(table: unknown): readonly string[] {
  return ((table as { readonly columns: readonly { readonly name: string }[] }).columns).map((column) => column.name);
}

/** `rebuildTable({ from, to, columnMap, backfill })`, as files written by mig 0.1 hold them. */
const REBUILD_TABLE: CallFormat<OperationOf<"rebuild_table">, "rebuildTable"> = {
  method: "rebuildTable",
  argument: mapped(
    object<Fields>(
      { from: required(TABLE), to: required(TABLE), columnMap: required(record(NAME)), backfill: optional(record(JSON_VALUE)) },
      {
        rules: [
          (value) => {
            const before = columnNames(value.from);
            const after = columnNames(value.to);
            const fromName = (value.from as { readonly table?: { readonly name: string }; readonly name?: string });
            for (const [target, source] of Object.entries(value.columnMap as Fields)) {
              if (!before.includes(source as string)) return { at: `columnMap.${target}`, message: `expected a column of ${JSON.stringify(fromName.table?.name ?? fromName.name)} before the rebuild` };
              if (!after.includes(target)) return { at: "columnMap", message: `${JSON.stringify(target)} is not a column of the rebuilt table` };
            }
            return undefined;
          },
        ],
      },
    ),
    (value) => Object.freeze({ kind: "rebuild_table", ...value }) as unknown as OperationOf<"rebuild_table">,
    (operation) => operation as unknown as Fields,
  ),
};

/**
 * Every operation kind a file can hold, with its manager method, in the order the manager's
 * reference lists them. One method per kind, named after it.
 */
export const CALL_FORMATS = {
  create_table: wholeTable("create_table", "addTable"),
  drop_table: wholeTable("drop_table", "dropTable"),
  rename_table: sameFields("rename_table", "renameTable", { from: required(NAME), to: required(NAME) }),
  add_column: entityCall("add_column", "addColumn", "column", COLUMN, { onOperation: true, extra: { backfill: optional(JSON_VALUE) }, planOnly: ["references"] }),
  drop_column: entityCall("drop_column", "dropColumn", "column", COLUMN, { onOperation: true }),
  rename_column: sameFields("rename_column", "renameColumn", { table: required(NAME), from: required(NAME), to: required(NAME) }),
  alter_column: ALTER_COLUMN,
  add_index: entityCall("add_index", "addIndex", "index", INDEX),
  drop_index: entityCall("drop_index", "dropIndex", "index", INDEX),
  add_unique: entityCall("add_unique", "addUnique", "unique", UNIQUE),
  drop_unique: entityCall("drop_unique", "dropUnique", "unique", UNIQUE),
  add_check: entityCall("add_check", "addCheck", "check", CHECK),
  drop_check: entityCall("drop_check", "dropCheck", "check", CHECK),
  add_foreign_key: entityCall("add_foreign_key", "addForeignKey", "foreignKey", FOREIGN_KEY),
  drop_foreign_key: entityCall("drop_foreign_key", "dropForeignKey", "foreignKey", FOREIGN_KEY),
  rebuild_table: REBUILD_TABLE,
} as const satisfies { readonly [K in SchemaOperationKind]: CallFormat<OperationOf<K>> };

/**
 * Method names that files written by mig 0.1 use, read as the kind their `discriminator` field
 * names (the field is dropped, the rest is read as that kind's argument). Never written.
 */
export const CALL_ALIASES = {
  addConstraint: { discriminator: "kind", kinds: { unique: "add_unique", check: "add_check", foreign_key: "add_foreign_key" } },
  dropConstraint: { discriminator: "kind", kinds: { unique: "drop_unique", check: "drop_check", foreign_key: "drop_foreign_key" } },
} as const satisfies Readonly<Record<string, { readonly discriminator: string; readonly kinds: Readonly<Record<string, SchemaOperationKind>> }>>;

/** A manager method that records one operation kind. */
export type CallMethod = (typeof CALL_FORMATS)[SchemaOperationKind]["method"];
/** A method a file may call: one per kind, and the old names read as aliases. */
export type ManagerMethod = CallMethod | keyof typeof CALL_ALIASES;

/** One manager call, as the serialiser writes it: the method and its single literal argument. */
export interface ManagerCall {
  readonly method: ManagerMethod;
  readonly argument: Readonly<Record<string, unknown>>;
}

/** The operation kind each method records (aliases aside). */
export const KIND_OF_METHOD: ReadonlyMap<string, SchemaOperationKind> = new Map(
  (Object.entries(CALL_FORMATS) as [SchemaOperationKind, CallFormat][]).map(([kind, format]) => [format.method, kind]),
);
