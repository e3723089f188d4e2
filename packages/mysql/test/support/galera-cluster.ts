import { randomBytes } from "node:crypto";
import { type ConnectMysqlOptions, connectMysql } from "../../src/connect-mysql";
import type { MysqlConnection } from "../../src/mysql-connection";
import { withDatabase } from "./test-database";

/**
 * The three node URLs of the test Galera cluster (`MIG_TEST_GALERA_URLS`, comma-separated), or
 * undefined where it cannot run: `scripts/db-servers.sh start-galera` needs root, so without root
 * the Galera tests are skipped; as root, a missing cluster is a failure.
 */
export function galeraTestUrls(): readonly string[] | undefined {
  const urls = (process.env["MIG_TEST_GALERA_URLS"] ?? "").split(",").filter(Boolean);
  if (urls.length >= 2) return urls;
  if (process.getuid?.() !== 0) return undefined;
  throw new Error(
    "MIG_TEST_GALERA_URLS is not set. Start the test cluster with `eval \"$(scripts/db-servers.sh start-galera)\"` and run the tests again.",
  );
}

export interface GaleraDatabase {
  readonly name: string;
  /** The database's URL on each node. */
  readonly urls: readonly string[];
  connect(node: number, options?: ConnectMysqlOptions): Promise<MysqlConnection>;
  drop(): Promise<void>;
}

/** A fresh database on the cluster (created on node 0; DDL is replicated to every node). */
export async function createGaleraDatabase(nodeUrls: readonly string[], prefix = "mig_galera"): Promise<GaleraDatabase> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = await connectMysql(nodeUrls[0]!);
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.close();
  }
  const urls = nodeUrls.map((url) => withDatabase(url, name));
  return {
    name,
    urls,
    connect: (node, options) => connectMysql(urls[node]!, options),
    async drop() {
      const connection = await connectMysql(nodeUrls[0]!);
      try {
        await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await connection.close();
      }
    },
  };
}
