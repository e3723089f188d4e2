import { isMigError } from "@mig/core/dialect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectMysql } from "../src/connect-mysql";
import { GALERA_LOCK_TABLE } from "../src/galera-lock";
import type { MysqlConnection } from "../src/mysql-connection";
import { type GaleraDatabase, createGaleraDatabase, galeraTestUrls } from "./support/galera-cluster";

const nodeUrls = galeraTestUrls();

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "resolved";
  } catch (error) {
    return isMigError(error) ? error.code : `not a MigError: ${String(error)}`;
  }
}

/** Holds `connection`'s migration lock until release() is called. */
async function hold(connection: MysqlConnection): Promise<{ release: () => void; done: Promise<unknown> }> {
  const held = deferred();
  const release = deferred();
  const done = connection.withMigrationLock(async () => {
    held.resolve();
    await release.promise;
  }, { timeoutMs: 5000 });
  await held.promise;
  return { release: release.resolve, done };
}

// Nodes 0 and 1 only: the reliability suite kills and restarts node 2 meanwhile.
describe.skipIf(nodeUrls === undefined)("migration lock on a Galera cluster", () => {
  let db: GaleraDatabase;
  const open: MysqlConnection[] = [];
  const connect = async (node: number, staleAfterMs?: number) => {
    const connection = await db.connect(node, staleAfterMs === undefined ? {} : { lockStaleAfterMs: staleAfterMs });
    open.push(connection);
    return connection;
  };

  beforeAll(async () => {
    db = await createGaleraDatabase(nodeUrls!);
  });
  afterAll(async () => {
    await Promise.all(open.map((c) => c.close()));
    await db?.drop();
  });

  it("detects the cluster, and its sessions run DDL in TOI", async () => {
    const a = await connect(0);
    expect(a.galera).toBe(true);
    const { rows } = await a.query<{ method: string; wait: number }>("SELECT @@SESSION.wsrep_OSU_method AS method, @@SESSION.wsrep_sync_wait AS wait");
    expect(rows[0]).toEqual({ method: "TOI", wait: 1 });
  });

  it("holds across nodes: a run on another node waits and times out, where GET_LOCK would not", async () => {
    const a = await connect(0);
    const b = await connect(1);
    // What the lock replaces: GET_LOCK of the same name succeeds on both nodes at once.
    const lockName = `mig:${db.name}`;
    expect((await a.query<{ got: number }>("SELECT GET_LOCK(?, 0) AS got", [lockName])).rows[0]?.got).toBe(1);
    expect((await b.query<{ got: number }>("SELECT GET_LOCK(?, 0) AS got", [lockName])).rows[0]?.got).toBe(1);
    await a.query("SELECT RELEASE_LOCK(?)", [lockName]);
    await b.query("SELECT RELEASE_LOCK(?)", [lockName]);

    const holder = await hold(a);
    const waits: string[] = [];
    let ran = false;
    const code = await codeOf(b.withMigrationLock(async () => void (ran = true), { timeoutMs: 600, onWait: (m) => waits.push(m) }));
    expect(code).toBe("MIG_E_LOCK_TIMEOUT");
    expect(ran).toBe(false);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toMatch(new RegExp(`pid ${process.pid}`));
    holder.release();
    await holder.done;
    // Released in finally: the other node gets it at once.
    expect(await b.withMigrationLock(async () => "b", { timeoutMs: 10_000 })).toBe("b");
    const { rows } = await b.query<{ owner: string | null }>(`SELECT owner FROM \`${GALERA_LOCK_TABLE}\``);
    expect(rows).toEqual([{ owner: null }]);
  });

  it("six sessions on two nodes contending: never two holders at once", async () => {
    const connections = await Promise.all([0, 1, 0, 1, 0, 1].map((node) => connect(node)));
    let inside = 0;
    let most = 0;
    let entered = 0;
    await Promise.all(
      connections.map((c) =>
        c.withMigrationLock(async () => {
          inside++;
          entered++;
          most = Math.max(most, inside);
          await new Promise((resolve) => setTimeout(resolve, 50));
          inside--;
        }, { timeoutMs: 30_000 }),
      ),
    );
    expect(entered).toBe(6);
    expect(most).toBe(1);
  });

  it("releases the row when the function throws", async () => {
    const a = await connect(1);
    const b = await connect(0);
    await expect(a.withMigrationLock(async () => { throw new Error("boom"); }, { timeoutMs: 1000 })).rejects.toThrow("boom");
    expect(await b.withMigrationLock(async () => "free", { timeoutMs: 10_000 })).toBe("free");
  });

  it("takes over a holder whose heartbeat stopped, after staleAfterMs", async () => {
    const a = await connect(0);
    const other = await connect(0);
    const { rows: node } = await other.query<{ Value: string }>("SHOW STATUS LIKE 'wsrep_gcomm_uuid'");
    // A holder on a live node that stopped beating (its process died there): written by hand.
    await a.withMigrationLock(async () => undefined, { timeoutMs: 1000 });
    await a.query(
      `UPDATE \`${GALERA_LOCK_TABLE}\` SET owner = 'dead-owner', owner_node = ?, owner_info = 'a dead run', heartbeat_at = UTC_TIMESTAMP(6)`,
      [node[0]!.Value],
    );
    const b = await connect(1, 1500);
    const started = Date.now();
    const waits: string[] = [];
    expect(await b.withMigrationLock(async () => "taken over", { timeoutMs: 10_000, onWait: (m) => waits.push(m) })).toBe("taken over");
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(waits[0]).toMatch(/a dead run/);
  });

  it("a live holder's heartbeat keeps it from being taken over, however long it holds", async () => {
    const a = await connect(0, 900);
    const b = await connect(1, 900);
    const holder = await hold(a);
    let ran = false;
    expect(await codeOf(b.withMigrationLock(async () => void (ran = true), { timeoutMs: 2500 }))).toBe("MIG_E_LOCK_TIMEOUT");
    expect(ran).toBe(false);
    holder.release();
    await holder.done;
  });

  it("a holder whose lock session ends loses its main session too, so it cannot go on unguarded", async () => {
    const a = await connect(0, 600);
    const admin = await connect(0);
    const holder = await hold(a);
    const { rows } = await admin.query<{ id: number }>(`SELECT owner_connection AS id FROM \`${GALERA_LOCK_TABLE}\` WHERE owner IS NOT NULL`);
    await admin.query(`KILL ${Number(rows[0]!.id)}`);
    let code = "resolved";
    for (let i = 0; i < 50 && code === "resolved"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      code = await codeOf(a.query("SELECT 1"));
    }
    expect(code).toBe("MIG_E_CONNECTION");
    holder.release();
    await holder.done;
    // The row left behind is taken over at once: its session is gone from this node.
    const b = await connect(0);
    expect(await b.withMigrationLock(async () => "next", { timeoutMs: 8000 })).toBe("next");
  });

  it("takes over at once from a holder whose node is not in the cluster", async () => {
    const a = await connect(0);
    await a.query(
      `UPDATE \`${GALERA_LOCK_TABLE}\` SET owner = 'gone', owner_node = '00000000-dead-node-0000-000000000000', owner_info = 'a departed node', heartbeat_at = UTC_TIMESTAMP(6)`,
    );
    const started = Date.now();
    expect(await a.withMigrationLock(async () => "mine", { timeoutMs: 5000 })).toBe("mine");
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it("takes over at once from a session on the same node that has ended", async () => {
    const a = await connect(1);
    const gone = await connect(1);
    const { rows } = await gone.query<{ id: number; user: string }>("SELECT CONNECTION_ID() AS id, CURRENT_USER() AS user");
    const { rows: node } = await gone.query<{ Value: string }>("SHOW STATUS LIKE 'wsrep_gcomm_uuid'");
    await gone.close();
    await a.query(
      `UPDATE \`${GALERA_LOCK_TABLE}\` SET owner = 'ended', owner_node = ?, owner_connection = ?, owner_user = ?, owner_info = 'an ended session', heartbeat_at = UTC_TIMESTAMP(6)`,
      [node[0]!.Value, rows[0]!.id, rows[0]!.user],
    );
    const started = Date.now();
    expect(await a.withMigrationLock(async () => "mine", { timeoutMs: 5000 })).toBe("mine");
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it("a user who may not read mysql.wsrep_cluster_members still gets the lock, and takes over by heartbeat only", async () => {
    const admin = await connect(0);
    const user = `mig_app_${db.name.slice(-6)}`;
    await admin.query(`CREATE USER '${user}'@'127.0.0.1' IDENTIFIED BY 'app'`);
    try {
      await admin.query(`GRANT ALL ON \`${db.name}\`.* TO '${user}'@'127.0.0.1'`);
      await admin.query(
        `UPDATE \`${GALERA_LOCK_TABLE}\` SET owner = 'gone', owner_node = '00000000-dead-node-0000-000000000000', owner_info = 'a departed node', heartbeat_at = UTC_TIMESTAMP(6)`,
      );
      const url = new URL(db.urls[1]!);
      url.username = user;
      url.password = "app";
      const app = await connectMysql(url.toString(), { lockStaleAfterMs: 1000 });
      open.push(app);
      const started = Date.now();
      expect(await app.withMigrationLock(async () => "by heartbeat", { timeoutMs: 10_000 })).toBe("by heartbeat");
      expect(Date.now() - started).toBeGreaterThanOrEqual(700);
    } finally {
      await admin.query(`DROP USER IF EXISTS '${user}'@'127.0.0.1'`);
    }
  });
});
