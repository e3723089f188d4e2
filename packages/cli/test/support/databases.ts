import { join } from "node:path";
import type { Connection, IntrospectingDialect } from "@mig/core/dialect";
import { mysqlDialect } from "@mig/mysql";
import { postgresDialect } from "@mig/postgres";
import { sqliteDialect } from "@mig/sqlite";

export type DatabaseKind = "sqlite" | "postgres" | "mysql";

/** A fresh, empty database for one test file, and the dialect to inspect it with. */
export interface TestDatabase {
  readonly kind: DatabaseKind;
  /** What DATABASE_URL is set to. */
  readonly url: string;
  readonly dialect: IntrospectingDialect;
  connect(): Promise<Connection>;
  drop(): Promise<void>;
}

const SERVER_ENV: Readonly<Record<Exclude<DatabaseKind, "sqlite">, string>> = {
  postgres: "MIG_TEST_POSTGRES_URL",
  mysql: "MIG_TEST_MYSQL_URL",
};

/** Server databases are made with these statements (identifiers are generated, never user input). */
const SERVER = {
  postgres: { dialect: postgresDialect, create: (n: string) => `CREATE DATABASE "${n}"`, drop: (n: string) => `DROP DATABASE IF EXISTS "${n}"` },
  mysql: {
    dialect: mysqlDialect,
    create: (n: string) => `CREATE DATABASE \`${n}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    drop: (n: string) => `DROP DATABASE IF EXISTS \`${n}\``,
  },
} as const;

export async function createTestDatabase(kind: DatabaseKind, dir: string): Promise<TestDatabase> {
  if (kind === "sqlite") {
    const url = `sqlite:${join(dir, "e2e.db")}`;
    return { kind, url, dialect: sqliteDialect, connect: () => sqliteDialect.connect(url), drop: async () => {} };
  }
  const variable = SERVER_ENV[kind];
  const adminUrl = process.env[variable];
  if (!adminUrl) {
    throw new Error(`${variable} is not set: start the test servers with eval "$(bash scripts/db-servers.sh start)" (or run npm test)`);
  }
  const server = SERVER[kind];
  const name = `mig_cli_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = await server.dialect.connect(adminUrl);
  try {
    await admin.query(server.create(name));
  } finally {
    await admin.close();
  }
  const parsed = new URL(adminUrl);
  parsed.pathname = `/${name}`;
  const url = parsed.toString();
  return {
    kind,
    url,
    dialect: server.dialect,
    connect: () => server.dialect.connect(url),
    async drop() {
      const connection = await server.dialect.connect(adminUrl);
      try {
        await connection.query(server.drop(name));
      } finally {
        await connection.close();
      }
    },
  };
}

/** Runs `statements` one after another on a connection of their own to `db` (DDL written by hand, as a user would). */
export async function execSql(db: TestDatabase, statements: readonly string[]): Promise<void> {
  const connection = await db.connect();
  try {
    for (const sql of statements) await connection.query(sql);
  } finally {
    await connection.close();
  }
}
