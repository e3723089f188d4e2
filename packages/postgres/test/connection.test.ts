import { type Connection, isMigError } from "@mig/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDialect } from "../src/index";
import { type TestDatabase, createTestDatabase } from "./support/test-database";

let db: TestDatabase;
let connection: Connection;

beforeAll(async () => {
  db = await createTestDatabase();
  connection = await db.connect();
});
afterAll(async () => {
  await db?.drop();
});

const tables = async (c: Connection = connection) =>
  (await c.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1")).rows.map((r) => r.name);

describe("PostgreSQL connection", () => {
  it("binds parameters and counts changed rows (not selected ones, not DDL)", async () => {
    expect((await connection.query("CREATE TABLE item (id serial PRIMARY KEY, name text)")).affectedRows).toBe(0);
    const inserted = await connection.query("INSERT INTO item (name) VALUES ($1), ($2)", ["a'); DROP TABLE item; --", "b"]);
    expect(inserted.affectedRows).toBe(2);
    const selected = await connection.query<{ name: string }>("SELECT name FROM item WHERE name = $1", ["a'); DROP TABLE item; --"]);
    expect(selected).toEqual({ rows: [{ name: "a'); DROP TABLE item; --" }], affectedRows: 0 });
    expect((await connection.execute({ sql: "UPDATE item SET name = $1", params: ["c"] })).affectedRows).toBe(2);
    expect((await connection.query("DELETE FROM item WHERE name = 'c'")).affectedRows).toBe(2);
  });

  it("returns bigint values as numbers while exact, beyond 2^53 and numeric as exact text", async () => {
    const { rows } = await connection.query("SELECT 5::bigint AS a, 9007199254740993::bigint AS b, count(*) AS c, 1.50::numeric AS d FROM item");
    expect(rows).toEqual([{ a: 5, b: "9007199254740993", c: 0, d: "1.50" }]);
  });

  it("a transaction commits when its function resolves", async () => {
    const result = await connection.transaction(async (tx) => {
      await tx.query("CREATE TABLE committed (id integer)");
      return 42;
    });
    expect(result).toBe(42);
    expect(await tables()).toContain("committed");
  });

  it("a transaction rolls DDL back when its function throws, and rethrows", async () => {
    const error = new Error("boom");
    await expect(
      connection.transaction(async (tx) => {
        await tx.query("CREATE TABLE rolled_back (id integer)");
        await tx.query("INSERT INTO item (name) VALUES ('x')");
        throw error;
      }),
    ).rejects.toBe(error);
    expect(await tables()).not.toContain("rolled_back");
    expect((await connection.query("SELECT * FROM item WHERE name = 'x'")).rows).toEqual([]);
  });

  it("a failing statement rolls back the whole transaction", async () => {
    await expect(
      connection.transaction(async (tx) => {
        await tx.query("CREATE TABLE half_done (id integer)");
        await tx.query("ALTER TABLE no_such_table ADD COLUMN x integer");
      }),
    ).rejects.toMatchObject({ code: "42P01" });
    expect(await tables()).not.toContain("half_done");
    // The session is usable again.
    expect((await connection.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
  });

  it("a nested transaction is a savepoint: an inner failure can be caught while the outer one commits", async () => {
    await connection.transaction(async (outer) => {
      await outer.query("CREATE TABLE outer_kept (id integer)");
      await outer
        .transaction(async (inner) => {
          await inner.query("CREATE TABLE inner_lost (id integer)");
          throw new Error("inner");
        })
        .catch(() => undefined);
      await outer.transaction((inner) => inner.query("CREATE TABLE inner_kept (id integer)"));
    });
    const names = await tables();
    expect(names).toContain("outer_kept");
    expect(names).toContain("inner_kept");
    expect(names).not.toContain("inner_lost");
  });

  it("a session ended by the server is reported as MIG_E_CONNECTION", async () => {
    const victim = await db.connect();
    const { rows } = await victim.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    await connection.query("SELECT pg_terminate_backend($1)", [rows[0]!.pid]);
    const error = await victim.query("SELECT 1").catch((e: unknown) => e);
    expect(isMigError(error, "MIG_E_CONNECTION")).toBe(true);
  });

  it("option schema: mig works in that schema", async () => {
    await connection.query(`CREATE SCHEMA "app ""x"""`);
    const dialect = createPostgresDialect({ schema: `app "x"` });
    const scoped = await dialect.connect(db.url);
    try {
      await scoped.query("CREATE TABLE scoped (id integer PRIMARY KEY)");
      expect(await tables(scoped)).toEqual(["scoped"]);
      expect((await dialect.introspector.introspect(scoped)).tableNames()).toEqual(["scoped"]);
      expect(await tables()).not.toContain("scoped");
    } finally {
      await scoped.close();
    }
  });

  it("option ddlLockTimeoutMs: DDL waiting for a table lock fails instead of queueing", async () => {
    await connection.query("CREATE TABLE busy (id integer)");
    const holder = await db.connect();
    const dialect = createPostgresDialect({ ddlLockTimeoutMs: 200 });
    const impatient = await dialect.connect(db.url);
    try {
      await holder.query("BEGIN");
      await holder.query("LOCK TABLE busy IN ACCESS SHARE MODE");
      const started = Date.now();
      // 55P03: lock_not_available (manual Appendix A).
      await expect(impatient.query("ALTER TABLE busy ADD COLUMN x integer")).rejects.toMatchObject({ code: "55P03" });
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await holder.query("ROLLBACK");
      await impatient.close();
    }
  });

  it("accepts an options object and closes twice without error", async () => {
    const url = new URL(db.url);
    const dialect = createPostgresDialect();
    const c = await dialect.connect({ host: url.hostname, port: Number(url.port), user: decodeURIComponent(url.username), database: db.name });
    expect((await c.query<{ db: string }>("SELECT current_database() AS db")).rows).toEqual([{ db: db.name }]);
    await c.close();
    await c.close();
  });
});
