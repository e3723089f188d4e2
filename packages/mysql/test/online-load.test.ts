import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MigrationSource, replayMigrations, runForwards } from "@mig/core";
import type { Connection, SchemaOperation } from "@mig/core/dialect";
import { schemaDrift } from "@mig/core/internal";
import { col as spec, onlineChanges, schema, startWriteLoad, testMigration, testMigrationId } from "@mig/core/testing";
import { mysqlDialect } from "@mig/mysql";
import { type TestDatabase, createTestDatabase } from "./support/test-database";

const dialect = mysqlDialect;
/** Rows in each table under load: enough for a table copy to take a while, small enough for CI. */
const ROWS = 100_000;

let database: TestDatabase;
let connection: Connection;
const sources: MigrationSource[] = [];
beforeAll(async () => {
  database = await createTestDatabase("mig_my_online_load");
  connection = await dialect.connect(database.url);
});
afterAll(async () => {
  await connection?.close();
  await database?.drop();
});

const TABLES = ["offline_t", "online_t", "copy_t"] as const;
const tables = schema(
  { name: "parent", columns: [spec("id", "integer")] },
  ...TABLES.map((name) => ({
    name,
    columns: [spec("id", "serial"), spec("n", "integer"), spec("m", "integer", { nullable: true }), spec("p", "integer"), spec("pad", "varchar", { length: 200 })],
  })),
);

/** Applies `operations` as the next migration of the app, with the load running; the longest write stall in ms. */
async function apply(operations: readonly SchemaOperation[], table?: string): Promise<number> {
  sources.push(testMigration({ appName: "load", id: testMigrationId(sources.length), operations }));
  const load = table ? await writer(table) : undefined;
  const result = await runForwards({ dialect, connection, sources });
  const stall = (await load?.stop()) ?? 0;
  expect(result.error?.message ?? "ok").toBe("ok");
  return stall;
}

/** Single-row updates of `table` in a loop on their own connection until `stop`: the longest write stall. */
async function writer(table: string): Promise<{ stop: () => Promise<number> }> {
  const own = await dialect.connect(database.url);
  const load = await startWriteLoad((i) => own.query(`UPDATE \`${table}\` SET n = n + 1 WHERE id = ?`, [1 + ((i * 7919) % ROWS)]));
  return {
    async stop() {
      const { longestMs, writes } = await load.stop().finally(() => own.close());
      expect(writes).toBeGreaterThan(0);
      return longestMs;
    },
  };
}


/** The changes MariaDB makes online, on table `t` (the table is the foreign key's child); its CHECK has no online form. */
const changes = (t: string) => onlineChanges(t).filter((c) => c.change !== "check");

describe("online operations on MariaDB under write load", () => {
  it(`never block writers for a table copy, on ${ROWS} rows, and leave exactly the schema the migrations say`, async () => {
    await apply([{ kind: "create_table", schema: tables.table("parent")! }, ...TABLES.map((name): SchemaOperation => ({ kind: "create_table", schema: tables.table(name)! }))]);
    // Rows generated in the database: a 1,000-row recursive CTE joined with itself.
    await connection.query("INSERT INTO parent (id) WITH RECURSIVE g (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < 1000) SELECT i FROM g");
    for (const name of TABLES) {
      await connection.query(
        `INSERT INTO \`${name}\` (n, m, p, pad) WITH RECURSIVE g (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM g WHERE i < 999) ` +
          `SELECT a.i, a.i * 1000 + b.i, 1 + b.i, REPEAT('x', 200) FROM g a CROSS JOIN g b WHERE a.i * 1000 + b.i < ${ROWS}`,
      );
    }
    expect((await connection.query("SELECT COUNT(*) AS n FROM online_t")).rows).toEqual([{ n: ROWS }]);

    // What online mode protects from: a change MariaDB can only make by copying the table (a CHECK,
    // with consent to the locking form), which blocks writes for the whole copy.
    const check: SchemaOperation = { kind: "add_check", check: { kind: "check", table: "copy_t", name: "copy_t_n_check", sql: "n >= 0" }, online: true, allowLocking: true };
    const copy = await apply([check], "copy_t");

    const stalls: Record<string, { offline: number; online: number }> = {};
    const offline = changes("offline_t");
    const online = changes("online_t");
    for (const [i, change] of offline.entries()) {
      const off = await apply([change.operation], "offline_t");
      const on = await apply([{ ...online[i]!.operation, online: true } as SchemaOperation], "online_t");
      stalls[change.change] = { offline: Math.round(off), online: Math.round(on) };
    }
    console.log(`MariaDB, ${ROWS} rows, longest write stall (ms): table copy (a CHECK, locking form) ${Math.round(copy)}; ${JSON.stringify(stalls)}`);
    for (const [name, { online: on }] of Object.entries(stalls)) {
      // ALGORITHM=INPLACE, LOCK=NONE: writes go on while the server builds; only brief metadata locks.
      expect.soft(on, `${name}: online ${on} ms vs a table copy ${Math.round(copy)} ms`).toBeLessThan(copy / 2);
    }
    // A foreign key offline copies the table (writes wait); online it is added in place, then checked by a read.
    expect(stalls["foreign key"]!.online, JSON.stringify(stalls["foreign key"])).toBeLessThan(stalls["foreign key"]!.offline / 2);

    // The schema is exactly what the migrations say (what mig new --auto and check --drift compare):
    // no drift, and both tables alike but for their names.
    const snapshot = await dialect.introspector.introspect(connection);
    const expected = replayMigrations(await Promise.all(sources.map((s) => s.load())));
    expect(schemaDrift(dialect, expected, snapshot)).toEqual([]);
    const rename = (text: string) => text.replaceAll("offline_t", "online_t");
    const tableOf = (name: string) => JSON.parse(rename(JSON.stringify(snapshot.table(name))));
    expect(tableOf("online_t")).toEqual(tableOf("offline_t"));
  }, 240_000);
});
