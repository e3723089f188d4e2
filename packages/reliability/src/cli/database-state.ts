import { type Dialect, type Snapshot } from "@mig/core";
import { type Connection, requireIntrospector } from "@mig/core/dialect";
import { DEFAULT_TRACKING_TABLE, progressTableName } from "@mig/core/internal";
import { schemaDifferences } from "@mig/core/testing";

/** One row of the tracking table. */
export interface TrackingRow {
  readonly app: string;
  readonly id: string;
  readonly checksum: string;
}

/** One row of the progress table (databases without transactional DDL). */
export interface ProgressRow {
  readonly app: string;
  readonly id: string;
  readonly direction: string;
  readonly done: number;
  readonly total: number;
}

const q = (dialect: Dialect, name: string) => dialect.emitter.hooks.quoteIdentifier(name);

async function tableExists(dialect: Dialect, connection: Connection, table: string): Promise<boolean> {
  try {
    await connection.query(`SELECT 1 FROM ${q(dialect, table)} WHERE 1 = 0`);
    return true;
  } catch {
    return false;
  }
}

/** Every tracking row, in ID order (none when the table does not exist yet). */
export async function trackingRows(dialect: Dialect, connection: Connection): Promise<TrackingRow[]> {
  if (!(await tableExists(dialect, connection, DEFAULT_TRACKING_TABLE))) return [];
  const { rows } = await connection.query<{ app_name: string; name: string; checksum: string }>(
    `SELECT ${q(dialect, "app_name")}, ${q(dialect, "name")}, ${q(dialect, "checksum")} FROM ${q(dialect, DEFAULT_TRACKING_TABLE)} ORDER BY ${q(dialect, "name")}, ${q(dialect, "id")}`,
  );
  return rows.map((r) => ({ app: r.app_name, id: r.name, checksum: r.checksum }));
}

/** Every progress row (none when the table does not exist: dialects with transactional DDL). */
export async function progressRows(dialect: Dialect, connection: Connection): Promise<ProgressRow[]> {
  const table = progressTableName(DEFAULT_TRACKING_TABLE);
  if (!(await tableExists(dialect, connection, table))) return [];
  const { rows } = await connection.query<Record<string, unknown>>(`SELECT * FROM ${q(dialect, table)}`);
  return rows.map((r) => ({ app: String(r.app_name), id: String(r.name), direction: String(r.direction), done: Number(r.statements_done), total: Number(r.total) }));
}

/** The database's schema, without mig's own tables. */
export function introspectApp(dialect: Dialect, connection: Connection): Promise<Snapshot> {
  return requireIntrospector(dialect, "this check").introspect(connection, { excludeTables: [DEFAULT_TRACKING_TABLE, progressTableName(DEFAULT_TRACKING_TABLE)] });
}

/** Differences between the database's schema and `expected` (empty when equal). */
export async function schemaProblems(dialect: Dialect, connection: Connection, expected: Snapshot): Promise<string[]> {
  return schemaDifferences(dialect, expected, await introspectApp(dialect, connection));
}

/** Tracking rows that appear more than once (by app and ID). */
export function duplicates(rows: readonly TrackingRow[]): string[] {
  const seen = new Map<string, number>();
  for (const row of rows) seen.set(`${row.app}/${row.id}`, (seen.get(`${row.app}/${row.id}`) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([key, n]) => `${key} x${n}`);
}
