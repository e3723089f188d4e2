import type { Connection as DriverConnection } from "mysql2/promise";
import type { LockSession } from "./galera-lock";

/**
 * A driver connection as the Galera lock's own session: autocommit, and its UPDATEs and reads
 * wait until this node has applied what the cluster committed before them (wsrep_sync_wait 1 + 2:
 * MariaDB "wsrep_sync_wait"), so a claim is decided on the current row, not a lagging copy.
 */
export async function galeraSession(driver: DriverConnection): Promise<LockSession> {
  driver.on("error", () => undefined);
  try {
    await driver.query("SET SESSION wsrep_sync_wait = 3");
  } catch (error) {
    driver.destroy();
    throw error;
  }
  return {
    async query(sql, params = []) {
      const [result] = params.length === 0 ? await driver.query(sql) : await driver.execute(sql, params as never);
      if (Array.isArray(result)) return { rows: result as Record<string, unknown>[], affectedRows: 0 };
      return { rows: [], affectedRows: (result as { affectedRows?: number }).affectedRows ?? 0 };
    },
    async close() {
      try {
        await driver.end();
      } catch {
        driver.destroy();
      }
    },
  };
}
