import {
  type ColumnTypeSpec,
  type Connection,
  type Entity,
  type ForeignKeyAction,
  type Introspector,
  type ColumnDefault,
  FOREIGN_KEY_ACTIONS,
  normaliseDefault,
  Snapshot,
} from "@mig/core/dialect";
import { type ParsedConstraint, type ParsedTable, parseCreateTable } from "./parse-create-table";
import { enumLabels } from "./enum-check";
import { parseSqliteDefault } from "./sqlite-defaults";
import { affinityType, sqliteTypeMapper } from "./sqlite-type-mapper";

interface ColumnRow { cid: number; name: string; type: string; notnull: number; dflt_value: string | null; pk: number; hidden: number }
interface IndexRow { name: string; unique: number; origin: "c" | "u" | "pk"; partial: number }
interface IndexColumnRow { seqno: number; cid: number; name: string | null }
interface ForeignKeyRow { id: number; seq: number; table: string; from: string; to: string | null; on_update: string; on_delete: string }

/** The tracking tables (`mig_migrations` and anything named after it) are never part of a schema. */
const TRACKING_PREFIX = "mig_migrations";

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => same(x, b[i] as string));

/**
 * Reads a SQLite database back as a snapshot, from `PRAGMA table_list` / `sqlite_master` and the
 * table-valued pragmas, plus the stored CREATE TABLE text for what the
 * pragmas do not report (constraint names, CHECK expressions, DEFAULT expressions, AUTOINCREMENT).
 *
 * Normalised to match {@link normaliseSqliteSnapshot}: UNIQUE constraints become `unique`
 * entities under their constraint names, explicit indexes `index` entities, defaults
 * `ColumnDefault`s, foreign-key actions the contract's lowercase words. Partial indexes and
 * indexes on expressions are not modelled and are left out.
 *
 * @example
 * ```ts
 * const snapshot = await sqliteIntrospector.introspect(connection);
 * snapshot.table("band")?.uniques; // [{ kind: "unique", table: "band", name: "band_name_key", columns: ["name"] }]
 * ```
 */
export const sqliteIntrospector: Introspector = {
  async introspect(connection, options) {
    const excluded = new Set(options?.excludeTables ?? []);
    const { rows } = await connection.query<{ name: string; sql: string }>(
      // table_list's type separates ordinary tables from views, virtual and shadow tables.
      `SELECT l.name AS name, m.sql AS sql FROM pragma_table_list AS l JOIN sqlite_master AS m ON m.name = l.name AND m.type = 'table'
       WHERE l.schema = 'main' AND l.type = 'table' AND l.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY l.name`,
    );
    const tables = rows.filter((t) => !t.name.startsWith(TRACKING_PREFIX) && !excluded.has(t.name));
    const allNames = rows.map((t) => t.name);
    const entities: Entity[] = [];
    for (const table of tables) entities.push(...(await introspectTable(connection, table.name, parseCreateTable(table.sql), allNames)));
    return Snapshot.fromEntities(entities);
  },
};

async function introspectTable(connection: Connection, table: string, parsed: ParsedTable, allNames: readonly string[]): Promise<Entity[]> {
  const columns = (await connection.query<ColumnRow>(`SELECT * FROM pragma_table_xinfo(?) ORDER BY cid`, [table])).rows
    // hidden: 1 virtual-table column, 2/3 generated columns.
    .filter((c) => c.hidden === 0);
  const columnName = (name: string) => columns.find((c) => same(c.name, name))?.name ?? name;
  const primaryKey = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
  const entities: Entity[] = [{ kind: "table", name: table, primaryKey }];

  // The CHECKs that make enums: not check entities of their own.
  const enumChecks = new Set<string>();
  for (const column of columns) {
    const source = parsed.columns.find((c) => same(c.name, column.name));
    // AUTOINCREMENT is only allowed on the rowid alias: that column is a serial.
    const autoIncrement = source?.autoIncrement === true && primaryKey.length === 1 && column.pk === 1;
    // A TEXT column whose own unnamed CHECK is `"column" IN ('a', ...)` is an enum (enum-check.ts).
    const labels = column.type.toUpperCase() === "TEXT" ? source?.checks?.map((c) => enumLabels(c, column.name)).find((l) => l !== undefined) : undefined;
    if (labels !== undefined) enumChecks.add(source!.checks!.find((c) => enumLabels(c, column.name) !== undefined)!);
    const spec: ColumnTypeSpec = labels !== undefined ? { type: "enum", values: labels }
      : sqliteTypeMapper.fromNative(column.type, { autoIncrement }) ?? affinityType(column.type);
    const clause = source?.default ?? (column.dflt_value === null ? undefined : { parenthesised: false, text: column.dflt_value });
    entities.push({
      kind: "column",
      table,
      name: column.name,
      ...spec,
      // A primary key column is never NULL for mig (SQLite would allow it outside the rowid alias).
      nullable: column.notnull === 0 && column.pk === 0,
      default: clause && spec.type !== "serial" ? decimalForm(parseSqliteDefault(clause, spec), spec) : null,
    });
  }

  const constraints = [...parsed.constraints];
  const take = <K extends ParsedConstraint["kind"]>(kind: K, match: (c: Extract<ParsedConstraint, { kind: K }>) => boolean) => {
    const at = constraints.findIndex((c) => c.kind === kind && match(c as Extract<ParsedConstraint, { kind: K }>));
    return at === -1 ? undefined : (constraints.splice(at, 1)[0] as Extract<ParsedConstraint, { kind: K }>);
  };

  const indexes = (await connection.query<IndexRow>(`SELECT * FROM pragma_index_list(?) ORDER BY name`, [table])).rows;
  for (const index of indexes) {
    if (index.origin === "pk" || index.partial === 1) continue;
    const parts = (await connection.query<IndexColumnRow>(`SELECT * FROM pragma_index_info(?) ORDER BY seqno`, [index.name])).rows;
    // cid -2 is an expression, -1 the rowid: not modelled.
    if (parts.some((p) => p.cid < 0 || p.name === null)) continue;
    const indexColumns = parts.map((p) => p.name as string);
    if (index.origin === "u") {
      // The index of a UNIQUE constraint is named sqlite_autoindex_*; the constraint's own name
      // exists only in the CREATE TABLE text.
      // Identical UNIQUE constraints share one index: one entity each.
      const names: string[] = [];
      for (let source = take("unique", (c) => sameList(c.columns, indexColumns)); source; source = take("unique", (c) => sameList(c.columns, indexColumns))) {
        names.push(source.name ?? `${table}_${indexColumns.join("_")}_key`);
      }
      for (const name of names.length > 0 ? [...new Set(names)] : [`${table}_${indexColumns.join("_")}_key`]) {
        entities.push({ kind: "unique", table, name, columns: indexColumns });
      }
    } else if (index.unique === 1) {
      // CREATE UNIQUE INDEX (mig never writes one): the same guarantee as a UNIQUE constraint.
      entities.push({ kind: "unique", table, name: index.name, columns: indexColumns });
    } else {
      entities.push({ kind: "index", table, name: index.name, columns: indexColumns, method: "btree" });
    }
  }

  let checkNumber = 0;
  for (const check of parsed.constraints) {
    if (check.kind !== "check") continue;
    if (check.name === undefined && enumChecks.has(check.sql)) continue;
    checkNumber++;
    entities.push({ kind: "check", table, name: check.name ?? `${table}_${checkNumber}_check`, sql: check.sql });
  }

  const keys = (await connection.query<ForeignKeyRow>(`SELECT * FROM pragma_foreign_key_list(?) ORDER BY id, seq`, [table])).rows;
  for (const id of [...new Set(keys.map((k) => k.id))]) {
    const rows = keys.filter((k) => k.id === id);
    const first = rows[0] as ForeignKeyRow;
    const target = allNames.find((n) => same(n, first.table)) ?? first.table;
    const fkColumns = rows.map((r) => columnName(r.from));
    const targetColumns = rows.some((r) => r.to === null) ? await primaryKeyOf(connection, target) : rows.map((r) => r.to as string);
    const source = take("foreign_key", (c) => sameList(c.columns, fkColumns) && same(c.references.table, first.table));
    entities.push({
      kind: "foreign_key",
      table,
      name: source?.name ?? `${table}_${fkColumns.join("_")}_fkey`,
      columns: fkColumns,
      references: { table: target, columns: targetColumns },
      onDelete: action(first.on_delete),
      onUpdate: action(first.on_update),
    });
  }
  return entities;
}

/**
 * NUMERIC affinity keeps `DEFAULT 0` as the integer 0: a numeric
 * default is read back in mig's form for decimals, an exact string with the column's scale ("0.00"),
 * as `numeric({ precision: 8, scale: 2 }).default(0)` gives it.
 */
function decimalForm(value: ColumnDefault, spec: ColumnTypeSpec): ColumnDefault {
  if (spec.type !== "numeric" || value.kind !== "value" || (typeof value.value !== "number" && typeof value.value !== "string")) return value;
  const normalised = normaliseDefault({ kind: "value", value: value.value }, spec, true);
  return normalised.ok && normalised.value !== null ? normalised.value : value;
}

async function primaryKeyOf(connection: Connection, table: string): Promise<string[]> {
  const { rows } = await connection.query<ColumnRow>(`SELECT * FROM pragma_table_xinfo(?) WHERE pk > 0 ORDER BY pk`, [table]);
  return rows.map((r) => r.name);
}

/** `"SET NULL"` → `"set null"`; SQLite reports `NO ACTION` when none was written. */
function action(words: string): ForeignKeyAction {
  const lower = words.toLowerCase() as ForeignKeyAction;
  return FOREIGN_KEY_ACTIONS.includes(lower) ? lower : "no action";
}
