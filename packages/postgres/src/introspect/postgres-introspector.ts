import {
  ARRAY_ELEMENT_TYPES,
  type ColumnEntity,
  type ColumnTypeSpec,
  type Connection,
  type Entity,
  type ForeignKeyAction,
  INDEX_METHODS,
  type IndexMethod,
  type Introspector,
  MigError,
  Snapshot,
  isQualifiedTableName,
  qualifiedTableName,
} from "@mig/core/dialect";
import { postgresEmitter, quotePostgresIdentifier } from "../emitter/postgres-emitter";
import { quotePostgresString } from "../emitter/quote-literal";
import { postgresTypeMapper } from "../postgres-type-mapper";
import { normalisePostgresSnapshot } from "../normalise/normalise-snapshot";
import { COLUMNS_SQL, CONSTRAINTS_SQL, INDEXES_SQL, TABLES_SQL } from "./catalog-queries";
import { parsePostgresDefault } from "./parse-default";

/** `pg_constraint.confdeltype` / `confupdtype` codes in the contract's words. */
const ACTIONS: Readonly<Record<string, ForeignKeyAction>> = {
  a: "no action",
  r: "restrict",
  c: "cascade",
  n: "set null",
  d: "set default",
};

interface ColumnRow {
  table_name: string;
  table_schema: string;
  column_name: string;
  data_type: string;
  length: number | null;
  precision: number | null;
  scale: number | null;
  nullable: boolean;
  column_default: string | null;
  identity: boolean;
  native_type: string;
  type_kind: string;
  type_name: string;
  enum_labels: string[] | null;
  type_short_name: string;
  type_in_table_schema: boolean;
}

interface ConstraintRow {
  table_name: string;
  table_schema: string;
  name: string;
  type: "p" | "u" | "c" | "f";
  columns: string[];
  ref_table: string | null;
  ref_schema: string | null;
  ref_columns: string[];
  on_delete: string;
  on_update: string;
  definition: string;
}

interface IndexRow {
  table_name: string;
  table_schema: string;
  name: string;
  method: string;
  is_unique: boolean;
  partial: boolean;
  columns: string[];
  definition: string;
}

/** A serial is an integer column whose default draws from a sequence (or an identity column). */
const NEXTVAL = /^nextval\('.*'::regclass\)$/s;

function unsupported(what: string, table: string): MigError {
  return new MigError("MIG_E_UNSUPPORTED", `Cannot introspect ${what} of table "${table}": mig does not model it`, {
    hint: "Leave the table out with `excludeTables`, or change it to a type mig supports.",
    meta: { table },
  });
}

/** `format_type` of an array's element: `character varying(10)` → varchar(10), `numeric(5,2)` → numeric(5, 2). */
function elementType(native: string): ColumnTypeSpec | undefined {
  const match = /^([a-z ]+?)(?:\((\d+)(?:,(\d+))?\))?$/.exec(native.trim());
  if (!match) return undefined;
  const [, base = "", first, second] = match;
  const spec = postgresTypeMapper.fromNative(base, {
    ...(first !== undefined ? { length: Number(first), precision: Number(first), scale: Number(second ?? 0) } : {}),
  });
  if (spec === undefined || !ARRAY_ELEMENT_TYPES.includes(spec.type)) return undefined;
  // A parameter the element type does not take would be a type mig does not model.
  if (first !== undefined && !["varchar", "char", "numeric"].includes(spec.type)) return undefined;
  return spec;
}

/** The column's type: a modelled scalar, an enum of the table's schema, or a one-dimensional array of a modelled scalar. */
function columnType(row: ColumnRow, autoIncrement: boolean): ColumnTypeSpec | undefined {
  if (row.type_kind === "e") {
    return row.type_in_table_schema && row.enum_labels ? { type: "enum", enumName: row.type_short_name, values: row.enum_labels } : undefined;
  }
  if (row.data_type === "ARRAY") {
    const match = /^(.*)\[\]$/.exec(row.native_type);
    const element = match ? elementType(match[1]!) : undefined;
    return element === undefined ? undefined : { type: "array", element };
  }
  // An interval with fields or a precision (`interval hour`) is another type than interval().
  if (row.data_type === "interval" && row.native_type !== "interval") return undefined;
  return postgresTypeMapper.fromNative(row.data_type, {
    ...(row.length !== null ? { length: row.length } : {}),
    ...(row.data_type === "numeric" && row.precision !== null ? { precision: row.precision, scale: row.scale ?? 0 } : {}),
    autoIncrement,
  });
}

function column(row: ColumnRow): ColumnEntity | undefined {
  const autoIncrement = row.identity || (row.column_default !== null && NEXTVAL.test(row.column_default) && ["integer", "bigint"].includes(row.data_type));
  const spec = columnType(row, autoIncrement);
  if (!spec) return undefined;
  return {
    kind: "column",
    table: row.table_name,
    name: row.column_name,
    ...spec,
    nullable: row.nullable,
    default: autoIncrement ? null : parsePostgresDefault(row.column_default, spec),
  };
}

function typeReason(row: ColumnRow): string {
  return row.type_kind === "e" ? `its type ${row.native_type} is an enum of another schema` : `its type ${row.native_type} is not one mig models`;
}

/** The statements that add the column again: its enum type first (once per type, see `rawSteps`). */
function addColumnSql(row: ColumnRow): string[] {
  const sql: string[] = [];
  if (row.type_kind === "e" && row.enum_labels) sql.push(`CREATE TYPE ${row.type_name} AS ENUM (${row.enum_labels.map(quotePostgresString).join(", ")})`);
  const nullable = row.nullable ? "" : " NOT NULL";
  const fallback = row.column_default === null ? "" : ` DEFAULT ${row.column_default}`;
  sql.push(`ALTER TABLE ${postgresEmitter.hooks.quoteTable(row.table_name)} ADD COLUMN ${quotePostgresIdentifier(row.column_name)} ${row.native_type}${fallback}${nullable}`);
  return sql;
}

/** Strips `CHECK (...)` (and a trailing `NOT VALID` / `NO INHERIT`) from `pg_get_constraintdef`. */
function checkBody(definition: string): string {
  const match = /^CHECK \((.*)\)(?:\s+NO INHERIT)?(?:\s+NOT VALID)?$/s.exec(definition.trim());
  return match ? match[1]! : definition;
}

/**
 * Reads the current schema back from pg_catalog and information_schema as a snapshot, already in
 * the form `normalisePostgresSnapshot` gives an intended snapshot (defaults and check expressions in one
 * spelling), so that the two compare equal when the database is what mig meant to create.
 */
export const postgresIntrospector: Introspector = {
  async introspect(connection: Connection, options = {}) {
    const home = (await connection.query<{ home: string | null }>("SELECT current_schema() AS home")).rows[0]?.home ?? null;
    const schemas = [options.schema ?? home, ...(options.schemas ?? [])].filter((s): s is string => s !== null);
    const params = [[...(options.excludeTables ?? [])], [...new Set(schemas)]];
    // A table of the connection's own schema keeps its plain name; one of another schema is named `"schema"."table"`.
    const named = (schema: string, name: string) => (schema === home ? name : qualifiedTableName(schema, name));
    // The SQL leaves out plain names; a schema-qualified one in `excludeTables` is left out here.
    const excluded = new Set((options.excludeTables ?? []).filter(isQualifiedTableName));
    const kept = <R extends { table_name: string }>(rows: R[]) => (excluded.size === 0 ? rows : rows.filter((r) => !excluded.has(r.table_name)));
    const tables = kept((await connection.query<{ name: string; table_schema: string }>(TABLES_SQL, params)).rows.map((t) => ({ table_name: named(t.table_schema, t.name) })));
    const columns = kept((await connection.query<ColumnRow>(COLUMNS_SQL, params)).rows.map((r) => ({ ...r, table_name: named(r.table_schema, r.table_name) })));
    const constraints = kept((await connection.query<ConstraintRow>(CONSTRAINTS_SQL, params)).rows.map((r) => ({
      ...r,
      table_name: named(r.table_schema, r.table_name),
      ref_table: r.ref_table === null || r.ref_schema === null ? r.ref_table : named(r.ref_schema, r.ref_table),
    })));
    const indexes = kept((await connection.query<IndexRow>(INDEXES_SQL, params)).rows.map((r) => ({ ...r, table_name: named(r.table_schema, r.table_name) })));
    const report = options.onUnsupported;
    // Columns mig does not model, as `table\0column`: left out with what is built on them.
    const skipped = new Set<string>();
    const onSkipped = (table: string, names: readonly string[]) => names.some((name) => skipped.has(`${table}\0${name}`));

    const entities: Entity[] = [];
    const primaryKeys = new Map(constraints.filter((c) => c.type === "p").map((c) => [c.table_name, c.columns]));
    for (const t of tables) entities.push({ kind: "table", name: t.table_name, primaryKey: primaryKeys.get(t.table_name) ?? [] });
    for (const row of columns) {
      const entity = column(row);
      if (entity) {
        entities.push(entity);
        continue;
      }
      if (!report) throw unsupported(`column "${row.column_name}" of type ${row.native_type}`, row.table_name);
      skipped.add(`${row.table_name}\0${row.column_name}`);
      report({ kind: "column", table: row.table_name, name: row.column_name, reason: typeReason(row), sql: addColumnSql(row) });
    }

    for (const c of constraints) {
      const base = { table: c.table_name, name: c.name };
      if (c.type !== "p" && onSkipped(c.table_name, c.columns)) {
        report?.({ kind: "constraint", ...base, reason: "it is built on a column mig does not model", sql: [`ALTER TABLE ${postgresEmitter.hooks.quoteTable(c.table_name)} ADD CONSTRAINT ${quotePostgresIdentifier(c.name)} ${c.definition}`] });
        continue;
      }
      if (c.type === "u") entities.push({ kind: "unique", ...base, columns: c.columns });
      else if (c.type === "c") entities.push({ kind: "check", ...base, sql: checkBody(c.definition) });
      else if (c.type === "f") {
        entities.push({
          kind: "foreign_key",
          ...base,
          columns: c.columns,
          references: { table: c.ref_table ?? "", columns: c.ref_columns },
          onDelete: ACTIONS[c.on_delete] ?? "no action",
          onUpdate: ACTIONS[c.on_update] ?? "no action",
        });
      }
    }
    for (const i of indexes) {
      const modelled = INDEX_METHODS.includes(i.method as IndexMethod);
      if (!modelled || onSkipped(i.table_name, i.columns)) {
        if (!report) throw unsupported(`index "${i.name}" (method ${i.method})`, i.table_name);
        const reason = modelled ? "it is built on a column mig does not model" : `its method ${i.method} is not one mig models`;
        report({ kind: "index", table: i.table_name, name: i.name, reason, sql: [i.definition] });
        continue;
      }
      // mig makes unique constraints, never unique indexes; a plain unique index (made outside mig)
      // is reported as the unique entity it behaves like.
      if (i.is_unique && !i.partial) entities.push({ kind: "unique", table: i.table_name, name: i.name, columns: i.columns });
      else entities.push({ kind: "index", table: i.table_name, name: i.name, columns: i.columns, method: i.method as IndexMethod });
    }
    return normalisePostgresSnapshot(Snapshot.fromEntities(entities));
  },
};
