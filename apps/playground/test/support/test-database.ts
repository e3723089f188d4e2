import { join } from "node:path";
import type { Connection, IntrospectingDialect } from "@mig/core/dialect";
import { mysqlDialect } from "@mig/mysql";
import { postgresDialect } from "@mig/postgres";
import { sqliteDialect } from "@mig/sqlite";

export type DatabaseKind = "sqlite" | "postgres" | "mysql";

export interface TestDatabase {
  readonly url: string;
  readonly dialect: IntrospectingDialect;
  connect(): Promise<Connection>;
  drop(): Promise<void>;
}

const SERVERS = {
  postgres: { variable: "MIG_TEST_POSTGRES_URL", dialect: postgresDialect, quote: (n: string) => `"${n}"`, charset: "" },
  mysql: { variable: "MIG_TEST_MYSQL_URL", dialect: mysqlDialect, quote: (n: string) => `\`${n}\``, charset: " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" },
} as const;

/** A fresh database: a SQLite file in `dir`, or a new database on the test server (which must be running). */
export async function createTestDatabase(kind: DatabaseKind, dir: string): Promise<TestDatabase> {
  if (kind === "sqlite") {
    const url = `sqlite:${join(dir, "playground-test.db")}`;
    return { url, dialect: sqliteDialect, connect: () => sqliteDialect.connect(url), drop: async () => {} };
  }
  const server = SERVERS[kind];
  const adminUrl = process.env[server.variable];
  if (!adminUrl) throw new Error(`${server.variable} is not set: start the test servers with eval "$(bash scripts/db-servers.sh start)" (or run npm test)`);
  const name = `mig_playground_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const run = async (sql: string) => {
    const admin = await server.dialect.connect(adminUrl);
    try {
      await admin.query(sql);
    } finally {
      await admin.close();
    }
  };
  await run(`CREATE DATABASE ${server.quote(name)}${server.charset}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dialect: server.dialect,
    connect: () => server.dialect.connect(url.toString()),
    drop: () => run(`DROP DATABASE IF EXISTS ${server.quote(name)}`),
  };
}
