import { randomBytes } from "node:crypto";
import { connectMysql } from "../../src/connect-mysql";
import type { MysqlConnection } from "../../src/mysql-connection";

/** The server URL from the environment; tests fail (never skip) without it. */
export function mysqlTestUrl(): string {
  const url = process.env["MIG_TEST_MYSQL_URL"];
  if (!url) {
    throw new Error(
      "MIG_TEST_MYSQL_URL is not set. Start the test servers with `eval \"$(scripts/db-servers.sh start)\"` " +
        "(it prints export MIG_TEST_MYSQL_URL=mysql://root:root@127.0.0.1:PORT/...) and run the tests again.",
    );
  }
  return url;
}

// Checked when a test file loads, so that without a server the file fails as a whole (rather than
// its tests being reported as skipped after a failing beforeAll).
mysqlTestUrl();

/** `url` pointing at another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  connect(): Promise<MysqlConnection>;
  drop(): Promise<void>;
}

/** A fresh database with a random name, for one test file. */
export async function createTestDatabase(prefix = "mig_test"): Promise<TestDatabase> {
  const serverUrl = mysqlTestUrl();
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = await connectMysql(serverUrl);
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.close();
  }
  const url = withDatabase(serverUrl, name);
  return {
    name,
    url,
    connect: () => connectMysql(url),
    async drop() {
      const connection = await connectMysql(serverUrl);
      try {
        await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await connection.close();
      }
    },
  };
}
