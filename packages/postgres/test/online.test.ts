import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBackwards, runForwards } from "@mig/core";
import { type Connection, type SchemaOperation } from "@mig/core/dialect";
import { onlineChanges, stallUnderBlocker, startWriteLoad, testMigration, testMigrationId } from "@mig/core/testing";
import { postgresDialect } from "@mig/postgres";
import { type TestDatabase, createTestDatabase } from "./support/test-database";

const dialect = postgresDialect;
const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), "..");
/** Rows in each table under load: a scan takes long enough to measure, small enough for CI. */
const ROWS = 300_000;

let database: TestDatabase;
let connection: Connection;
beforeAll(async () => {
  database = await createTestDatabase("mig_pg_online");
  connection = await database.connect();
});
afterAll(async () => {
  await database?.drop();
});

const column = (table: string, name: string, type: "integer" | "text" | "serial", nullable = false) =>
  ({ kind: "column", table, name, type, nullable, default: null }) as const;

/** parent(id), and `name` with `ROWS` rows generated in the database: id, n (0..999), m (nullable, all set), p (→ parent). */
async function bigTable(name: string): Promise<void> {
  await connection.query(`DROP TABLE IF EXISTS "${name}" CASCADE`);
  await connection.query(`CREATE TABLE IF NOT EXISTS parent (id integer PRIMARY KEY)`);
  await connection.query(`INSERT INTO parent SELECT g FROM generate_series(1, 1000) g ON CONFLICT DO NOTHING`);
  // Autovacuum off on the test tables: an autovacuum run holds SHARE UPDATE EXCLUSIVE, which the brief
  // SHARE ROW EXCLUSIVE of an ADD … NOT VALID waits for. Online, the runner waits for it without
  // queueing (tested below with a blocker of known length); offline, writers queue behind the wait.
  // Either way its timing is the server's, not mig's: the comparison here is of the forms alone.
  await connection.query(
    `CREATE TABLE "${name}" (id serial PRIMARY KEY, n integer NOT NULL, m integer, p integer NOT NULL, pad text NOT NULL DEFAULT repeat('x', 200)) WITH (autovacuum_enabled = false)`,
  );
  await connection.query(`INSERT INTO "${name}" (n, m, p) SELECT g % 1000, g, 1 + g % 1000 FROM generate_series(1, ${ROWS}) g`);
  await connection.query(`ANALYZE "${name}"`);
}

/** The changes under test on table `t`, each its own migration; the check's expression is slow enough to make its scan measurable. */
const changes = (t: string) => onlineChanges(t, { checkSql: "md5(repeat(n::text, 10)) <> ''" });

/** Single-row updates of `table` in a loop on their own connection until `stop`: the longest write stall. */
async function writer(table: string): Promise<{ stop: () => Promise<number> }> {
  const own = await dialect.connect(database.url);
  const load = await startWriteLoad((i) => own.query(`UPDATE "${table}" SET n = n WHERE id = $1`, [1 + ((i * 7919) % ROWS)]));
  return {
    async stop() {
      const { longestMs, writes } = await load.stop().finally(() => own.close());
      expect(writes).toBeGreaterThan(0);
      return longestMs;
    },
  };
}

async function stallOf(table: string, operation: SchemaOperation, n: number): Promise<number> {
  const load = await writer(table);
  const result = await runForwards({ dialect, connection, sources: [testMigration({ appName: table, id: testMigrationId(n), operations: [operation] })] });
  const stall = await load.stop();
  expect(result.error?.message ?? "ok").toBe("ok");
  return stall;
}

async function invalidIndexes(): Promise<unknown[]> {
  return (await connection.query("SELECT indexrelid::regclass::text AS name FROM pg_index WHERE NOT indisvalid")).rows;
}

describe("online operations on PostgreSQL under write load", () => {
  it(`stall writers far less than the offline forms, on ${ROWS} rows, and leave exactly the schema asked for`, async () => {
    await bigTable("offline_t");
    await bigTable("online_t");
    const stalls: Record<string, { offline: number; online: number }> = {};
    const offline = changes("offline_t");
    const online = changes("online_t");
    for (const [i, change] of offline.entries()) {
      const off = await stallOf("offline_t", change.operation, i + 1);
      const on = await stallOf("online_t", { ...online[i]!.operation, online: true } as SchemaOperation, i + 1);
      stalls[change.title] = { offline: Math.round(off), online: Math.round(on) };
    }
    console.log(`longest write stall (ms), ${ROWS} rows: ${JSON.stringify(stalls)}`);
    for (const [name, { offline: off, online: on }] of Object.entries(stalls)) {
      // Online: a brief lock at most. Offline: the lock is held for a whole scan or index build.
      expect.soft(on, `${name}: online ${on} ms vs offline ${off} ms`).toBeLessThan(off / 2);
    }
    expect(await invalidIndexes()).toEqual([]);
    // Both tables end up alike, the helper check of SET NOT NULL gone: the same schema but for the name.
    const snapshot = await dialect.introspector.introspect(connection);
    const rename = (text: string) => text.replaceAll("offline_t", "online_t");
    const tableOf = (name: string) => JSON.parse(rename(JSON.stringify(snapshot.table(name))));
    expect(tableOf("online_t")).toEqual(tableOf("offline_t"));
    const constraints = await connection.query("SELECT conname FROM pg_constraint WHERE conrelid = 'online_t'::regclass AND NOT convalidated");
    expect(constraints.rows).toEqual([]);
  }, 120_000);
});

/** The runner in a child process, applying one migration of `operations` (fixtures/run-online.ts). */
function startChild(id: string, operations: readonly SchemaOperation[]): ChildProcess {
  return spawn(process.execPath, ["--conditions=source", "--import", "tsx", join(PACKAGE, "test/fixtures/run-online.ts"), database.url, id, JSON.stringify(operations)], {
    cwd: PACKAGE,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** kill -9 of the runner and of its server session (a crashed host: nothing of it goes on). */
async function crash(child: ChildProcess, spare: readonly number[]): Promise<void> {
  child.kill("SIGKILL");
  await new Promise((resolve) => child.once("exit", resolve));
  await connection.query(
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND NOT (pid = ANY($1::int[]))",
    [spare],
  );
}

const progressDone = async (): Promise<number | undefined> => {
  const exists = (await connection.query("SELECT to_regclass('mig_migrations_progress') AS t")).rows[0] as { t: string | null };
  if (!exists.t) return undefined;
  const { rows } = await connection.query<{ statements_done: number }>("SELECT statements_done FROM mig_migrations_progress");
  return rows[0]?.statements_done;
};

describe("online migrations killed part-way (kill -9) resume to the right state", () => {
  it("an INVALID index left by a killed CREATE INDEX CONCURRENTLY is dropped and built again, never counted done", async () => {
    await bigTable("crash_idx");
    const id = testMigrationId(50);
    const index = { kind: "index", table: "crash_idx", name: "crash_idx_n_idx", columns: ["n"], method: "btree" } as const;
    // A writer's open transaction: CREATE INDEX CONCURRENTLY records the index (INVALID), then waits for it.
    const blocker = await database.connect();
    await blocker.query("BEGIN");
    await blocker.query("UPDATE crash_idx SET n = n WHERE id = 1");
    const blockerPid = Number((await blocker.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid);
    const child = startChild(id, [{ kind: "add_index", index, online: true }]);
    await until(async () => (await invalidIndexes()).length > 0, "the INVALID index of the concurrent build");
    await crash(child, [blockerPid]);
    await blocker.query("ROLLBACK");
    expect(await invalidIndexes()).toEqual([{ name: "crash_idx_n_idx" }]);

    const sources = [testMigration({ appName: "music", id, operations: [{ kind: "add_index", index, online: true }] })];
    const result = await runForwards({ dialect, connection, sources });
    expect(result.error?.message ?? "ok").toBe("ok");
    expect(result.migrations[0]).toMatchObject({ status: "applied", statementsRun: 1 });
    expect(await invalidIndexes()).toEqual([]);
    const valid = await connection.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 'crash_idx_n_idx'::regclass");
    expect(valid.rows).toEqual([{ indisvalid: true }]);
    expect(await progressDone()).toBeUndefined();

    // Backwards is online too: DROP INDEX CONCURRENTLY.
    const back = await runBackwards({ dialect, connection, sources, preview: true });
    // Its wait stalls no writer (SHARE UPDATE EXCLUSIVE): not bounded.
    expect(back.migrations[0]?.statements?.map((s) => s.sql)).toEqual(['DROP INDEX CONCURRENTLY IF EXISTS "crash_idx_n_idx"']);
    expect((await runBackwards({ dialect, connection, sources })).ok).toBe(true);
    expect((await connection.query("SELECT to_regclass('crash_idx_n_idx') AS t")).rows).toEqual([{ t: null }]);
  }, 60_000);

  it("a check killed between ADD CONSTRAINT … NOT VALID and the end of VALIDATE is validated on resume", async () => {
    await bigTable("crash_check");
    const id = testMigrationId(51);
    // Costly per row, so that VALIDATE runs long enough to be killed in the middle.
    const check = { kind: "check", table: "crash_check", name: "crash_check_n", sql: "md5(repeat(n::text, 60)) <> ''" } as const;
    const operations: SchemaOperation[] = [{ kind: "add_check", check, online: true }];
    const child = startChild(id, operations);
    await until(async () => ((await progressDone()) ?? 0) >= 1, "the NOT VALID step recorded");
    await crash(child, []);
    const state = await connection.query<{ convalidated: boolean }>("SELECT convalidated FROM pg_constraint WHERE conname = 'crash_check_n'");
    expect(state.rows).toEqual([{ convalidated: false }]);
    expect(await progressDone()).toBe(1);

    const result = await runForwards({ dialect, connection, sources: [testMigration({ appName: "music", id, operations })] });
    expect(result.error?.message ?? "ok").toBe("ok");
    expect(result.migrations[0]).toMatchObject({ status: "applied", statementsRun: 2 });
    const after = await connection.query("SELECT convalidated FROM pg_constraint WHERE conname = 'crash_check_n'");
    expect(after.rows).toEqual([{ convalidated: true }]);
    expect(await progressDone()).toBeUndefined();
  }, 60_000);
});

describe("online lock waits and refusals", () => {
  const check = { kind: "check", table: "waits", name: "waits_n_check", sql: "n >= 0" } as const;
  const operations: SchemaOperation[] = [{ kind: "add_check", check, online: true }];

  /** parent `lw_parent` (100 rows) and child `name` (10,000 rows, p → 1..100), autovacuum off (the test makes its own blocker). */
  async function lockWaitTables(name: string): Promise<void> {
    await connection.query(`DROP TABLE IF EXISTS "${name}"`);
    await connection.query("CREATE TABLE IF NOT EXISTS lw_parent (id integer PRIMARY KEY)");
    await connection.query("INSERT INTO lw_parent SELECT g FROM generate_series(1, 100) g ON CONFLICT DO NOTHING");
    await connection.query(`CREATE TABLE "${name}" (id serial PRIMARY KEY, n integer NOT NULL, p integer NOT NULL) WITH (autovacuum_enabled = false)`);
    await connection.query(`INSERT INTO "${name}" (n, p) SELECT g, 1 + g % 100 FROM generate_series(1, 10000) g`);
  }
  const foreignKey = (table: string): SchemaOperation => ({
    kind: "add_foreign_key",
    foreignKey: { kind: "foreign_key", table, name: `${table}_p_fkey`, columns: ["p"], references: { table: "lw_parent", columns: ["id"] }, onDelete: "no action", onUpdate: "no action" },
    online: true,
  });
  /** Another session holding SHARE UPDATE EXCLUSIVE on `table` (what an autovacuum run holds) in an open transaction. */
  async function holdLock(table: string): Promise<{ pid: number; release: () => Promise<number> }> {
    const blocker = await database.connect();
    const pid = Number((await blocker.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid);
    await blocker.query("BEGIN");
    await blocker.query(`LOCK TABLE "${table}" IN SHARE UPDATE EXCLUSIVE MODE`);
    return {
      pid,
      async release() {
        await blocker.query("COMMIT");
        await blocker.close();
        return performance.now();
      },
    };
  }
  const validated = async (name: string) => (await connection.query("SELECT convalidated FROM pg_constraint WHERE conname = $1", [name])).rows;

  it("waits out a session holding a conflicting lock without stalling writers, then applies (a migration that queued for it stalls them)", async () => {
    const BLOCKER_MS = 1_500;
    /** Applies the online foreign key of `table` while a writer loop updates it and a blocker holds its lock for BLOCKER_MS. */
    async function underBlocker(table: string, n: number, online?: { lockTimeoutMs: number }) {
      await lockWaitTables(table);
      const own = await dialect.connect(database.url);
      const sources = [testMigration({ appName: table, id: testMigrationId(n), operations: [foreignKey(table)] })];
      const { result, finishedAt, releasedAt, longestMs, writes } = await stallUnderBlocker({
        write: (i) => own.query(`UPDATE "${table}" SET n = n WHERE id = $1`, [1 + ((i * 7919) % 10_000)]),
        hold: () => holdLock(table),
        holdMs: BLOCKER_MS,
        apply: () => runForwards({ dialect, connection, sources, ...(online ? { online } : {}) }),
      }).finally(() => own.close());
      expect(result.error?.message ?? "ok").toBe("ok");
      expect(writes).toBeGreaterThan(0);
      // Applied only after the blocker let go (its lock conflicts with the foreign key's SHARE ROW EXCLUSIVE).
      expect(finishedAt).toBeGreaterThan(releasedAt);
      expect(await validated(`${table}_p_fkey`)).toEqual([{ convalidated: true }]);
      return Math.round(longestMs);
    }
    // The defaults: a try bounded by 50 ms, and the runner waiting (without queueing) while the blocker holds its lock.
    const bounded = await underBlocker("lw_bounded", 90);
    // A bound longer than the blocker: the foreign key's request queues, and every writer behind it.
    const queued = await underBlocker("lw_queued", 91, { lockTimeoutMs: 600_000 });
    console.log(`blocker ${BLOCKER_MS} ms; longest write stall: default online lock waits ${bounded} ms, one unbounded wait ${queued} ms`);
    // The unbounded run shows what is measured: writers wait for (most of) the blocker.
    expect(queued).toBeGreaterThan(BLOCKER_MS / 2);
    // Bounded: near one try's bound (50 ms), far below the blocker (wide margin for a loaded machine).
    expect(bounded).toBeLessThan(BLOCKER_MS / 4);
  }, 60_000);

  it("gives up with MIG_E_ONLINE_LOCK_BUSY naming the session in the way when its patience runs out; nothing half-applied, the next run resumes", async () => {
    await lockWaitTables("lw_busy");
    const blocker = await holdLock("lw_busy");
    const sources = [testMigration({ appName: "lw_busy", id: testMigrationId(92), operations: [foreignKey("lw_busy")] })];
    const started = performance.now();
    const refused = await runForwards({ dialect, connection, sources, online: { retries: 3, backoffMs: 100 } });
    const tookMs = performance.now() - started;
    expect(refused.error?.code).toBe("MIG_E_ONLINE_LOCK_BUSY");
    expect(refused.error?.message).toContain(`session ${blocker.pid} (client backend`);
    expect(refused.error?.message).toContain("LOCK TABLE");
    expect(refused.error?.message).toContain("ShareUpdateExclusiveLock");
    // The patience: the pauses (100 + 200 + 400 ms) and the tries, not the blocker's whole transaction.
    expect(tookMs).toBeGreaterThan(300);
    expect(tookMs).toBeLessThan(15_000);
    // Nothing of the step ran: no constraint, the migration not recorded, its progress at 0.
    expect(await validated("lw_busy_p_fkey")).toEqual([]);
    expect((await connection.query("SELECT count(*)::int AS n FROM mig_migrations WHERE app_name = 'lw_busy'")).rows).toEqual([{ n: 0 }]);
    expect(await progressDone()).toBe(0);

    await blocker.release();
    const resumed = await runForwards({ dialect, connection, sources });
    expect(resumed.error?.message ?? "ok").toBe("ok");
    expect(resumed.migrations[0]).toMatchObject({ status: "applied", statementsRun: 2 });
    expect(await validated("lw_busy_p_fkey")).toEqual([{ convalidated: true }]);
    expect(await progressDone()).toBeUndefined();
  }, 60_000);

  it("gives up a single bounded try after lockTimeoutMs when a reader holds the table, and with retries waits out the long transaction", async () => {
    await connection.query("DROP TABLE IF EXISTS waits; CREATE TABLE waits (id serial PRIMARY KEY, n integer NOT NULL)");
    const reader = await database.connect();
    await reader.query("BEGIN");
    await reader.query("SELECT count(*) FROM waits");
    const sources = [testMigration({ appName: "waits", id: testMigrationId(60), operations })];
    const refused = await runForwards({ dialect, connection, sources, online: { lockTimeoutMs: 100, retries: 0 } });
    expect(refused.error?.code).toBe("MIG_E_ONLINE_LOCK_BUSY");
    expect(refused.error?.message).toContain("AccessShareLock");
    expect(await progressDone()).toBe(0);

    setTimeout(() => void reader.query("COMMIT"), 600);
    const started = performance.now();
    const result = await runForwards({ dialect, connection, sources, online: { lockTimeoutMs: 100, retries: 6, backoffMs: 100 } });
    expect(result.error?.message ?? "ok").toBe("ok");
    expect(performance.now() - started).toBeGreaterThan(500);
    expect((await connection.query("SELECT convalidated FROM pg_constraint WHERE conname = 'waits_n_check'")).rows).toEqual([{ convalidated: true }]);
  }, 30_000);

  it("refuses a type change that rewrites the table with MIG_E_NOT_ONLINE and the expand/contract recipe, running nothing", async () => {
    await connection.query("DROP TABLE IF EXISTS retype; CREATE TABLE retype (id serial PRIMARY KEY, n integer NOT NULL, s varchar(10) NOT NULL)");
    const retype: SchemaOperation = { kind: "alter_column", table: "retype", from: column("retype", "n", "integer"), to: { ...column("retype", "n", "integer"), type: "bigint" }, online: true };
    const sources = [testMigration({ appName: "retype", id: testMigrationId(70), operations: [retype] })];
    const result = await runForwards({ dialect, connection, sources });
    expect(result.error?.code).toBe("MIG_E_NOT_ONLINE");
    expect(result.error?.hint).toMatch(/expand\/contract/);
    expect((await connection.query("SELECT count(*)::int AS n FROM mig_migrations WHERE app_name = 'retype'")).rows).toEqual([{ n: 0 }]);
    // With consent to the locking form (allowLocking, from mig new --online --allow-locking): the rewrite runs.
    const consented = [testMigration({ appName: "retype", id: testMigrationId(69), operations: [{ ...retype, allowLocking: true } as SchemaOperation] })];
    expect((await runForwards({ dialect, connection, sources: consented })).error?.message ?? "ok").toBe("ok");
    const type = await connection.query("SELECT data_type FROM information_schema.columns WHERE table_name = 'retype' AND column_name = 'n'");
    expect(type.rows).toEqual([{ data_type: "bigint" }]);
    expect((await runBackwards({ dialect, connection, sources: consented })).error?.message ?? "ok").toBe("ok");
    // A widening of a varchar is no rewrite: allowed online.
    const s = { kind: "column", table: "retype", name: "s", type: "varchar", length: 10, nullable: false, default: null } as const;
    const widen: SchemaOperation = { kind: "alter_column", table: "retype", from: s, to: { ...s, length: 20 }, online: true };
    const ok = await runForwards({ dialect, connection, sources: [testMigration({ appName: "retype", id: testMigrationId(70), operations: [widen] })] });
    expect(ok.error?.message ?? "ok").toBe("ok");
  }, 30_000);

  it("previews the online SQL as it runs, its steps each in a transaction of their own or outside one", async () => {
    const unique: SchemaOperation = { kind: "add_unique", unique: { kind: "unique", table: "retype", name: "retype_s_key", columns: ["s"] }, online: true };
    const result = await runForwards({ dialect, connection, sources: [testMigration({ appName: "preview", id: testMigrationId(80), operations: [unique] })], preview: true });
    expect(result.migrations[0]?.separateSteps).toBe(true);
    expect(result.migrations[0]?.statements?.map((s) => [s.transaction, s.sql])).toEqual([
      ["none", 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "retype_s_key" ON "retype" ("s")'],
      ["own", "SET LOCAL lock_timeout = 50"],
      ["own", 'ALTER TABLE "retype" ADD CONSTRAINT "retype_s_key" UNIQUE USING INDEX "retype_s_key"'],
    ]);
  });
});
