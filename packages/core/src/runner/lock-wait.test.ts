import { describe, expect, it } from "vitest";
import { DEFAULT_ONLINE_LOCK_TIMEOUT_MS, DEFAULT_ONLINE_RETRIES } from "../dialect/online-support";
import { lockBusy, lockWaitPolicy, patienceOf, pauseBefore } from "./lock-wait";

describe("online lock waits: short tries, growing jittered pauses", () => {
  const defaults = lockWaitPolicy(undefined);

  it("bounds each try far below the issue's 100 ms target of write stall, with seconds to a minute of patience", () => {
    expect(defaults.lockTimeoutMs).toBe(DEFAULT_ONLINE_LOCK_TIMEOUT_MS);
    expect(defaults.lockTimeoutMs).toBeLessThan(100);
    expect(defaults.retries).toBe(DEFAULT_ONLINE_RETRIES);
    const patience = patienceOf(defaults);
    expect(patience).toBeGreaterThan(10_000);
    expect(patience).toBeLessThanOrEqual(60_000);
  });

  it("doubles each pause up to the cap, drawn between half of it and all of it", () => {
    const policy = lockWaitPolicy({ backoffMs: 100, maxBackoffMs: 1_000, retries: 6 });
    expect([0, 1, 2, 3, 4, 5].map((n) => pauseBefore(policy, n, () => 0))).toEqual([50, 100, 200, 400, 500, 500]);
    expect([0, 1, 2, 3, 4, 5].map((n) => pauseBefore(policy, n, () => 1))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    expect(pauseBefore(policy, 2, () => 0.5)).toBe(300);
    expect(patienceOf(policy)).toBe(100 + 200 + 400 + 800 + 1_000 + 1_000);
    expect(patienceOf(lockWaitPolicy({ retries: 0 }))).toBe(0);
  });

  it("names the lock, its tables and the sessions in the way, with its own code", () => {
    const error = lockBusy(
      { sql: "ALTER TABLE t ADD CONSTRAINT c CHECK (n > 0) NOT VALID", tableLock: { tables: ['"t"'], mode: "ACCESS EXCLUSIVE", queuesWriters: true } },
      [{ pid: 42, mode: "ShareUpdateExclusiveLock", holder: "autovacuum worker, active: autovacuum: VACUUM public.t", heldMs: 12_000 }],
      lockWaitPolicy({ retries: 2, backoffMs: 100 }),
      3,
    );
    expect(error.code).toBe("MIG_E_ONLINE_LOCK_BUSY");
    expect(error.message).toContain('ACCESS EXCLUSIVE on "t"');
    expect(error.message).toContain("session 42 (autovacuum worker, active: autovacuum: VACUUM public.t) holding ShareUpdateExclusiveLock for 12000 ms");
    expect(error.message).toContain("3 tries of at most 50 ms");
    expect(error.hint).toMatch(/autovacuum/);
  });
});
