import {
  type ColumnEntity,
  type Connection,
  type Entity,
  type ForeignKeyAction,
  INDEX_METHODS,
  type IndexMethod,
  type Introspector,
  MigError,
  Snapshot,
} from "@mig/core/dialect";
import { quoteIdentifier } from "../emitter/postgres-emitter";
import { quoteString } from "../emitter/quote-literal";
import { postgresTypeMapper } from "../postgres-type-mapper";
import { normaliseSnapshot } from "../normalise/normalise-snapshot";
import { COLUMNS_SQL, CONSTRAINTS_SQL, INDEXES_SQL, TABLES_SQL } from "./catalog-queries";
import { parseDefault } from "./parse-default";

/** `pg_constraint.confdeltype` / `confupdtype` codes (manual §53.13) in the contract's words. */
const ACTIONS: Readonly<Record<string, ForeignKeyAction>> = {
  a: "no action",
  r: "restrict",
  c: "cascade",
  n: "set null",
  d: "set default",
};

interface ColumnRow {
  table_name: string;
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
}

interface ConstraintRow {
  table_name: string;
  name: string;
  type: "p" | "u" | "c" | "f";
  columns: string[];
  ref_table: string | null;
  ref_columns: string[];
  on_delete: string;
  on_update: string;
  definition: string;
}

interface IndexRow {
  table_name: string;
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

function column(row: ColumnRow): ColumnEntity | undefined {
  const autoIncrement = row.identity || (row.column_default !== null && NEXTVAL.test(row.column_default) && ["integer", "bigint"].includes(row.data_type));
  const spec = postgresTypeMapper.fromNative(row.data_type, {
    ...(row.length !== null ? { length: row.length } : {}),
    ...(row.data_type === "numeric" && row.precision !== null ? { precision: row.precision, scale: row.scale ?? 0 } : {}),
    autoIncrement,
  });
  if (!spec) return undefined;
  return {
    entity: "column",
    table: row.table_name,
    name: row.column_name,
    ...spec,
    nullable: row.nullable,
    default: autoIncrement ? null : parseDefault(row.column_default, spec),
  };
}

function typeReason(row: ColumnRow): string {
  return row.type_kind === "e" ? `its type ${row.native_type} is an enum` : `its type ${row.native_type} is not one mig models`;
}

/** The statements that add the column again: its enum type first (once per type, see `rawSteps`). */
function addColumnSql(row: ColumnRow): string[] {
  const sql: string[] = [];
  if (row.type_kind === "e" && row.enum_labels) sql.push(`CREATE TYPE ${row.type_name} AS ENUM (${row.enum_labels.map(quoteString).join(", ")})`);
  const nullable = row.nullable ? "" : " NOT NULL";
  const fallback = row.column_default === null ? "" : ` DEFAULT ${row.column_default}`;
  sql.push(`ALTER TABLE ${quoteIdentifier(row.table_name)} ADD COLUMN ${quoteIdentifier(row.column_name)} ${row.native_type}${fallback}${nullable}`);
  return sql;
}

/** Strips `CHECK (...)` (and a trailing `NOT VALID` / `NO INHERIT`) from `pg_get_constraintdef`. */
function checkBody(definition: string): string {
  const match = /^CHECK \((.*)\)(?:\s+NO INHERIT)?(?:\s+NOT VALID)?$/s.exec(definition.trim());
  return match ? match[1]! : definition;
}

/**
 * Reads the current schema back from pg_catalog and information_schema as a snapshot, already in
 * the form `normaliseSnapshot` gives an intended snapshot (defaults and check expressions in one
 * spelling), so that the two compare equal when the database is what mig meant to create.
 */
export const postgresIntrospector: Introspector = {
  async introspect(connection: Connection, options = {}) {
    const params = [[...(options.excludeTables ?? [])], options.schema ?? null];
    const tables = (await connection.query<{ name: string }>(TABLES_SQL, params)).rows;
    const columns = (await connection.query<ColumnRow>(COLUMNS_SQL, params)).rows;
    const constraints = (await connection.query<ConstraintRow>(CONSTRAINTS_SQL, params)).rows;
    const indexes = (await connection.query<IndexRow>(INDEXES_SQL, params)).rows;
    const report = options.onUnsupported;
    // Columns mig does not model, as `table\0column`: left out with what is built on them.
    const skipped = new Set<string>();
    const onSkipped = (table: string, names: readonly string[]) => names.some((name) => skipped.has(`${table}\0${name}`));

    const entities: Entity[] = [];
    const primaryKeys = new Map(constraints.filter((c) => c.type === "p").map((c) => [c.table_name, c.columns]));
    for (const t of tables) entities.push({ entity: "table", name: t.name, primaryKey: primaryKeys.get(t.name) ?? [] });
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
        report?.({ kind: "constraint", ...base, reason: "it is built on a column mig does not model", sql: [`ALTER TABLE ${quoteIdentifier(c.table_name)} ADD CONSTRAINT ${quoteIdentifier(c.name)} ${c.definition}`] });
        continue;
      }
      if (c.type === "u") entities.push({ entity: "unique", ...base, columns: c.columns });
      else if (c.type === "c") entities.push({ entity: "check", ...base, sql: checkBody(c.definition) });
      else if (c.type === "f") {
        entities.push({
          entity: "foreign_key",
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
      if (i.is_unique && !i.partial) entities.push({ entity: "unique", table: i.table_name, name: i.name, columns: i.columns });
      else entities.push({ entity: "index", table: i.table_name, name: i.name, columns: i.columns, method: i.method as IndexMethod });
    }
    return normaliseSnapshot(Snapshot.fromEntities(entities));
  },
};
