import { describe, expect, it } from "vitest";
import { isMigError } from "../errors/mig-error";
import type { MigrationSource } from "./migration-source";
import { assertUniqueSources, selectBackwards, selectForwards } from "./select-migrations";
import type { AppliedMigration } from "./tracking-store";

const source = (appName: string, id: string, path?: string): MigrationSource => ({
  appName,
  id,
  description: "",
  checksum: "c",
  ...(path ? { path } : {}),
  load: () => Promise.reject(new Error("not loaded in this test")),
});
let sequence = 0;
const row = (appName: string, id: string): AppliedMigration => ({ appName, id, checksum: "c", ranOn: undefined, durationMs: 0, sequence: ++sequence });

const M1 = "2026-01-01T00:00:00:000001";
const M2 = "2026-01-02T00:00:00:000001";
const M3 = "2026-01-03T00:00:00:000001";
const sources = [source("music", M1), source("music", M2), source("music", M3), source("shop", M1)];

const ids = (selection: ReturnType<typeof selectForwards>) =>
  selection.kind === "run" ? selection.migrations.map((m) => `${m.appName}/${m.id.slice(8, 10)}`) : selection.kind;

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("selectForwards", () => {
  it("all / 1 / nothing to do", () => {
    expect(ids(selectForwards(sources, [], "all"))).toEqual(["music/01", "music/02", "music/03", "shop/01"]);
    expect(ids(selectForwards(sources, [row("music", M1)], "1"))).toEqual(["music/02"]);
    expect(ids(selectForwards(sources, sources.map((s) => row(s.appName, s.id)), "all"))).toBe("nothing-to-do");
    expect(ids(selectForwards(sources, sources.map((s) => row(s.appName, s.id)), "1"))).toBe("nothing-to-do");
  });

  it("an ID runs every pending migration of its app up to it, older never-run ones included", () => {
    expect(ids(selectForwards(sources, [row("music", M2)], M3))).toEqual(["music/01", "music/03"]);
    expect(ids(selectForwards(sources.slice(0, 3), [], M2))).toEqual(["music/01", "music/02"]);
  });

  it("an applied ID is 'already run', even when later ones are pending", () => {
    expect(selectForwards(sources.slice(0, 3), [row("music", M1)], M1)).toEqual({ kind: "already-applied", appName: "music", id: M1 });
  });

  it("refuses an unknown ID and an ID present in two apps", () => {
    expect(isMigError(thrown(() => selectForwards(sources, [], "2020-01-01T00:00:00")), "MIG_E_UNKNOWN_MIGRATION")).toBe(true);
    expect(isMigError(thrown(() => selectForwards(sources, [], M1)), "MIG_E_USAGE")).toBe(true);
  });
});

describe("selectBackwards", () => {
  const applied = [row("music", M1), row("shop", M1), row("music", M3), row("music", M2)];
  const musicSources = sources.slice(0, 3);

  it("newest applied first: 1, all, and an ID back to and including it", () => {
    expect(ids(selectBackwards(sources, applied, "1"))).toEqual(["music/02"]);
    expect(ids(selectBackwards(sources, applied, "all"))).toEqual(["music/02", "music/03", "shop/01", "music/01"]);
    const music = applied.filter((r) => r.appName === "music");
    expect(ids(selectBackwards(musicSources, music, M3))).toEqual(["music/02", "music/03"]);
  });

  it("nothing applied says so", () => {
    expect(selectBackwards(sources, [], "1")).toEqual({ kind: "nothing-to-do" });
    expect(selectBackwards(sources, [], "all")).toEqual({ kind: "nothing-to-do" });
  });

  it("refuses unknown and not-applied IDs", () => {
    expect(isMigError(thrown(() => selectBackwards(musicSources, applied.slice(0, 1), "2020-01-01T00:00:00")), "MIG_E_UNKNOWN_MIGRATION")).toBe(true);
    expect(isMigError(thrown(() => selectBackwards(musicSources, [], "2020-01-01T00:00:00")), "MIG_E_UNKNOWN_MIGRATION")).toBe(true);
    expect(isMigError(thrown(() => selectBackwards(musicSources, [row("music", M1)], M2)), "MIG_E_USAGE")).toBe(true);
  });

  it("keeps applied migrations whose file is gone (the planner reports them)", () => {
    const selection = selectBackwards([], [row("music", M1)], "1");
    expect(selection.kind === "run" && selection.migrations[0]?.source).toBeUndefined();
  });
});

describe("assertUniqueSources", () => {
  it("refuses two files of one app with the same ID, naming both", () => {
    const error = thrown(() => assertUniqueSources([source("music", M1, "a.ts"), source("music", M1, "b.ts")]));
    expect(isMigError(error, "MIG_E_MIGRATION_FILE")).toBe(true);
    expect((error as { meta: { files: string[] } }).meta.files).toEqual(["a.ts", "b.ts"]);
  });

  it("allows the same ID in two apps", () => {
    expect(() => assertUniqueSources([source("music", M1), source("shop", M1)])).not.toThrow();
  });
});
