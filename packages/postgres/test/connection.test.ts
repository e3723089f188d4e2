import { type Connection, isMigError } from "@mig/core/dialect";
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

  it("BEGIN goes with the first statement: a syntax error there is the statement's own, and the transaction is aborted", async () => {
    const done = new Error("done");
    await expect(
      connection.transaction(async (tx) => {
        await expect(tx.query("SELEC 1")).rejects.toMatchObject({ code: "42601", position: "1" });
        await expect(tx.query("CREATE TABLE after_syntax_error (id integer)")).rejects.toMatchObject({ code: "25P02" });
        throw done;
      }),
    ).rejects.toBe(done);
    expect(await tables()).not.toContain("after_syntax_error");
  });

  it("BEGIN goes with the first statement: an error while running it points into it, and the transaction is aborted", async () => {
    const done = new Error("done");
    await expect(
      connection.transaction(async (tx) => {
        await expect(tx.query("SELECT id FROM no_such_table")).rejects.toMatchObject({ code: "42P01", position: "16" });
        await expect(tx.query("SELECT 1")).rejects.toMatchObject({ code: "25P02" });
        throw done;
      }),
    ).rejects.toBe(done);
    // The session is usable again, outside any transaction.
    expect((await connection.query<{ ok: number }>("SELECT 1 AS ok")).rows).toEqual([{ ok: 1 }]);
  });

  it("BEGIN goes with the first statement: its rows come back, and a parameterised first query gets BEGIN first", async () => {
    const rows = await connection.transaction(async (tx) => {
      const first = await tx.query<{ n: number }>("SELECT 7 AS n");
      await tx.query("CREATE TABLE begun (id integer)");
      const seen = await tx.query<{ open: boolean }>("SELECT now() = statement_timestamp() AS open");
      return [...first.rows, ...seen.rows];
    });
    // now() is the transaction's start, which a later statement's timestamp is past: one transaction.
    expect(rows).toEqual([{ n: 7 }, { open: false }]);
    await connection.transaction(async (tx) => {
      await tx.query("INSERT INTO begun (id) VALUES ($1)", [1]);
      await tx.query("INSERT INTO begun (id) VALUES ($1)", [2]);
      throw new Error("undo");
    }).catch(() => undefined);
    expect((await connection.query("SELECT count(*) AS n FROM begun")).rows).toEqual([{ n: 0 }]);
    // A transaction that sent nothing.
    expect(await connection.transaction(async () => "nothing")).toBe("nothing");
    await connection.query("DROP TABLE begun");
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
