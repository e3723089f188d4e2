import { randomBytes } from "node:crypto";
import type { Connection } from "@mig/core/dialect";
import pg from "pg";
import { postgresDialect } from "../../src/index";

/**
 * The server tests run against: `MIG_TEST_POSTGRES_URL` (printed by `scripts/db-servers.sh start`).
 * Unset is a failure, never a skip.
 */
export function postgresTestUrl(): string {
  const url = process.env.MIG_TEST_POSTGRES_URL;
  if (!url) {
    throw new Error(
      "MIG_TEST_POSTGRES_URL is not set. Start the test servers with `eval \"$(scripts/db-servers.sh start)\"` and run the tests again.",
    );
  }
  return url;
}

/** `url` with its database replaced. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresTestUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  /** Opens a connection through the dialect; closed by `drop()`. */
  connect(): Promise<Connection>;
  drop(): Promise<void>;
}

/** A fresh database with a random name, so test files can run in parallel. */
export async function createTestDatabase(prefix = "mig_pg_test"): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = withDatabase(postgresTestUrl(), name);
  const connections: Connection[] = [];
  return {
    name,
    url,
    async connect() {
      const connection = await postgresDialect.connect(url);
      connections.push(connection);
      return connection;
    },
    async drop() {
      await Promise.all(connections.map((c) => c.close()));
      // FORCE (PostgreSQL 13+) ends sessions a test left behind, e.g. a killed child's.
      await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
