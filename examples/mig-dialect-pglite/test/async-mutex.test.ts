import { describe, expect, it } from "vitest";
import { isMigError } from "@mig/core/dialect";
import { AsyncMutex } from "../src/async-mutex";

describe("AsyncMutex", () => {
  it("hands the lock over first come, first served", async () => {
    const mutex = new AsyncMutex("test");
    const order: string[] = [];
    const first = await mutex.acquire({ timeoutMs: 1000 });
    const second = mutex.acquire({ timeoutMs: 1000 }).then((release) => (order.push("second"), release));
    const third = mutex.acquire({ timeoutMs: 1000 }).then((release) => (order.push("third"), release));
    order.push("first");
    first();
    (await second)();
    (await third)();
    expect(order).toEqual(["first", "second", "third"]);
    expect(mutex.held).toBe(false);
  });

  it("gives up after timeoutMs with MIG_E_LOCK_TIMEOUT, saying once that it waits", async () => {
    const mutex = new AsyncMutex("test");
    const release = await mutex.acquire({ timeoutMs: 1000 });
    const waits: string[] = [];
    const error = await mutex.acquire({ timeoutMs: 30, onWait: (m) => waits.push(m) }).catch((e: unknown) => e);
    expect(isMigError(error, "MIG_E_LOCK_TIMEOUT")).toBe(true);
    expect(waits).toHaveLength(1);
    // The waiter that gave up is gone from the queue: releasing frees the lock.
    release();
    release();
    expect(mutex.held).toBe(false);
    (await mutex.acquire({ timeoutMs: 10 }))();
  });
});
