import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { isMigError, type Connection } from "@mig/core/dialect";
import { pgliteDialect } from "mig-dialect-pglite";

const dir = mkdtempSync(join(tmpdir(), "mig-pglite-connection-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function withMemory<T>(fn: (connection: Connection) => Promise<T>): Promise<T> {
  const connection = await pgliteDialect.connect("pglite:memory");
  try {
    return await fn(connection);
  } finally {
    await connection.close();
  }
}

describe("PgliteConnection", () => {
  it("binds parameters (never spliced), runs several statements without parameters, counts changed rows", async () => {
    await withMemory(async (c) => {
      const created = await c.query("CREATE TABLE band (id serial PRIMARY KEY, name text); INSERT INTO band (name) VALUES ('a'), ('b')");
      expect(created.affectedRows).toBe(2);
      const hostile = "x'); DROP TABLE band; --";
      expect((await c.query("INSERT INTO band (name) VALUES ($1)", [hostile])).affectedRows).toBe(1);
      const { rows } = await c.query<{ name: string }>("SELECT name FROM band WHERE name = $1", [hostile]);
      expect(rows).toEqual([{ name: hostile }]);
      expect((await c.query("SELECT * FROM band")).affectedRows).toBe(0);
      expect((await c.execute({ sql: "UPDATE band SET name = $1", params: ["z"] })).affectedRows).toBe(3);
    });
  });

  it("commits a transaction, rolls back DDL and data when it throws, and nests as savepoints", async () => {
    await withMemory(async (c) => {
      await c.transaction(async (tx) => {
        await tx.query("CREATE TABLE kept (id int)");
      });
      const failed = await c
        .transaction(async (tx) => {
          await tx.query("CREATE TABLE gone (id int)");
          await tx.query("INSERT INTO kept VALUES (1)");
          throw new Error("boom");
        })
        .catch((e: unknown) => e);
      expect((failed as Error).message).toBe("boom");
      await c.transaction(async (tx) => {
        await tx.query("INSERT INTO kept VALUES (2)");
        await tx.transaction(async (inner) => inner.query("INSERT INTO kept VALUES (3)"));
        await tx.transaction(async (inner) => {
          await inner.query("INSERT INTO kept VALUES (4)");
          throw new Error("inner");
        }).catch(() => undefined);
      });
      const tables = await c.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
      expect(tables.rows.map((r) => r.name)).toEqual(["kept"]);
      const { rows } = await c.query<{ id: number }>("SELECT id FROM kept ORDER BY id");
      expect(rows.map((r) => r.id)).toEqual([2, 3]);
    });
  });

  it("fails with MIG_E_CONNECTION once closed", async () => {
    const c = await pgliteDialect.connect("pglite:memory");
    await c.close();
    await c.close();
    expect(isMigError(await c.query("SELECT 1").catch((e: unknown) => e), "MIG_E_CONNECTION")).toBe(true);
  });

  it("gives each pglite:memory connection its own database", async () => {
    await withMemory(async (a) => {
      await a.query("CREATE TABLE only_in_a (id int)");
      await withMemory(async (b) => {
        const { rows } = await b.query("SELECT 1 FROM pg_tables WHERE tablename = 'only_in_a'");
        expect(rows).toEqual([]);
      });
    });
  });

  it("shares the migration lock between connections to one instance: a second run waits, then times out", async () => {
    const pglite = await PGlite.create();
    try {
      const a = await pgliteDialect.connect({ pglite });
      const b = await pgliteDialect.connect({ pglite });
      const waits: string[] = [];
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const first = a.withMigrationLock(() => held, { timeoutMs: 1000 });
      const error = await b.withMigrationLock(async () => "ran", { timeoutMs: 50, onWait: (m) => waits.push(m) }).catch((e: unknown) => e);
      expect(isMigError(error, "MIG_E_LOCK_TIMEOUT")).toBe(true);
      expect(waits).toHaveLength(1);
      release();
      await first;
      // Released also when the function throws.
      await a.withMigrationLock(() => Promise.reject(new Error("x")), { timeoutMs: 1000 }).catch(() => undefined);
      expect(await b.withMigrationLock(async () => "ran", { timeoutMs: 50 })).toBe("ran");
      await a.close();
      await b.close();
      // A borrowed instance stays open.
      expect((await pglite.query<{ one: number }>("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    } finally {
      await pglite.close();
    }
  });

  it("keeps a data dir's contents across close and reopen; connections of one process share it", async () => {
    const url = `pglite:${join(dir, "data")}`;
    const a = await pgliteDialect.connect(url);
    const b = await pgliteDialect.connect(url);
    await a.query("CREATE TABLE band (name text); INSERT INTO band VALUES ('kept')");
    await a.close();
    expect((await b.query("SELECT name FROM band")).rows).toEqual([{ name: "kept" }]);
    expect(existsSync(join(dir, "data-mig-lock"))).toBe(true);
    await b.close();
    expect(existsSync(join(dir, "data-mig-lock"))).toBe(false);
    const again = await pgliteDialect.connect(url);
    try {
      expect((await again.query("SELECT name FROM band")).rows).toEqual([{ name: "kept" }]);
    } finally {
      await again.close();
    }
  });
});
