import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import type { Connection } from "@mig/core/dialect";
import { mysqlDialect } from "@mig/mysql";
import { withDatabase } from "./test-database";

/**
 * The node URLs of the test Galera cluster (`MIG_TEST_GALERA_URLS`, comma-separated), or undefined
 * where it cannot run: `scripts/db-servers.sh start-galera` needs root, so without root the Galera
 * tests are skipped; as root, a missing cluster is a failure.
 */
export function galeraUrls(): readonly string[] | undefined {
  const urls = (process.env.MIG_TEST_GALERA_URLS ?? "").split(",").filter(Boolean);
  if (urls.length === 3) return urls;
  if (process.getuid?.() !== 0) return undefined;
  throw new Error("MIG_TEST_GALERA_URLS is not set (three node URLs). Start the cluster with `eval \"$(bash scripts/db-servers.sh start-galera)\"` and run again.");
}

/**
 * Kills node `index` (0-based) with SIGKILL, or starts it again and waits until it has caught up
 * with the cluster, through the script that started the cluster.
 */
export function galeraNode(root: string, action: "kill" | "start", index: number): void {
  execFileSync("bash", [join(root, "scripts/db-servers.sh"), "galera-node", action, String(index + 1)], { cwd: root, stdio: ["ignore", "ignore", "pipe"], timeout: 120_000 });
}

/** A fresh database on the cluster: its URL on each node, and a connection to it on each node. */
export interface GaleraDatabase {
  readonly name: string;
  readonly urls: readonly string[];
  connect(index: number): Promise<Connection>;
  drop(): Promise<void>;
}

export async function createGaleraDatabase(nodeUrls: readonly string[], prefix = "mig_rel_galera"): Promise<GaleraDatabase> {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  const onNode = async (index: number, sql: string) => {
    const connection = await mysqlDialect.connect(nodeUrls[index]!);
    try {
      await connection.execute({ sql, params: [] });
    } finally {
      await connection.close();
    }
  };
  await onNode(0, `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const urls = nodeUrls.map((url) => withDatabase(url, name));
  const open: Connection[] = [];
  return {
    name,
    urls,
    async connect(index) {
      const connection = await mysqlDialect.connect(urls[index]!);
      open.push(connection);
      return connection;
    },
    async drop() {
      await Promise.all(open.splice(0).map((c) => c.close().catch(() => undefined)));
      // Any live node will do (DDL is replicated); one may just have been killed.
      for (const index of nodeUrls.keys()) {
        try {
          return await onNode(index, `DROP DATABASE IF EXISTS \`${name}\``);
        } catch {
          // try the next node
        }
      }
    },
  };
}
