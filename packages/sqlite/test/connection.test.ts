import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isMigError } from "@mig/core/dialect";
import { SqliteConnection, describeSqliteConnection, parseSqliteConfig, sqliteDialect } from "../src/index";
import { createTables, tableSchema, tempDatabase } from "./fixtures";

let db: Awaited<ReturnType<typeof tempDatabase>>;
let connection: SqliteConnection;
beforeEach(async () => {
  db = await tempDatabase();
  connection = db.connection;
});
afterEach(async () => db.cleanup());

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return isMigError(error) ? error.code : `not a MigError: ${String(error)}`;
  }
  return "resolved";
}

const tables = async (c: SqliteConnection = connection) => (await sqliteDialect.introspector.introspect(c)).tableNames();

describe("query", () => {
  it("binds booleans as 1/0, objects as JSON text, dates as ISO text; reports rows and affected rows", async () => {
    await connection.query(`CREATE TABLE t (id INTEGER PRIMARY KEY, b BOOLEAN, j JSON, d TIMESTAMP, n TEXT)`);
    const at = new Date("2026-11-22T13:58:23.024Z");
    const inserted = await connection.query(`INSERT INTO t (b, j, d, n) VALUES (?, ?, ?, ?), (?, ?, ?, ?)`, [true, { a: [1] }, at, undefined, false, [1, "x"], null, "n"]);
    expect(inserted).toEqual({ rows: [], affectedRows: 2 });
    const { rows, affectedRows } = await connection.query(`SELECT b, j, d, n FROM t ORDER BY id`);
    expect(affectedRows).toBe(0);
    expect(rows).toEqual([
      { b: 1, j: `{"a":[1]}`, d: "2026-11-22T13:58:23.024Z", n: null },
      { b: 0, j: `[1,"x"]`, d: null, n: "n" },
    ]);
    expect((await connection.query(`UPDATE t SET n = ?`, ["z"])).affectedRows).toBe(2);
    expect((await connection.query(`CREATE TABLE u (x)`)).affectedRows).toBe(0);
    expect((await connection.query(`DELETE FROM t WHERE b = ? RETURNING id`, [true])).rows).toEqual([{ id: 1 }]);
  });

  it("runs a script without parameters, and executes emitted statements", async () => {
    await connection.query(`CREATE TABLE a (x); CREATE TABLE b (y);`);
    await connection.execute({ sql: `INSERT INTO a (x) VALUES (?)`, params: [7] });
    expect((await connection.query(`SELECT x FROM a`)).rows).toEqual([{ x: 7 }]);
    const snapshot = await sqliteDialect.introspector.introspect(connection);
    expect(snapshot.tableNames()).toEqual(["a", "b"]);
    // Tables without a primary key (mig never makes one) introspect with an empty key.
    expect(snapshot.table("a")?.table.primaryKey).toEqual([]);
  });

  it("turns foreign keys on", async () => {
    expect((await connection.query(`PRAGMA foreign_keys`)).rows).toEqual([{ foreign_keys: 1 }]);
  });
});

describe("transaction", () => {
  it("rolls DDL and data back when the function throws", async () => {
    await createTables(connection, [tableSchema("kept", [{ name: "id", type: "serial" }])]);
    const failure = connection.transaction(async (tx) => {
      await createTables(tx as SqliteConnection, [tableSchema("gone", [{ name: "id", type: "serial" }])]);
      await tx.query(`ALTER TABLE "kept" ADD COLUMN "extra" TEXT`);
      await tx.query(`INSERT INTO "kept" DEFAULT VALUES`);
      throw new Error("boom");
    });
    await expect(failure).rejects.toThrow("boom");
    expect(await tables()).toEqual(["kept"]);
    const snapshot = await sqliteDialect.introspector.introspect(connection);
    expect(snapshot.table("kept")?.columns.map((c) => c.name)).toEqual(["id"]);
    expect((await connection.query(`SELECT count(*) AS n FROM "kept"`)).rows).toEqual([{ n: 0 }]);
  });

  it("commits when the function resolves, and nests with savepoints", async () => {
    const result = await connection.transaction(async (tx) => {
      await createTables(tx as SqliteConnection, [tableSchema("outer", [{ name: "id", type: "serial" }])]);
      await expect(
        tx.transaction(async (inner) => {
          await createTables(inner as SqliteConnection, [tableSchema("inner", [{ name: "id", type: "serial" }])]);
          throw new Error("inner fails");
        }),
      ).rejects.toThrow("inner fails");
      await tx.transaction(async (inner) => createTables(inner as SqliteConnection, [tableSchema("inner_ok", [{ name: "id", type: "serial" }])]));
      return 42;
    });
    expect(result).toBe(42);
    expect(await tables()).toEqual(["inner_ok", "outer"]);
  });

  it("a database error inside rolls back and rethrows the driver's error", async () => {
    await expect(
      connection.transaction(async (tx) => {
        await createTables(tx as SqliteConnection, [tableSchema("half", [{ name: "id", type: "serial" }])]);
        await tx.query(`CREATE TABLE "half" ("id" INTEGER)`);
      }),
    ).rejects.toThrow(/already exists/);
    expect(await tables()).toEqual([]);
    // The connection is usable afterwards: no transaction was left open.
    await connection.transaction(async (tx) => tx.query(`CREATE TABLE ok (id INTEGER PRIMARY KEY)`));
    expect(await tables()).toEqual(["ok"]);
  });
});

describe("migration lock", () => {
  it("waits, reports the wait once, and times out with MIG_E_LOCK_TIMEOUT while another connection holds it", async () => {
    const other = (await sqliteDialect.connect({ filename: db.filename })) as SqliteConnection;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const taken = new Promise<void>((resolve) => (holding = resolve));
    const first = connection.withMigrationLock(async () => {
      holding();
      await held;
      return "first";
    }, { timeoutMs: 1000 });
    await taken;

    const waits: string[] = [];
    const started = Date.now();
    expect(await codeOf(other.withMigrationLock(async () => "second", { timeoutMs: 200, onWait: (m) => waits.push(m) }))).toBe("MIG_E_LOCK_TIMEOUT");
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(waits).toHaveLength(1);

    // The waiter gets the lock as soon as the holder lets go (the event loop is never blocked).
    const second = other.withMigrationLock(async () => "second", { timeoutMs: 5000 });
    setTimeout(release, 100);
    expect(await first).toBe("first");
    expect(await second).toBe("second");
    await other.close();
  });

  it("does not block the database: the holder and others can still write", async () => {
    const other = (await sqliteDialect.connect({ filename: db.filename })) as SqliteConnection;
    await connection.withMigrationLock(async () => {
      await connection.transaction(async (tx) => tx.query(`CREATE TABLE a (id INTEGER PRIMARY KEY)`));
      await other.query(`CREATE TABLE b (id INTEGER PRIMARY KEY)`);
    }, { timeoutMs: 1000 });
    expect(await tables()).toEqual(["a", "b"]);
    await other.close();
  });

  it("is released when the function throws, and is re-entrant", async () => {
    await expect(
      connection.withMigrationLock(async () => {
        await connection.withMigrationLock(async () => undefined, { timeoutMs: 100 });
        throw new Error("inside");
      }, { timeoutMs: 100 }),
    ).rejects.toThrow("inside");
    const other = (await sqliteDialect.connect({ filename: db.filename })) as SqliteConnection;
    expect(await other.withMigrationLock(async () => "free", { timeoutMs: 100 })).toBe("free");
    await other.close();
  });

  it("dies with the process that holds it", async () => {
    const child = spawn(process.execPath, ["--conditions=source", "--import", "tsx", join(import.meta.dirname, "lock-holder.mts"), db.filename], {
      cwd: join(import.meta.dirname, ".."),
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("locked") && resolve());
        child.on("exit", (code) => reject(new Error(`lock holder exited with ${code}`)));
      });
      expect(await codeOf(connection.withMigrationLock(async () => "x", { timeoutMs: 100 }))).toBe("MIG_E_LOCK_TIMEOUT");
    } finally {
      child.kill("SIGKILL");
    }
    await new Promise((resolve) => child.once("exit", resolve));
    expect(await connection.withMigrationLock(async () => "after", { timeoutMs: 2000 })).toBe("after");
  });

  it("needs no lock for an in-memory database", async () => {
    const memory = await sqliteDialect.connect(":memory:");
    expect(await memory.withMigrationLock(async () => "ok", { timeoutMs: 0 })).toBe("ok");
    await memory.close();
  });
});

describe("connection config", () => {
  it("accepts an options object, a path, :memory:, sqlite: and file: URLs", () => {
    expect(parseSqliteConfig({ filename: "./a.db", busyTimeoutMs: 10 })).toEqual({ filename: "./a.db", busyTimeoutMs: 10 });
    expect(parseSqliteConfig("./a.db")).toEqual({ filename: "./a.db" });
    expect(parseSqliteConfig(":memory:")).toEqual({ filename: ":memory:" });
    expect(parseSqliteConfig("sqlite::memory:")).toEqual({ filename: ":memory:" });
    expect(parseSqliteConfig("sqlite:./file.db")).toEqual({ filename: "./file.db" });
    expect(parseSqliteConfig("file:./file.db?mode=rwc")).toEqual({ filename: "./file.db" });
    expect(parseSqliteConfig("sqlite:///var/db/app.db")).toEqual({ filename: "/var/db/app.db" });
    expect(parseSqliteConfig({ url: "sqlite:./x%20y.db" })).toEqual({ filename: "./x y.db" });
    expect(() => parseSqliteConfig({ host: "x" })).toThrow(expect.objectContaining({ code: "MIG_E_CONFIG" }));
  });

  it("describes where it points", () => {
    expect(sqliteDialect.describeConnection({ filename: "./playground.db" })).toBe("sqlite ./playground.db");
    expect(describeSqliteConnection("sqlite::memory:")).toBe("sqlite :memory:");
  });

  it("fails to open with MIG_E_CONNECTION", async () => {
    expect(await codeOf(sqliteDialect.connect({ filename: join(db.dir, "missing", "dir", "x.db") }))).toBe("MIG_E_CONNECTION");
  });

  it("opens sqlite: URLs on real files", async () => {
    const other = await sqliteDialect.connect(`sqlite:${db.filename}`);
    await createTables(other as SqliteConnection, [tableSchema("via_url", [{ name: "id", type: "serial" }])]);
    await other.close();
    expect(await tables()).toEqual(["via_url"]);
  });
});
