import { describe, expect, it } from "vitest";
import type { Dialect, DialectCapabilities } from "../dialect/index";
import { createEmitter } from "../dialect/sql-emitter";
import { MigError, isMigError } from "../errors/mig-error";
import { Snapshot } from "../snapshot/snapshot";
import { defineConformanceSuite } from "./define-conformance-suite";
import { RUNNER_SCENARIOS } from "./runner-scenarios";
import { SCHEMA_SCENARIOS } from "./scenarios/index";

/** A dialect that is only registered, never connected: registering a suite touches no database. */
function dialect(capabilities: DialectCapabilities): Dialect {
  const types = { toNative: () => "TEXT", fromNative: () => undefined };
  return {
    name: "paper",
    capabilities,
    emitter: createEmitter({ types }),
    types,
    introspector: { introspect: async () => Snapshot.empty() },
    placeholder: (i) => `$${i}`,
    connect: () => Promise.reject(new MigError("MIG_E_CONNECTION", "not a real database")),
    describeConnection: () => "paper",
  };
}

function register(capabilities: DialectCapabilities, skip?: readonly string[]) {
  const names: string[] = [];
  const returned = defineConformanceSuite({
    dialect: dialect(capabilities),
    connect: () => Promise.reject(new Error("not called while registering")),
    reset: async () => undefined,
    test: (name) => void names.push(name),
    ...(skip ? { skip } : {}),
  });
  return { names, returned };
}

describe("defineConformanceSuite", () => {
  it("registers one test per scenario through the given test function", () => {
    const { names, returned } = register({ jsonb: true, enums: "named", arrays: true, interval: true, nonFiniteNumbers: true });
    expect(names).toEqual(returned);
    expect(names).toHaveLength(SCHEMA_SCENARIOS.length + RUNNER_SCENARIOS.length);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain("schema: hostile names and string defaults round-trip");
    expect(names).toContain("runner: a failing middle migration stops the run");
  });

  it("leaves out scenarios that mean nothing for the dialect, but keeps those it must refuse", () => {
    const { names } = register({ jsonb: false, checkConstraints: false, autoAlter: false });
    expect(names).not.toContain("schema: alter type: json to jsonb");
    expect(names).not.toContain("schema: hostile names: a check constraint");
    expect(names).toContain("schema: alter type: varchar to integer, converting the data");
    // The types a dialect does not offer (by its flags, all false by default) are left out too.
    expect(names).not.toContain("schema: create table with char and enum columns");
    expect(names).not.toContain("schema: create table with an interval column");
    expect(names).toContain("schema: create table with an array stored as JSON where there are no arrays");
  });

  it("skips named tests, and refuses names that do not exist", () => {
    const { names } = register({}, ["schema: drop table"]);
    expect(names).not.toContain("schema: drop table");
    let error: unknown;
    try {
      register({}, ["schema: drop tabel"]);
    } catch (e) {
      error = e;
    }
    expect(isMigError(error, "MIG_E_USAGE")).toBe(true);
  });

  it("adds a table-rebuild variant of what a rebuild-capable dialect cannot alter in place", () => {
    const inPlace = register({ autoAlter: true, alterConstraints: true }).names;
    expect(inPlace.some((n) => n.endsWith("(table rebuild)"))).toBe(false);
    const { names } = register({ autoAlter: false, alterConstraints: false, rebuildTable: true });
    expect(names).toContain("schema: alter type: varchar to integer, converting the data");
    expect(names).toContain("schema: alter type: varchar to integer, converting the data (table rebuild)");
    expect(names).toContain("schema: unique: add to an existing table (a duplicate fails, and succeeds again after reversing) (table rebuild)");
    // Only what the planner can lower: a hash index cannot be rebuilt into a dialect without one.
    expect(names).not.toContain("schema: index: change method btree to hash (table rebuild)");
    // Skipping a variant that is not registered for these flags is not a typo.
    expect(() => register({}, ["schema: alter default: drop (table rebuild)"])).not.toThrow();
  });

  it("scenario names are unique", () => {
    const names = SCHEMA_SCENARIOS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
