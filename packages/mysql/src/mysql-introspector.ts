import {
  type ColumnTypeSpec,
  type Entity,
  type ForeignKeyAction,
  type Introspector,
  MigError,
  Snapshot,
  type TypeMapper,
  type UnsupportedObject,
  quoteIdentifierWith,
} from "@mig/core/dialect";
import { quoteMysqlString } from "./mysql-literal";
import { type CatalogRows, readCatalog } from "./introspection-queries";
import { mysqlTypeFromNative } from "./mysql-type-mapper";
import { normaliseMysqlExpression } from "./normalise-expression";
import { normaliseMysqlSnapshot } from "./normalise-snapshot";
import { parseReportedDefault } from "./reported-default";

/** The tracking table and its companions are never part of an app's schema. */
const TRACKING_PREFIX = "mig_migrations";

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

function action(rule: string | undefined): ForeignKeyAction {
  const word = (rule ?? "NO ACTION").toLowerCase();
  return word === "restrict" || word === "cascade" || word === "set null" || word === "set default" ? word : "no action";
}

const JSON_VALID = /^json_valid\(`((?:[^`]|``)+)`\)$/;

/**
 * MariaDB's JSON is LONGTEXT plus an automatic column-level CHECK `json_valid(\`col\`)` (MariaDB KB
 * "JSON Data Type"), named after the column when it was created and keeping that name when the
 * column is renamed. Such a column is json, and its check is not a user check.
 * Returns the json columns and the checks to leave out, as `table\0name` keys.
 */
function jsonColumns(rows: CatalogRows): { columns: Set<string>; checks: Set<string> } {
  const longtext = new Set(rows.columns.filter((c) => /^longtext/i.test(c.column_type)).map((c) => `${c.table_name}\0${c.column_name}`));
  const columns = new Set<string>();
  const checks = new Set<string>();
  for (const c of rows.checks) {
    if (c.level !== undefined && c.level !== null && c.level !== "Column") continue;
    const match = JSON_VALID.exec(normaliseMysqlExpression(c.check_clause));
    const column = match ? `${c.table_name}\0${match[1]!.replace(/``/g, "`")}` : undefined;
    if (column && longtext.has(column)) {
      columns.add(column);
      checks.add(`${c.table_name}\0${c.constraint_name}`);
    }
  }
  return { columns, checks };
}

const quote = quoteIdentifierWith("`");

/** `ALTER TABLE … ADD COLUMN …` for a column mig does not model, from what information_schema says of it. */
function addColumnSql(c: CatalogRows["columns"][number], mariadb: boolean): string {
  // MariaDB reports a literal default quoted (an expression as is); MySQL 8 reports the bare text.
  const fallback = c.column_default === null ? "" : ` DEFAULT ${mariadb ? c.column_default : quoteMysqlString(c.column_default)}`;
  return `ALTER TABLE ${quote(c.table_name)} ADD COLUMN ${quote(c.column_name)} ${c.column_type} ${c.is_nullable === "YES" ? "NULL" : "NOT NULL"}${fallback}`;
}

/** The catalog rows of the tables in `tables` → entities. With `report`, what mig does not model is reported and left out. */
export function catalogEntities(rows: CatalogRows, tables: ReadonlySet<string>, report?: (object: UnsupportedObject) => void): Entity[] {
  const entities: Entity[] = [];
  const skipped = new Set<string>();
  const onSkipped = (table: string, names: readonly (string | null)[]) => names.some((name) => skipped.has(`${table}\0${name}`));
  const json = jsonColumns(rows);
  const keys = groupBy(rows.keys.filter((k) => tables.has(k.table_name)), (k) => `${k.table_name}\0${k.constraint_name}`);
  const rules = new Map(rows.rules.map((r) => [`${r.table_name}\0${r.constraint_name}`, r]));
  for (const table of tables) {
    const primary = keys.get(`${table}\0PRIMARY`)?.map((k) => k.column_name) ?? [];
    // With `report`, a table without a key is still read (mig pull keeps it as a raw step).
    if (primary.length === 0 && !report) {
      throw new MigError("MIG_E_UNSUPPORTED", `Table "${table}" has no primary key; mig only models tables with one`, {
        hint: "Leave the table out with excludeTables, or give it a primary key.",
        meta: { table },
      });
    }
    entities.push({ kind: "table", name: table, primaryKey: primary });
  }
  for (const c of rows.columns.filter((row) => tables.has(row.table_name))) {
    const spec: ColumnTypeSpec | undefined = json.columns.has(`${c.table_name}\0${c.column_name}`)
      ? { type: "json" } : mysqlTypeFromNative(c.column_type, /auto_increment/i.test(c.extra));
    if (!spec && report) {
      skipped.add(`${c.table_name}\0${c.column_name}`);
      const reason = /^(enum|set)\(/i.test(c.column_type) ? `its type ${c.column_type.replace(/\(.*/s, "")} is an enumeration` : `its type ${c.column_type} is not one mig models`;
      report({ kind: "column", table: c.table_name, name: c.column_name, reason, sql: [addColumnSql(c, rows.mariadb)] });
      continue;
    }
    if (!spec) {
      throw new MigError("MIG_E_UNSUPPORTED", `Column "${c.table_name}"."${c.column_name}" has type ${c.column_type}, which mig does not model`, {
        hint: "Leave the table out with excludeTables.",
        meta: { table: c.table_name, column: c.column_name, type: c.column_type },
      });
    }
    const nullable = c.is_nullable === "YES";
    const reported = parseReportedDefault(c.column_default, spec, { mariadb: rows.mariadb, extra: c.extra });
    entities.push({ kind: "column", table: c.table_name, name: c.column_name, ...spec, nullable, default: reported });
  }
  const foreignKeyIndexes = new Set<string>();
  for (const [key, columns] of keys) {
    const first = columns[0]!;
    const names = columns.map((k) => k.column_name);
    if (report && first.constraint_type !== "PRIMARY KEY" && onSkipped(first.table_name, names)) {
      const rule = rules.get(key);
      const body = first.constraint_type === "UNIQUE"
        ? `UNIQUE (${names.map(quote).join(", ")})`
        : `FOREIGN KEY (${names.map(quote).join(", ")}) REFERENCES ${quote(first.referenced_table_name ?? "")} (${columns.map((k) => quote(k.referenced_column_name ?? "")).join(", ")}) ON DELETE ${action(rule?.delete_rule).toUpperCase()} ON UPDATE ${action(rule?.update_rule).toUpperCase()}`;
      const sql = `ALTER TABLE ${quote(first.table_name)} ADD CONSTRAINT ${quote(first.constraint_name)} ${body}`;
      report({ kind: "constraint", table: first.table_name, name: first.constraint_name, reason: "it is built on a column mig does not model", sql: [sql] });
      if (first.constraint_type === "FOREIGN KEY") foreignKeyIndexes.add(`${key}\0${names.join("\0")}`);
      continue;
    }
    if (first.constraint_type === "UNIQUE") {
      entities.push({ kind: "unique", table: first.table_name, name: first.constraint_name, columns: names });
    } else if (first.constraint_type === "FOREIGN KEY") {
      const rule = rules.get(key);
      entities.push({
        kind: "foreign_key",
        table: first.table_name,
        name: first.constraint_name,
        columns: names,
        references: { table: first.referenced_table_name ?? "", columns: columns.map((k) => k.referenced_column_name ?? "") },
        onDelete: action(rule?.delete_rule),
        onUpdate: action(rule?.update_rule),
      });
      foreignKeyIndexes.add(`${key}\0${names.join("\0")}`);
    }
  }
  for (const [key, parts] of groupBy(rows.indexes.filter((i) => tables.has(i.table_name)), (i) => `${i.table_name}\0${i.index_name}`)) {
    const first = parts[0]!;
    const columns = parts.map((p) => p.column_name);
    // The index backing a foreign key, under the key's name: part of the foreign key, not an index of its own.
    if (foreignKeyIndexes.has(`${key}\0${columns.join("\0")}`)) continue;
    const method = first.index_type.toLowerCase();
    if (report && first.index_name !== "PRIMARY" && ((method !== "btree" && method !== "hash") || columns.some((c) => c === null) || onSkipped(first.table_name, columns))) {
      const kind = method === "fulltext" || method === "spatial" ? `${method.toUpperCase()} ` : "";
      const sql = columns.some((c) => c === null) ? [] : [`CREATE ${kind}INDEX ${quote(first.index_name)} ON ${quote(first.table_name)} (${columns.map((c) => quote(c as string)).join(", ")})`];
      const reason = onSkipped(first.table_name, columns) ? "it is built on a column mig does not model" : `it is a ${first.index_type} index, which mig does not model`;
      report({ kind: "index", table: first.table_name, name: first.index_name, reason, sql });
      continue;
    }
    if ((method !== "btree" && method !== "hash") || columns.some((c) => c === null)) {
      throw new MigError("MIG_E_UNSUPPORTED", `Index "${first.index_name}" on "${first.table_name}" (${first.index_type}) is not one mig models`, {
        hint: "Leave the table out with excludeTables.",
        meta: { table: first.table_name, index: first.index_name },
      });
    }
    entities.push({ kind: "index", table: first.table_name, name: first.index_name, columns: columns as string[], method });
  }
  for (const c of rows.checks) {
    if (!tables.has(c.table_name) || json.checks.has(`${c.table_name}\0${c.constraint_name}`)) continue;
    entities.push({ kind: "check", table: c.table_name, name: c.constraint_name, sql: normaliseMysqlExpression(c.check_clause) });
  }
  return entities;
}

/**
 * Reads the current database's tables (leaving out `mig_migrations*` and `excludeTables`) from
 * information_schema, in the normalised form of {@link normaliseMysqlSnapshot}.
 */
export function createMysqlIntrospector(types: TypeMapper): Introspector {
  return {
    async introspect(connection, options = {}) {
      const rows = await readCatalog(connection);
      const excluded = new Set(options.excludeTables ?? []);
      const tables = new Set(rows.tables.filter((t) => !t.startsWith(TRACKING_PREFIX) && !excluded.has(t)));
      return normaliseMysqlSnapshot(Snapshot.fromEntities(catalogEntities(rows, tables, options.onUnsupported)), types);
    },
  };
}
