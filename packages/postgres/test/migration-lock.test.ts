import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Connection, isMigError } from "@mig/core/dialect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, createTestDatabase } from "./support/test-database";

let db: TestDatabase;
let a: Connection;
let b: Connection;

beforeAll(async () => {
  db = await createTestDatabase();
  a = await db.connect();
  b = await db.connect();
});
afterAll(async () => {
  await db?.drop();
});

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Resolves when `fn` has started running under the lock on `connection`, and gives a way to let it finish. */
function holdLock(connection: Connection) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let started!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  const done = connection.withMigrationLock(
    async () => {
      started();
      await released;
      return "held";
    },
    { timeoutMs: 5_000 },
  );
  return { running, release, done };
}

describe("migration lock (PostgreSQL advisory lock)", () => {
  it("a second connection waits, tells once what it waits for, and times out with MIG_E_LOCK_TIMEOUT", async () => {
    const holder = holdLock(a);
    await holder.running;
    const { rows } = await a.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const messages: string[] = [];
    let ran = false;
    const started = Date.now();
    const error = await b
      .withMigrationLock(async () => void (ran = true), { timeoutMs: 600, onWait: (m) => messages.push(m) })
      .catch((e: unknown) => e);
    const waited = Date.now() - started;
    expect(isMigError(error, "MIG_E_LOCK_TIMEOUT")).toBe(true);
    expect((error as { hint?: string }).hint).toContain(String(rows[0]!.pid));
    expect((error as { meta: Record<string, unknown> }).meta.holderPid).toBe(rows[0]!.pid);
    expect(ran).toBe(false);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(`pid ${rows[0]!.pid}`);
    expect(waited).toBeGreaterThanOrEqual(550);
    expect(waited).toBeLessThan(3_000);
    holder.release();
    expect(await holder.done).toBe("held");
  });

  it("a waiting run gets the lock as soon as the holder finishes", async () => {
    const holder = holdLock(a);
    await holder.running;
    const messages: string[] = [];
    setTimeout(holder.release, 300);
    const result = await b.withMigrationLock(async () => "second", { timeoutMs: 5_000, onWait: (m) => messages.push(m) });
    expect(result).toBe("second");
    expect(messages).toHaveLength(1);
    await holder.done;
  });

  it("is released when the function throws, and the error is passed on", async () => {
    const error = new Error("migration failed");
    await expect(a.withMigrationLock(async () => Promise.reject(error), { timeoutMs: 1_000 })).rejects.toBe(error);
    await expect(b.withMigrationLock(async () => "free", { timeoutMs: 100 })).resolves.toBe("free");
  });

  it("is released by the server when the process holding it is killed (kill -9)", async () => {
    const child: ChildProcess = spawn(process.execPath, ["--conditions=source", "--import", "tsx", join(PACKAGE, "test/fixtures/hold-lock.ts"), db.url], {
      cwd: PACKAGE,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on("data", (d: Buffer) => d.toString().includes("LOCKED") && resolve());
        child.once("exit", (code) => reject(new Error(`the child exited (${code}) before taking the lock: ${stderr}`)));
      });
      const blocked = await b.withMigrationLock(async () => "got it", { timeoutMs: 300 }).catch((e: unknown) => e);
      expect(isMigError(blocked, "MIG_E_LOCK_TIMEOUT")).toBe(true);

      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
      await expect(b.withMigrationLock(async () => "got it", { timeoutMs: 10_000 })).resolves.toBe("got it");
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  });

  it("a free lock is taken at once, without a wait message", async () => {
    const messages: string[] = [];
    await expect(a.withMigrationLock(async () => "now", { timeoutMs: 100, onWait: (m) => messages.push(m) })).resolves.toBe("now");
    expect(messages).toEqual([]);
  });

  it("a lock lost from under the session (as behind a transaction-mode pooler) is reported, not ignored", async () => {
    const { POSTGRES_LOCK_KEY } = await import("../src/index");
    const error = await a
      .withMigrationLock(async () => {
        // What a pooler does when the unlock lands on another server session: this one no longer holds it.
        await a.query("SELECT pg_advisory_unlock($1::bigint)", [POSTGRES_LOCK_KEY.toString()]);
      }, { timeoutMs: 100 })
      .catch((e: unknown) => e);
    expect(isMigError(error, "MIG_E_CONNECTION")).toBe(true);
    await expect(b.withMigrationLock(async () => "free", { timeoutMs: 100 })).resolves.toBe("free");
  });

  it("nested use on the same session does not deadlock and leaves the lock free", async () => {
    const result = await a.withMigrationLock(() => a.withMigrationLock(async () => "inner", { timeoutMs: 100 }), { timeoutMs: 100 });
    expect(result).toBe("inner");
    await expect(b.withMigrationLock(async () => "free", { timeoutMs: 100 })).resolves.toBe("free");
  });
});
