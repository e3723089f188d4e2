import { join } from "node:path";
import type { ResolvedFleetTarget } from "@mig/core/internal";
import { sqliteDialect } from "@mig/sqlite";
import { describe, expect, it } from "vitest";
import { concurrencyOf, DEFAULT_CONCURRENCY } from "../../src/fleet/fleet-flags";
import { FleetProgress } from "../../src/fleet/fleet-progress";
import { runFleet } from "../../src/fleet/run-fleet";
import { Output } from "../../src/output/output";
import { createProject } from "../support/project";
import { testDeps } from "../support/test-deps";

const memory = (n: number): ResolvedFleetTarget[] => Array.from({ length: n }, (_, i) => ({ name: `t${i}`, dialect: "sqlite", connection: "sqlite::memory:" }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("runFleet", () => {
  it("never runs more targets at once than the limit, and gives every target an outcome in order", async () => {
    let running = 0;
    let most = 0;
    const outcomes = await runFleet(memory(20), {
      concurrency: 3,
      resolveDialect: async () => sqliteDialect,
      elapsed: () => performance.now(),
      work: async (target, _dialect, connection) => {
        running++;
        most = Math.max(most, running);
        await connection.query("SELECT 1");
        await sleep(5);
        running--;
        return target.name;
      },
    });
    expect(most).toBe(3);
    expect(outcomes.map((o) => o.value)).toEqual(memory(20).map((t) => t.name));
  });

  it("a target that cannot be reached, throws, or reports an error fails alone; the others finish", async () => {
    const project = createProject("run-fleet", {});
    try {
      const targets: ResolvedFleetTarget[] = [
        { name: "ok", dialect: "sqlite", connection: `sqlite:${join(project.dir, "ok.db")}` },
        { name: "unreachable", dialect: "sqlite", connection: `sqlite:${join(project.dir, "no/such/folder/x.db")}` },
        { name: "throws", dialect: "sqlite", connection: "sqlite::memory:" },
        { name: "reports", dialect: "sqlite", connection: "sqlite::memory:" },
        { name: "unknown-dialect", dialect: "nosuchdb", connection: "nosuchdb://x" },
        { name: "also-ok", dialect: "sqlite", connection: "sqlite::memory:" },
      ];
      let resolved = 0;
      const outcomes = await runFleet(targets, {
        concurrency: 2,
        resolveDialect: async (spec) => {
          resolved++;
          if (spec !== "sqlite") throw Object.assign(new Error(`Unknown dialect "${String(spec)}"`), { code: "MIG_E_DIALECT" });
          return sqliteDialect;
        },
        elapsed: () => performance.now(),
        work: async (target) => {
          if (target.name === "throws") throw new Error("boom");
          return target.name === "reports" ? "bad" : "good";
        },
        errorOf: (value) => (value === "bad" ? { code: "MIG_E_MIGRATION_FAILED", message: "it failed" } : undefined),
      });
      expect(outcomes.map((o) => [o.name, o.ok, o.error?.code])).toEqual([
        ["ok", true, undefined],
        ["unreachable", false, expect.stringMatching(/^MIG_E_/)],
        ["throws", false, "MIG_E_INTERNAL"],
        ["reports", false, "MIG_E_MIGRATION_FAILED"],
        ["unknown-dialect", false, "MIG_E_DIALECT"],
        ["also-ok", true, undefined],
      ]);
      // Each distinct dialect is resolved once for the whole fleet.
      expect(resolved).toBe(2);
    } finally {
      project.remove();
    }
  });
});

describe("--concurrency", () => {
  it("defaults to 4 and takes whole numbers of 1 or more only", () => {
    expect(concurrencyOf({})).toBe(DEFAULT_CONCURRENCY);
    expect(concurrencyOf({ concurrency: "16" })).toBe(16);
    for (const bad of ["0", "-2", "1.5", "many", ""]) expect(() => concurrencyOf({ concurrency: bad }), bad).toThrow(expect.objectContaining({ code: "MIG_E_USAGE" }));
  });
});

describe("FleetProgress", () => {
  it("counts done, failed and running targets and names the slowest running one", () => {
    let now = 0;
    const io = testDeps({ cwd: process.cwd() });
    const deps = { ...io.deps, elapsed: () => now };
    const progress = new FleetProgress(new Output(deps, {}), deps, 4, "forwards");
    const target = (name: string): ResolvedFleetTarget => ({ name, dialect: "sqlite", connection: "sqlite::memory:" });
    progress.start(target("a"));
    now = 100;
    progress.start(target("b"));
    progress.step("a", "music 2026-11-22T10:00:01:000000");
    now = 1600;
    expect(progress.status()).toBe("forwards: 0/4 targets, 0 done, 0 failed, 2 running; slowest a (1.6 s, music 2026-11-22T10:00:01:000000)");
    progress.finish({ name: "a", ok: true, durationMs: 1600 });
    progress.finish({ name: "b", ok: false, error: { code: "MIG_E_LOCK_TIMEOUT", message: "waited 60 s" }, durationMs: 1500 });
    expect(progress.status()).toBe("forwards: 2/4 targets, 1 done, 1 failed, 0 running");
    // A failure is reported the moment it happens; no live line without a terminal.
    expect(io.stderr()).toBe("✗ b: MIG_E_LOCK_TIMEOUT: waited 60 s\n");
    progress.stop();
  });

  it("redraws one line in place on a terminal and removes it at the end", async () => {
    const io = testDeps({ cwd: process.cwd() });
    const deps = { ...io.deps, stderrIsTTY: true };
    const progress = new FleetProgress(new Output(deps, {}), deps, 2, "check");
    progress.start({ name: "a", dialect: "sqlite", connection: "sqlite::memory:" });
    await sleep(600);
    progress.stop();
    expect(io.stderr()).toContain("\r\u001b[2Kcheck: 0/2 targets, 0 done, 0 failed, 1 running; slowest a (");
    expect(io.stderr().endsWith("\r\u001b[2K")).toBe(true);
  });
});
