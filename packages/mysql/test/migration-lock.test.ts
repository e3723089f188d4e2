import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { isMigError } from "@mig/core/dialect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultLockName } from "../src/migration-lock";
import type { MysqlConnection } from "../src/mysql-connection";
import { type TestDatabase, createTestDatabase } from "./support/test-database";

let db: TestDatabase;
let a: MysqlConnection;
let b: MysqlConnection;

beforeAll(async () => {
  db = await createTestDatabase();
  a = await db.connect();
  b = await db.connect();
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await db?.drop();
});

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

/** Holds the lock on `a` until the returned release() is called. */
async function holdOnA(): Promise<{ release: () => void; done: Promise<unknown> }> {
  const held = deferred();
  const release = deferred();
  const done = a.withMigrationLock(async () => {
    held.resolve();
    await release.promise;
  }, { timeoutMs: 1000 });
  await held.promise;
  return { release: release.resolve, done };
}

describe("GET_LOCK migration lock", () => {
  it("waits, tells onWait once, and times out with MIG_E_LOCK_TIMEOUT", async () => {
    const holder = await holdOnA();
    const waits: string[] = [];
    const started = Date.now();
    let ran = false;
    const code = await codeOf(b.withMigrationLock(async () => void (ran = true), { timeoutMs: 600, onWait: (m) => waits.push(m) }));
    expect(code).toBe("MIG_E_LOCK_TIMEOUT");
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
    expect(waits).toHaveLength(1);
    expect(ran).toBe(false);
    holder.release();
    await holder.done;
  });

  it("gets the lock as soon as the holder releases it", async () => {
    const holder = await holdOnA();
    const waits: string[] = [];
    setTimeout(holder.release, 400);
    const result = await b.withMigrationLock(async () => "ran", { timeoutMs: 10_000, onWait: (m) => waits.push(m) });
    expect(result).toBe("ran");
    expect(waits).toHaveLength(1);
    await holder.done;
  });

  it("releases the lock when the function throws", async () => {
    await expect(a.withMigrationLock(async () => { throw new Error("boom"); }, { timeoutMs: 100 })).rejects.toThrow("boom");
    expect(await b.withMigrationLock(async () => "free", { timeoutMs: 0 })).toBe("free");
  });

  it("does not block migrations of another database on the same server", async () => {
    const other = await createTestDatabase();
    const c = await other.connect();
    try {
      const holder = await holdOnA();
      expect(await c.withMigrationLock(async () => "independent", { timeoutMs: 0 })).toBe("independent");
      holder.release();
      await holder.done;
    } finally {
      await c.close();
      await other.drop();
    }
  });

  it("is released by the server when the process holding it is killed -9", async () => {
    const script = `
      const mysql = require("mysql2/promise");
      (async () => {
        const c = await mysql.createConnection(process.env.LOCK_URL);
        const [rows] = await c.query("SELECT GET_LOCK(?, 0) AS got", [process.env.LOCK_NAME]);
        process.stdout.write(rows[0].got === 1 ? "locked\\n" : "busy\\n");
        setInterval(() => {}, 1000);
      })().catch((e) => { process.stdout.write("error " + e.message + "\\n"); });
    `;
    const child: ChildProcess = spawn(process.execPath, ["-e", script], {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      env: { ...process.env, LOCK_URL: db.url, LOCK_NAME: defaultLockName(db.name) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      const line = await new Promise<string>((resolve) => child.stdout!.once("data", (d: Buffer) => resolve(d.toString().trim())));
      expect(line).toBe("locked");
      expect(await codeOf(b.withMigrationLock(async () => undefined, { timeoutMs: 0 }))).toBe("MIG_E_LOCK_TIMEOUT");
      child.kill("SIGKILL");
      await new Promise((resolve) => child.once("exit", resolve));
      expect(await b.withMigrationLock(async () => "after kill", { timeoutMs: 10_000 })).toBe("after kill");
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  });
});
