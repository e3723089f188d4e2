import { describe, expect, it } from "vitest";
import { MigrationManager } from "../manager/migration-manager";
import { replayMigrations } from "../manager/replay-migrations";
import type { MigrationSource } from "./migration-source";
import { SourceReplays } from "./source-replays";

const id = (n: number) => `2026-01-01T00:00:00:${String(n).padStart(6, "0")}`;

/** Migration n: creates table t1 (n = 1) or adds column c<n> to it; counts its loads and replays. */
function source(n: number, counts: { loads: number; plans: number }, appName = "music"): MigrationSource {
  return {
    appName,
    id: id(n),
    description: "",
    checksum: `checksum-${n}`,
    async load() {
      counts.loads++;
      const manager = new MigrationManager({ migrationId: id(n), appName });
      if (n === 1) manager.addTable({ name: "t1", primaryKey: ["id"], columns: [{ name: "id", type: "serial" }] });
      else manager.addColumn({ table: "t1", name: `c${n}`, type: "integer", nullable: true });
      const plan = manager.forwardsPlan.bind(manager);
      return Object.assign(manager, {
        forwardsPlan: () => {
          counts.plans++;
          return plan();
        },
      });
    },
  };
}

const columns = (snapshot: { table(name: string): unknown }) =>
  ((snapshot.table("t1") as { columns: { name: string }[] } | undefined)?.columns ?? []).map((c) => c.name);

describe("SourceReplays", () => {
  it("replays a list that extends the last one by the files after it, and loads each file once", async () => {
    const counts = { loads: 0, plans: 0 };
    const sources = [1, 2, 3, 4, 5].map((n) => source(n, counts));
    const replays = new SourceReplays();
    expect(columns(await replays.replay(sources.slice(0, 3)))).toEqual(["id", "c2", "c3"]);
    expect(counts).toEqual({ loads: 3, plans: 3 });
    // The same list again (the drift check's, then the planner's): nothing is replayed.
    expect(columns(await replays.replay(sources.slice(0, 3)))).toEqual(["id", "c2", "c3"]);
    expect(counts).toEqual({ loads: 3, plans: 3 });
    // Two more: only those two are applied, given in any order.
    const all = await replays.replay([sources[4]!, ...sources.slice(0, 4)]);
    expect(columns(all)).toEqual(["id", "c2", "c3", "c4", "c5"]);
    expect(counts).toEqual({ loads: 5, plans: 5 });
    const fresh = replayMigrations(await Promise.all(sources.map((s) => s.load())));
    expect(all.tableNames()).toEqual(fresh.tableNames());
    expect(columns(all)).toEqual(columns(fresh));
  });

  it("replays from nothing a list that does not extend the last one (not loading its files again)", async () => {
    const counts = { loads: 0, plans: 0 };
    const sources = [1, 2, 3, 4].map((n) => source(n, counts));
    const replays = new SourceReplays();
    await replays.replay(sources);
    expect(counts).toEqual({ loads: 4, plans: 4 });
    // Backwards asks for shorter lists: a replay of its own each time.
    expect(columns(await replays.replay(sources.slice(0, 2)))).toEqual(["id", "c2"]);
    expect(counts).toEqual({ loads: 4, plans: 6 });
    // 1, 2, 4 extends 1, 2: only 4 is applied.
    expect(columns(await replays.replay([sources[0]!, sources[1]!, sources[3]!]))).toEqual(["id", "c2", "c4"]);
    expect(counts).toEqual({ loads: 4, plans: 7 });
    // 1, 3 does not extend 1, 2, 4: replayed from nothing.
    expect(columns(await replays.replay([sources[0]!, sources[2]!]))).toEqual(["id", "c3"]);
    expect(counts).toEqual({ loads: 4, plans: 9 });
  });

  it("still refuses two migrations with one ID, also across the last list and the new files", async () => {
    const counts = { loads: 0, plans: 0 };
    const first = [source(1, counts), source(2, counts)];
    const replays = new SourceReplays();
    await replays.replay(first);
    const copy = { ...source(2, counts), checksum: "other" };
    await expect(replays.replay([...first, copy])).rejects.toMatchObject({ code: "MIG_E_REPLAY" });
  });
});
