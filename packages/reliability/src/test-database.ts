import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Dialect } from "@mig/core";
import type { Connection } from "@mig/core/dialect";
import { mysqlDialect } from "@mig/mysql";
import { postgresDialect } from "@mig/postgres";
import { sqliteDialect } from "@mig/sqlite";

/** The three built-in dialects, by the registry name a config uses. */
export type DialectName = "sqlite" | "postgres" | "mysql";

export const DIALECT_NAMES: readonly DialectName[] = ["sqlite", "postgres", "mysql"];

export const DIALECTS: Readonly<Record<DialectName, Dialect>> = {
  sqlite: sqliteDialect,
  postgres: postgresDialect,
  mysql: mysqlDialect,
};

const SERVER_ENV: Readonly<Record<Exclude<DialectName, "sqlite">, string>> = {
  postgres: "MIG_TEST_POSTGRES_URL",
  mysql: "MIG_TEST_MYSQL_URL",
};

/**
 * The test server's URL for a dialect. Unset is a failure, never a skip: start the servers with
 * `eval "$(bash scripts/db-servers.sh start)"`.
 */
export function serverUrl(dialect: Exclude<DialectName, "sqlite">): string {
  const name = SERVER_ENV[dialect];
  const url = process.env[name];
  if (!url) throw new Error(`${name} is not set. Start the test servers with \`eval "$(bash scripts/db-servers.sh start)"\` and run again.`);
  return url;
}

/** `url` with its database replaced. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** A database of its own for one test file (or one soak run). */
export interface TestDatabase {
  readonly dialectName: DialectName;
  readonly dialect: Dialect;
  /** What a config's `connection` takes: a server URL, or `sqlite:<absolute file>`. */
  readonly url: string;
  /** Opens a connection through the dialect; every one is closed by `drop()`. */
  connect(): Promise<Connection>;
  /** Empties the database: every table goes (the tracking tables included). */
  reset(): Promise<void>;
  drop(): Promise<void>;
}

async function onServer<T>(dialect: Dialect, url: string, fn: (connection: Connection) => Promise<T>): Promise<T> {
  const connection = await dialect.connect(url);
  try {
    return await fn(connection);
  } finally {
    await connection.close();
  }
}

/**
 * A fresh database with a random name (`prefix_<hex>`): a PostgreSQL or MariaDB database on the
 * test server, or a SQLite file in a temporary folder.
 */
export async function createTestDatabase(dialectName: DialectName, prefix = "mig_rel"): Promise<TestDatabase> {
  const dialect = DIALECTS[dialectName];
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  const connections: Connection[] = [];
  let url: string;
  let dropDatabase: () => Promise<void>;
  if (dialectName === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
    url = `sqlite:${join(dir, `${name}.db`)}`;
    dropDatabase = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const server = serverUrl(dialectName);
    const create = dialectName === "postgres" ? `CREATE DATABASE "${name}"` : `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`;
    // FORCE (PostgreSQL 13+) ends sessions left behind, such as a killed child process's.
    const drop = dialectName === "postgres" ? `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)` : `DROP DATABASE IF EXISTS \`${name}\``;
    await onServer(dialect, server, (c) => c.execute({ sql: create, params: [] }));
    url = withDatabase(server, name);
    dropDatabase = async () => {
      await onServer(dialect, server, (c) => c.execute({ sql: drop, params: [] }));
    };
  }
  return {
    dialectName,
    dialect,
    url,
    async connect() {
      const connection = await dialect.connect(url);
      connections.push(connection);
      return connection;
    },
    reset: () => onServer(dialect, url, (c) => dropAllTables(dialectName, c)),
    async drop() {
      await Promise.all(connections.splice(0).map((c) => c.close().catch(() => undefined)));
      await dropDatabase();
    },
  };
}

/** Drops every table of the connection's database, foreign keys notwithstanding. */
export async function dropAllTables(dialectName: DialectName, connection: Connection): Promise<void> {
  const run = (sql: string) => connection.execute({ sql, params: [] });
  if (dialectName === "postgres") {
    await run("DROP SCHEMA public CASCADE");
    await run("CREATE SCHEMA public");
    return;
  }
  if (dialectName === "mysql") {
    const { rows } = await connection.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()");
    await run("SET FOREIGN_KEY_CHECKS = 0");
    for (const { name } of rows) await run(`DROP TABLE IF EXISTS \`${name.replace(/`/g, "``")}\``);
    await run("SET FOREIGN_KEY_CHECKS = 1");
    return;
  }
  const { rows } = await connection.query<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  await run("PRAGMA foreign_keys = OFF");
  for (const { name } of rows) await run(`DROP TABLE IF EXISTS "${name.replace(/"/g, '""')}"`);
  await run("PRAGMA foreign_keys = ON");
}
