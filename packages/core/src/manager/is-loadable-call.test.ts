import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMigError } from "../errors/mig-error";
import type { SchemaOperation } from "../operations/operation";
import { arbitrarySnapshot } from "../snapshot/arbitrary-snapshot.test-helper";
import type { ColumnEntity } from "../snapshot/entities";
import type { Snapshot } from "../snapshot/snapshot";
import { callToOperation } from "./call-to-operation";
import { isLoadableCall } from "./is-loadable-call";
import type { ManagerCall } from "./manager-calls";
import { operationToCall } from "./operation-to-call";

/** What the manager says: the exact check. */
function accepts(call: ManagerCall): boolean {
  try {
    callToOperation(call.method, call.argument);
    return true;
  } catch (error) {
    if (isMigError(error, "MIG_E_MIGRATION_FILE")) return false;
    throw error;
  }
}

/** Every kind of call the serialiser writes, for the tables of a snapshot. */
function callsOf(snapshot: Snapshot): ManagerCall[] {
  const operations: SchemaOperation[] = [];
  for (const schema of snapshot.tables()) {
    const table = schema.table.name;
    operations.push({ kind: "create_table", schema }, { kind: "drop_table", schema });
    for (const column of schema.columns) {
      const changed: ColumnEntity = { ...column, nullable: !column.nullable, default: null };
      operations.push({ kind: "add_column", table, column }, { kind: "drop_column", table, column });
      operations.push({ kind: "add_column", table, column: changed, backfill: { a: [1, "x", null] } });
      operations.push({ kind: "alter_column", table, from: column, to: changed, backfill: 0, lossy: true });
    }
    for (const index of schema.indexes) operations.push({ kind: "add_index", index }, { kind: "drop_index", index });
    for (const unique of schema.uniques) operations.push({ kind: "add_unique", unique }, { kind: "drop_unique", unique });
    for (const check of schema.checks) operations.push({ kind: "add_check", check }, { kind: "drop_check", check });
    for (const foreignKey of schema.foreignKeys) operations.push({ kind: "add_foreign_key", foreignKey }, { kind: "drop_foreign_key", foreignKey });
  }
  return operations.map(operationToCall);
}

const HOSTILE: readonly unknown[] = [
  undefined, null, "", " ", "x", "id", 0, -1, 1, 1.5, 2 ** 53, Number.NaN, Infinity, true, false, [], [""], ["x", "x"], ["x"], {},
  { kind: "now" }, { kind: "value" }, { kind: "value", value: 1, sql: "1" }, { kind: "sql", sql: " " }, { kind: "sql", sql: "now()" },
  Object.create(null) as object, new Date(0), "varchar", "numeric", "text", "btree", "hash", "cascade", "unique", "check", "foreign_key",
];

type Path = readonly (string | number)[];

function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copy(item)]));
  }
  return value;
}

/** Paths of every object and array inside `value` (the root included). */
function containers(value: unknown, path: Path = []): Path[] {
  if (typeof value !== "object" || value === null) return [];
  const inner = Object.entries(value).flatMap(([key, item]) => containers(item, [...path, Array.isArray(value) ? Number(key) : key]));
  return [path, ...inner];
}

function at(value: unknown, path: Path): Record<string | number, unknown> {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value) as Record<string | number, unknown>;
}

/** The argument broken in one place: each field replaced by each hostile value, removed, or an unknown field added. */
function* broken(call: ManagerCall): Generator<ManagerCall> {
  for (const path of containers(call.argument)) {
    const keys = Object.keys(at(call.argument, path));
    for (const key of [...keys, "nulable", "table", "name", "kind", "columns", "value", "sql"]) {
      const target = keys.includes(key) ? HOSTILE : HOSTILE.slice(1);
      for (const value of target) {
        const argument = copy(call.argument);
        at(argument, path)[key] = value;
        yield { method: call.method, argument } as ManagerCall;
      }
      if (keys.includes(key)) {
        const argument = copy(call.argument);
        delete at(argument, path)[key];
        yield { method: call.method, argument } as ManagerCall;
      }
    }
  }
}

describe("isLoadableCall", () => {
  it("agrees with the manager on every call the serialiser writes for random schemas", () => {
    fc.assert(
      fc.property(arbitrarySnapshot({ names: "any" }), (snapshot) => {
        for (const call of callsOf(snapshot)) expect(isLoadableCall(call), call.method).toBe(accepts(call));
      }),
      { numRuns: 200 },
    );
  });

  it("never accepts an argument the manager refuses, whatever field is broken", () => {
    let refused = 0;
    let proven = 0;
    for (const snapshot of fc.sample(arbitrarySnapshot({ maxTables: 2, maxColumns: 3 }), { numRuns: 6, seed: 42 })) {
      for (const call of callsOf(snapshot)) {
        for (const mutated of broken(call)) {
          const fast = isLoadableCall(mutated);
          const exact = accepts(mutated);
          if (fast && !exact) expect.fail(`${mutated.method} ${JSON.stringify(mutated.argument)}: accepted, but the manager refuses it`);
          if (!exact) refused++;
          if (fast) proven++;
        }
      }
    }
    // The mutations must exercise both sides.
    expect(refused).toBeGreaterThan(1000);
    expect(proven).toBeGreaterThan(100);
  }, 60_000);

  it("agrees that a hole in a list is not a value", () => {
    const hole = (items: unknown[]) => {
      const list = [...items, items[0]];
      delete list[items.length];
      return list;
    };
    const table = { name: "band", primaryKey: ["id"], columns: [{ name: "id", type: "serial" }] };
    const calls: ManagerCall[] = [
      { method: "addTable", argument: { ...table, columns: hole(table.columns) } } as ManagerCall,
      { method: "addTable", argument: { ...table, primaryKey: hole(["id"]) } } as ManagerCall,
      { method: "addColumn", argument: { table: "band", name: "tags", type: "jsonb", default: { kind: "value", value: hole([1]) } } } as ManagerCall,
    ];
    for (const call of calls) {
      expect(accepts(call)).toBe(false);
      expect(isLoadableCall(call)).toBe(false);
    }
  });

  it("leaves the other methods to the manager", () => {
    expect(isLoadableCall({ method: "renameTable", argument: { from: "a", to: "b" } })).toBe(false);
    expect(isLoadableCall({ method: "renameColumn", argument: { table: "t", from: "a", to: "b" } })).toBe(false);
  });
});
