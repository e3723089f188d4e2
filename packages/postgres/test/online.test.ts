import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Connection, type SchemaOperation, runBackwards, runForwards } from "@mig/core";
import { testMigration, testMigrationId } from "@mig/core/testing";
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
  ({ entity: "column", table, name, type, nullable, default: null }) as const;

/** parent(id), and `name` with `ROWS` rows generated in the database: id, n (0..999), m (nullable, all set), p (→ parent). */
async function bigTable(name: string): Promise<void> {
  await connection.query(`DROP TABLE IF EXISTS "${name}" CASCADE`);
  await connection.query(`CREATE TABLE IF NOT EXISTS parent (id integer PRIMARY KEY)`);
  await connection.query(`INSERT INTO parent SELECT g FROM generate_series(1, 1000) g ON CONFLICT DO NOTHING`);
  await connection.query(`CREATE TABLE "${name}" (id serial PRIMARY KEY, n integer NOT NULL, m integer, p integer NOT NULL, pad text NOT NULL DEFAULT repeat('x', 200))`);
  await connection.query(`INSERT INTO "${name}" (n, m, p) SELECT g % 1000, g, 1 + g % 1000 FROM generate_series(1, ${ROWS}) g`);
  await connection.query(`ANALYZE "${name}"`);
}

/** The changes under test on table `t`, each its own migration. */
function changes(t: string): { name: string; operation: SchemaOperation }[] {
  return [
    { name: "add index", operation: { kind: "add_index", index: { entity: "index", table: t, name: `${t}_n_idx`, columns: ["n"], method: "btree" } } },
    { name: "add unique", operation: { kind: "add_unique", unique: { entity: "unique", table: t, name: `${t}_m_key`, columns: ["m"] } } },
    {
      name: "add foreign key",
      operation: {
        kind: "add_foreign_key",
        foreignKey: { entity: "foreign_key", table: t, name: `${t}_p_fkey`, columns: ["p"], references: { table: "parent", columns: ["id"] }, onDelete: "no action", onUpdate: "no action" },
      },
    },
    { name: "add check", operation: { kind: "add_check", check: { entity: "check", table: t, name: `${t}_n_check`, sql: "md5(repeat(n::text, 10)) <> ''" } } },
    { name: "set not null", operation: { kind: "alter_column", table: t, from: column(t, "m", "integer", true), to: column(t, "m", "integer") } },
  ];
}

/**
 * Single-row updates of `table` in a loop on their own connection until `stop`: the longest time
 * one took is the longest write stall a user would feel.
 */
async function writer(table: string): Promise<{ stop: () => Promise<number> }> {
  const own = await dialect.connect(database.url);
  let running = true;
  let longest = 0;
  const loop = (async () => {
    for (let i = 0; running; i++) {
      const started = performance.now();
      await own.query(`UPDATE "${table}" SET n = n WHERE id = $1`, [1 + ((i * 7919) % ROWS)]);
      longest = Math.max(longest, performance.now() - started);
    }
  })();
  // Let the loop warm up before the migration starts.
  await new Promise((resolve) => setTimeout(resolve, 100));
  return {
    async stop() {
      running = false;
      await loop;
      await own.close();
      return longest;
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
      stalls[change.name] = { offline: Math.round(off), online: Math.round(on) };
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
