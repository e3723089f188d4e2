import { createServer } from "node:net";
import { type MigError, isMigError } from "@mig/core/dialect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mysqlDialect } from "../src/index";
import type { MysqlConnection } from "../src/mysql-connection";
import { type TestDatabase, createTestDatabase, mysqlTestUrl, withDatabase } from "./support/test-database";

let db: TestDatabase;
let connection: MysqlConnection;

beforeAll(async () => {
  db = await createTestDatabase();
  connection = await db.connect();
});
afterAll(async () => {
  await connection?.close();
  await db?.drop();
});

const PASSWORD = "not-the-Passw0rd-xyz";

async function connectError(config: string | Record<string, unknown>): Promise<MigError> {
  try {
    const c = await mysqlDialect.connect(config);
    await c.close();
  } catch (error) {
    if (isMigError(error)) return error;
    throw error;
  }
  throw new Error("connected, but should not have");
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("connecting", () => {
  it("names host:port and database on a wrong password, and never the password", async () => {
    const url = new URL(db.url);
    url.password = PASSWORD;
    const error = await connectError(url.toString());
    expect(error.code).toBe("MIG_E_CONNECTION");
    expect(error.meta).toMatchObject({ host: url.hostname, port: Number(url.port), database: db.name, driverCode: "ER_ACCESS_DENIED_ERROR" });
    expect(error.message).toContain(`${url.hostname}:${url.port}`);
    expect(JSON.stringify({ message: error.message, hint: error.hint, meta: error.meta, json: error.toJSON() })).not.toContain(PASSWORD);
  });

  it("fails fast on a port where nothing listens", async () => {
    const port = await closedPort();
    const started = Date.now();
    const error = await connectError(`mysql://root:${PASSWORD}@127.0.0.1:${port}/nowhere`);
    expect(error.code).toBe("MIG_E_CONNECTION");
    expect(error.meta).toMatchObject({ port, driverCode: "ECONNREFUSED" });
    expect(error.message).not.toContain(PASSWORD);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("reports a missing database", async () => {
    const error = await connectError(withDatabase(mysqlTestUrl(), `${db.name}_missing`));
    expect(error.code).toBe("MIG_E_CONNECTION");
    expect(error.meta).toMatchObject({ database: `${db.name}_missing`, driverCode: "ER_BAD_DB_ERROR" });
  });

  it("accepts mysql2 options and the mariadb:// scheme", async () => {
    const url = new URL(db.url);
    const viaOptions = await mysqlDialect.connect({
      host: url.hostname,
      port: Number(url.port),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      database: db.name,
    });
    const viaScheme = await mysqlDialect.connect(db.url.replace(/^mysql:/, "mariadb:"));
    try {
      expect((await viaOptions.query<{ d: string }>("SELECT DATABASE() AS d")).rows[0]?.d).toBe(db.name);
      expect((await viaScheme.query<{ d: string }>("SELECT DATABASE() AS d")).rows[0]?.d).toBe(db.name);
    } finally {
      await viaOptions.close();
      await viaScheme.close();
    }
  });

  it("describes a connection without its password", () => {
    expect(mysqlDialect.describeConnection(`mysql://app:${PASSWORD}@db.example:3307/shop`)).toBe("mysql://app@db.example:3307/shop");
    expect(mysqlDialect.describeConnection({ host: "h", port: 1, user: "u", password: PASSWORD, database: "d" })).not.toContain(PASSWORD);
  });
});

describe("queries and transactions", () => {
  beforeAll(async () => {
    await connection.query("CREATE TABLE item (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50) NULL, n BIGINT NULL, ok BOOLEAN NULL, doc LONGTEXT NULL)");
  });

  it("binds parameters and reports affected rows; integers beyond 2^53 come back as exact strings", async () => {
    const inserted = await connection.query("INSERT INTO item (name, n, ok, doc) VALUES (?, ?, ?, ?), (?, ?, ?, ?)", [
      "it's \\ 'quoted'", "9007199254740993", true, { a: [1] },
      null, 5, false, undefined,
    ]);
    expect(inserted.affectedRows).toBe(2);
    const { rows } = await connection.query("SELECT name, n, ok, doc FROM item ORDER BY id");
    expect(rows).toEqual([
      { name: "it's \\ 'quoted'", n: "9007199254740993", ok: 1, doc: '{"a":[1]}' },
      { name: null, n: 5, ok: 0, doc: null },
    ]);
    expect((await connection.query("UPDATE item SET ok = ? WHERE ok = ?", [true, false])).affectedRows).toBe(1);
  });

  it("commits, rolls back on a throw, and nests with savepoints", async () => {
    await connection.query("DELETE FROM item");
    await connection.transaction(async (tx) => {
      await tx.query("INSERT INTO item (name) VALUES (?)", ["kept"]);
    });
    await expect(
      connection.transaction(async (tx) => {
        await tx.query("INSERT INTO item (name) VALUES (?)", ["rolled back"]);
        throw new Error("undo");
      }),
    ).rejects.toThrow("undo");
    await connection.transaction(async (tx) => {
      await tx.query("INSERT INTO item (name) VALUES (?)", ["outer"]);
      await expect(
        tx.transaction(async (inner) => {
          await inner.query("INSERT INTO item (name) VALUES (?)", ["inner"]);
          throw new Error("inner undo");
        }),
      ).rejects.toThrow("inner undo");
      await tx.transaction(async (inner) => {
        await inner.query("INSERT INTO item (name) VALUES (?)", ["inner kept"]);
      });
    });
    const { rows } = await connection.query<{ name: string }>("SELECT name FROM item ORDER BY id");
    expect(rows.map((r) => r.name)).toEqual(["kept", "outer", "inner kept"]);
  });

  it("commits what is still open after DDL ended the transaction implicitly, and only that", async () => {
    const other = await db.connect();
    const seen = async (table: string) => (await other.query<{ id: number }>(`SELECT id FROM ${table} ORDER BY id`)).rows.map((r) => r.id);
    try {
      // DDL commits the transaction implicitly; the INSERT after it runs with autocommit.
      await connection.transaction(async (tx) => {
        await tx.query("CREATE TABLE implicit_a (id INT)");
        await tx.query("INSERT INTO implicit_a (id) VALUES (?)", [1]);
      });
      expect(await seen("implicit_a")).toEqual([1]);
      // DML alone stays in the transaction until COMMIT.
      await connection.transaction(async (tx) => {
        await tx.query("INSERT INTO implicit_a (id) VALUES (?)", [2]);
        expect(await seen("implicit_a")).toEqual([1]);
        await tx.query("SELECT 1");
      });
      expect(await seen("implicit_a")).toEqual([1, 2]);
      // A transaction opened again after the implicit commit is committed too.
      await connection.transaction(async (tx) => {
        await tx.query("CREATE TABLE implicit_b (id INT)");
        await tx.query("START TRANSACTION");
        await tx.query("INSERT INTO implicit_b (id) VALUES (?)", [3]);
        expect(await seen("implicit_b")).toEqual([]);
      });
      expect(await seen("implicit_b")).toEqual([3]);
      expect((await connection.query("SELECT @@in_transaction AS open")).rows).toEqual([{ open: 0 }]);
    } finally {
      await connection.query("DROP TABLE IF EXISTS implicit_a, implicit_b");
      await other.close();
    }
  });

  it("runs one statement per query (multiple statements are refused)", async () => {
    await expect(connection.query("SELECT 1; DROP TABLE item")).rejects.toMatchObject({ code: "ER_PARSE_ERROR" });
    expect((await connection.query("SELECT COUNT(*) AS c FROM item")).rows[0]).toEqual({ c: 3 });
  });

  it("reports a dropped session as MIG_E_CONNECTION", async () => {
    const victim = await db.connect();
    const { rows } = await victim.query<{ id: number }>("SELECT CONNECTION_ID() AS id");
    await connection.query(`KILL ${Number(rows[0]!.id)}`);
    const error = await victim.query("SELECT 1").then(() => undefined, (e: unknown) => e);
    expect(isMigError(error, "MIG_E_CONNECTION")).toBe(true);
    await victim.close();
  });
});
