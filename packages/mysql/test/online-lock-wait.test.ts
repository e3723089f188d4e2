import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Dialect, runForwards } from "@mig/core";
import { type Connection, type SchemaOperation } from "@mig/core/dialect";
import { stallUnderBlocker, startWriteLoad, testMigration, testMigrationId } from "@mig/core/testing";
import { mysqlDialect } from "@mig/mysql";
import { type TestDatabase, createTestDatabase } from "./support/test-database";

/**
 * An online ALTER on MariaDB waits for the table's exclusive metadata lock (briefly, at its start
 * and end); behind a transaction that touched the table, writers queue behind that wait. These
 * tests hold such a transaction open for a known time while a writer loop updates the table.
 */
const dialect = mysqlDialect;
const ROWS = 10_000;
let database: TestDatabase;
let connection: Connection;
beforeAll(async () => {
  database = await createTestDatabase("mig_my_lock_wait");
  connection = await dialect.connect(database.url);
  await connection.query("CREATE TABLE lw_parent (id INT PRIMARY KEY)");
  await connection.query("INSERT INTO lw_parent (id) WITH RECURSIVE g (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < 100) SELECT i FROM g");
});
afterAll(async () => {
  await connection?.close();
  await database?.drop();
});

/** Table `name`: `ROWS` rows, `p` → 1..100 of lw_parent. */
async function table(name: string): Promise<void> {
  await connection.query(`CREATE TABLE \`${name}\` (id INT AUTO_INCREMENT PRIMARY KEY, n INT NOT NULL, p INT NOT NULL)`);
  await connection.query(
    `INSERT INTO \`${name}\` (n, p) WITH RECURSIVE g (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM g WHERE i < 99) SELECT a.i * 100 + b.i, 1 + b.i FROM g a CROSS JOIN g b`,
  );
}

/** An online index and foreign key on `name`. */
const changes = (name: string): SchemaOperation[] => [
  { kind: "add_index", index: { kind: "index", table: name, name: `${name}_n_idx`, columns: ["n"], method: "btree" }, online: true },
  {
    kind: "add_foreign_key",
    foreignKey: { kind: "foreign_key", table: name, name: `${name}_p_fkey`, columns: ["p"], references: { table: "lw_parent", columns: ["id"] }, onDelete: "no action", onUpdate: "no action" },
    online: true,
  },
];

/** Another session with a transaction open that read `name` (it holds the table's shared metadata lock until it ends). */
async function holdTable(name: string): Promise<{ id: number; release: () => Promise<number> }> {
  const blocker = await dialect.connect(database.url);
  const id = Number((await blocker.query<{ id: number }>("SELECT CONNECTION_ID() AS id")).rows[0]!.id);
  await blocker.query("START TRANSACTION");
  await blocker.query(`SELECT 1 FROM \`${name}\` LIMIT 1`);
  return {
    id,
    async release() {
      await blocker.query("COMMIT");
      await blocker.close();
      return performance.now();
    },
  };
}

/** What the table has of the two changes, read from the catalog. */
async function applied(name: string): Promise<{ index: boolean; foreignKey: boolean }> {
  const snapshot = await dialect.introspector.introspect(connection);
  const t = snapshot.table(name);
  return { index: t?.indexes.some((i) => i.name === `${name}_n_idx`) ?? false, foreignKey: t?.foreignKeys.some((f) => f.name === `${name}_p_fkey`) ?? false };
}

const progressDone = async (): Promise<number | undefined> => {
  const { rows } = await connection.query<{ statements_done: number }>("SELECT statements_done FROM mig_migrations_progress");
  return rows[0] === undefined ? undefined : Number(rows[0].statements_done);
};

/** The dialect as it was before online steps bounded their waits: every ALTER waits as long as the server lets it. */
const unbounded: Dialect = { ...dialect, online: { ...dialect.online!, boundStatement: undefined, appliedLockTimeoutMs: undefined, lockHolders: undefined } };

describe("online lock waits on MariaDB", () => {
  it("preview shows each ALTER bounded (SET STATEMENT lock_wait_timeout, whole seconds) and the orphan check not", async () => {
    await table("lw_preview");
    const sources = [testMigration({ appName: "lw_preview", id: testMigrationId(1), operations: changes("lw_preview") })];
    const preview = await runForwards({ dialect, connection, sources, preview: true, online: { lockTimeoutMs: 2_500 } });
    const sql = preview.migrations[0]?.statements?.map((s) => s.sql) ?? [];
    expect(sql[0]).toBe("SET STATEMENT lock_wait_timeout=3 FOR ALTER TABLE `lw_preview` ADD INDEX `lw_preview_n_idx` (`n`), ALGORITHM=INPLACE, LOCK=NONE");
    expect(sql[1]).toMatch(/^SET STATEMENT lock_wait_timeout=3, foreign_key_checks=0 FOR ALTER TABLE `lw_preview` ADD .*, ALGORITHM=INPLACE, LOCK=NONE$/);
    expect(sql[2]).toMatch(/^BEGIN NOT ATOMIC IF EXISTS \(SELECT 1 FROM `lw_preview` AS mig_child/);
    const defaults = await runForwards({ dialect, connection, sources, preview: true });
    expect(defaults.migrations[0]?.statements?.[0]?.sql).toMatch(/^SET STATEMENT lock_wait_timeout=1 FOR ALTER TABLE/);
  });

  it("waits out a long transaction on the table without stalling writers, then applies (a migration that queued for it stalls them)", async () => {
    const BLOCKER_MS = 1_500;
    async function underBlocker(name: string, n: number, on: Dialect): Promise<number> {
      await table(name);
      const own = await dialect.connect(database.url);
      const sources = [testMigration({ appName: name, id: testMigrationId(n), operations: changes(name) })];
      const { result, finishedAt, releasedAt, longestMs, writes } = await stallUnderBlocker({
        write: (i) => own.query(`UPDATE \`${name}\` SET n = n + 1 WHERE id = ?`, [2 + ((i * 7919) % (ROWS - 1))]),
        hold: () => holdTable(name),
        holdMs: BLOCKER_MS,
        // The transaction has been open a while when the migration starts (as a long one would be).
        headStartMs: 200,
        apply: () => runForwards({ dialect: on, connection, sources }),
      }).finally(() => own.close());
      expect(result.error?.message ?? "ok").toBe("ok");
      expect(writes).toBeGreaterThan(0);
      // Applied only after the blocker let go: its metadata lock is in the way of every ALTER.
      expect(finishedAt).toBeGreaterThan(releasedAt);
      expect(await applied(name)).toEqual({ index: true, foreignKey: true });
      return Math.round(longestMs);
    }
    const bounded = await underBlocker("lw_bounded", 2, dialect);
    const queued = await underBlocker("lw_queued", 3, unbounded);
    console.log(`MariaDB: blocker ${BLOCKER_MS} ms; longest write stall: online lock waits ${bounded} ms, one unbounded wait ${queued} ms`);
    // The unbounded run shows what is measured: writers wait for (most of) the blocker.
    expect(queued).toBeGreaterThan(BLOCKER_MS / 2);
    // Bounded: the runner never asked for the lock while the transaction was open.
    expect(bounded).toBeLessThan(BLOCKER_MS / 4);
  }, 60_000);

  it("gives up with MIG_E_ONLINE_LOCK_BUSY naming the session in the way when its patience runs out; nothing half-applied, the next run resumes", async () => {
    await table("lw_busy");
    const blocker = await holdTable("lw_busy");
    const sources = [testMigration({ appName: "lw_busy", id: testMigrationId(4), operations: changes("lw_busy") })];
    const started = performance.now();
    const refused = await runForwards({ dialect, connection, sources, online: { retries: 2, backoffMs: 100 } });
    const tookMs = performance.now() - started;
    expect(refused.error?.code).toBe("MIG_E_ONLINE_LOCK_BUSY");
    expect(refused.error?.message).toContain(`session ${blocker.id} (`);
    expect(refused.error?.message).toContain("open transaction");
    expect(refused.error?.message).toContain("exclusive metadata lock on `lw_busy`");
    // The patience: the pauses (100 + 200 ms) and three tries of at most 1 s, not the blocker's whole transaction.
    expect(tookMs).toBeGreaterThan(300);
    expect(tookMs).toBeLessThan(15_000);
    // Nothing ran: no index, no key, the migration not recorded, its progress at 0.
    expect(await applied("lw_busy")).toEqual({ index: false, foreignKey: false });
    expect((await connection.query("SELECT COUNT(*) AS n FROM mig_migrations WHERE app_name = 'lw_busy'")).rows).toEqual([{ n: 0 }]);
    expect(await progressDone()).toBe(0);

    await blocker.release();
    const resumed = await runForwards({ dialect, connection, sources });
    expect(resumed.error?.message ?? "ok").toBe("ok");
    expect(resumed.migrations[0]).toMatchObject({ status: "applied", statementsRun: 3 });
    expect(await applied("lw_busy")).toEqual({ index: true, foreignKey: true });
    expect(await progressDone()).toBeUndefined();
  }, 60_000);

  it("is not held up by a long transaction on another table: tries without waiting apply it while that transaction is open", async () => {
    await table("lw_other");
    // It read the parent only; the server does not say so, so the runner sees a long transaction.
    const blocker = await holdTable("lw_parent");
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const sources = [testMigration({ appName: "lw_other", id: testMigrationId(6), operations: [changes("lw_other")[0]!] })];
      const result = await runForwards({ dialect, connection, sources, online: { retries: 3, backoffMs: 100 } });
      expect(result.error?.message ?? "ok").toBe("ok");
      expect(await applied("lw_other")).toEqual({ index: true, foreignKey: false });
      // Still open: the step did not wait for it to end.
      const open = await connection.query<{ n: number }>("SELECT COUNT(*) AS n FROM information_schema.INNODB_TRX WHERE trx_mysql_thread_id = ?", [blocker.id]);
      expect(Number(open.rows[0]!.n)).toBe(1);
    } finally {
      await blocker.release();
    }
  }, 60_000);

  it("without sight of the transactions, each try waits at most 1 s (writers with it), is retried, and gives up with MIG_E_ONLINE_LOCK_BUSY", async () => {
    await table("lw_blind");
    const blind: Dialect = { ...dialect, online: { ...dialect.online!, lockHolders: undefined } };
    const blocker = await holdTable("lw_blind");
    const own = await dialect.connect(database.url);
    const load = await startWriteLoad((i) => own.query("UPDATE `lw_blind` SET n = n + 1 WHERE id = ?", [2 + ((i * 7919) % (ROWS - 1))]));
    const sources = [testMigration({ appName: "lw_blind", id: testMigrationId(5), operations: changes("lw_blind") })];
    // The step's progress as another session sees it, each change of value once: during a try the
    // progress update is committed (the ALTER commits it implicitly), during the pause it is set back.
    const watcher = await dialect.connect(database.url);
    const seen: number[] = [];
    let watching = true;
    const watch = (async () => {
      while (watching) {
        // Before the run creates its tables there is nothing to see (-1).
        const rows = await watcher.query<{ done: number }>("SELECT statements_done AS done FROM mig_migrations_progress WHERE app_name = 'lw_blind'").then((r) => r.rows, () => []);
        const done = rows[0] === undefined ? -1 : Number(rows[0].done);
        if (seen.at(-1) !== done) seen.push(done);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const started = performance.now();
    const refused = await runForwards({ dialect: blind, connection, sources, online: { retries: 1, backoffMs: 400 } });
    const tookMs = performance.now() - started;
    watching = false;
    await watch.finally(() => watcher.close());
    const { longestMs } = await load.stop().finally(() => own.close());
    await blocker.release();
    // A try (its progress update committed), the pause (set back: a run killed here resumes at
    // the step), the next try; given up, set back.
    expect(seen.filter((done) => done >= 0).join(",")).toContain("1,0,1");
    expect((await connection.query("SELECT statements_done AS done FROM mig_migrations_progress WHERE app_name = 'lw_blind'")).rows).toEqual([{ done: 0 }]);
    expect(refused.error?.code).toBe("MIG_E_ONLINE_LOCK_BUSY");
    expect(refused.error?.message).toContain("2 tries of at most 1000 ms each");
    // Two tries of 1 s each (MariaDB's shortest bound) and a pause between them.
    expect(tookMs).toBeGreaterThan(1_900);
    // A writer queued behind one try at most: about 1 s, never the whole wait.
    expect(longestMs).toBeGreaterThan(500);
    expect(longestMs).toBeLessThan(1_800);
    expect(await applied("lw_blind")).toEqual({ index: false, foreignKey: false });
  }, 60_000);
});
