import type { Connection } from "@mig/core/dialect";

export interface ColumnRow {
  table_name: string;
  column_name: string;
  column_default: string | null;
  is_nullable: string;
  column_type: string;
  extra: string;
}
export interface KeyRow {
  table_name: string;
  constraint_name: string;
  constraint_type: "PRIMARY KEY" | "UNIQUE" | "FOREIGN KEY";
  column_name: string;
  referenced_table_name: string | null;
  referenced_column_name: string | null;
}
export interface RuleRow {
  table_name: string;
  constraint_name: string;
  update_rule: string;
  delete_rule: string;
}
export interface IndexRow {
  table_name: string;
  index_name: string;
  column_name: string | null;
  index_type: string;
}
export interface CheckRow {
  table_name: string;
  constraint_name: string;
  check_clause: string;
  /** MariaDB only: `Column` for a check written on a column (JSON's automatic one), `Table` otherwise. */
  level?: string;
}

/** Everything the introspector reads, for the connection's current database. */
export interface CatalogRows {
  readonly mariadb: boolean;
  readonly tables: readonly string[];
  readonly columns: readonly ColumnRow[];
  readonly keys: readonly KeyRow[];
  readonly rules: readonly RuleRow[];
  readonly indexes: readonly IndexRow[];
  readonly checks: readonly CheckRow[];
}

/**
 * MariaDB's CHECK_CONSTRAINTS has TABLE_NAME (check names are per table there); MySQL 8's has not
 * (names are per schema), so the table comes from TABLE_CONSTRAINTS.
 */
const CHECKS_MARIADB = `SELECT TABLE_NAME AS table_name, CONSTRAINT_NAME AS constraint_name, CHECK_CLAUSE AS check_clause, LEVEL AS level
  FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?`;
const CHECKS_MYSQL = `SELECT tc.TABLE_NAME AS table_name, cc.CONSTRAINT_NAME AS constraint_name, cc.CHECK_CLAUSE AS check_clause
  FROM information_schema.TABLE_CONSTRAINTS tc
  JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
  WHERE tc.TABLE_SCHEMA = ? AND tc.CONSTRAINT_TYPE = 'CHECK'`;

export async function readCatalog(connection: Connection): Promise<CatalogRows & { database: string | null }> {
  const { rows: info } = await connection.query<{ db: string | null; version: string }>("SELECT DATABASE() AS db, VERSION() AS version");
  const database = info[0]?.db ?? null;
  const mariadb = /mariadb/i.test(info[0]?.version ?? "");
  if (database === null) return { database, mariadb, tables: [], columns: [], keys: [], rules: [], indexes: [], checks: [] };
  const q = async <Row>(sql: string) => (await connection.query<Row>(sql, [database])).rows;
  const tables = await q<{ table_name: string }>(
    "SELECT TABLE_NAME AS table_name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'",
  );
  const columns = await q<ColumnRow>(
    `SELECT TABLE_NAME AS table_name, COLUMN_NAME AS column_name, COLUMN_DEFAULT AS column_default, IS_NULLABLE AS is_nullable,
       COLUMN_TYPE AS column_type, EXTRA AS extra
     FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION`,
  );
  const keys = await q<KeyRow>(
    `SELECT tc.TABLE_NAME AS table_name, tc.CONSTRAINT_NAME AS constraint_name, tc.CONSTRAINT_TYPE AS constraint_type,
       k.COLUMN_NAME AS column_name, k.REFERENCED_TABLE_NAME AS referenced_table_name, k.REFERENCED_COLUMN_NAME AS referenced_column_name
     FROM information_schema.TABLE_CONSTRAINTS tc
     JOIN information_schema.KEY_COLUMN_USAGE k
       ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND k.TABLE_NAME = tc.TABLE_NAME AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
     WHERE tc.TABLE_SCHEMA = ? AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')
     ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME, k.ORDINAL_POSITION`,
  );
  const rules = await q<RuleRow>(
    `SELECT TABLE_NAME AS table_name, CONSTRAINT_NAME AS constraint_name, UPDATE_RULE AS update_rule, DELETE_RULE AS delete_rule
     FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?`,
  );
  const indexes = await q<IndexRow>(
    `SELECT TABLE_NAME AS table_name, INDEX_NAME AS index_name, COLUMN_NAME AS column_name, INDEX_TYPE AS index_type
     FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND NON_UNIQUE = 1 ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
  );
  const checks = await q<CheckRow>(mariadb ? CHECKS_MARIADB : CHECKS_MYSQL);
  return { database, mariadb, tables: tables.map((t) => t.table_name), columns, keys, rules, indexes, checks };
}
