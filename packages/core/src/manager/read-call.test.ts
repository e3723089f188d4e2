import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMigError } from "../errors/mig-error";
import type { SchemaOperation } from "../operations/operation";
import { arbitrarySnapshot } from "../snapshot/arbitrary-snapshot.test-helper";
import type { ColumnEntity } from "../snapshot/entities";
import type { Snapshot } from "../snapshot/snapshot";
import { CALL_FORMATS, type ManagerCall } from "./call-formats";
import { callToOperation, isLoadableCall } from "./read-call";
import { operationToCall } from "./write-call";

/** What `run` throws (`undefined` when it returns). */
function error(run: () => unknown): unknown {
  try {
    run();
  } catch (caught) {
    return caught;
  }
  return undefined;
}

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
  }, 60_000);

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

  it("proves renames too, and leaves the old method names and consents to the manager", () => {
    expect(isLoadableCall({ method: "renameTable", argument: { from: "a", to: "b" } })).toBe(true);
    expect(isLoadableCall({ method: "renameColumn", argument: { table: "t", from: "a", to: "" } })).toBe(false);
    expect(isLoadableCall({ method: "addConstraint", argument: { kind: "unique", table: "t", name: "u", columns: ["a"] } })).toBe(false);
    expect(isLoadableCall({ method: "addUnique", argument: { table: "t", name: "u", columns: ["a"], online: true } })).toBe(false);
  });
});

describe("callToOperation", () => {
  it("reads the old constraint calls as the kinds their `kind` names, the same as the new calls", () => {
    const unique = { table: "t", name: "u", columns: ["a"] };
    const check = { table: "t", name: "c", sql: "a > 0" };
    const foreignKey = { table: "t", name: "f", columns: ["a"], references: { table: "o", columns: ["id"] }, onDelete: "cascade" };
    expect(callToOperation("addConstraint", { kind: "unique", ...unique })).toEqual(callToOperation("addUnique", unique));
    expect(callToOperation("dropConstraint", { kind: "unique", ...unique, allowRebuild: true })).toEqual(callToOperation("dropUnique", { ...unique, allowRebuild: true }));
    expect(callToOperation("addConstraint", { kind: "check", ...check })).toEqual(callToOperation("addCheck", check));
    expect(callToOperation("dropConstraint", { kind: "check", ...check })).toEqual(callToOperation("dropCheck", check));
    expect(callToOperation("addConstraint", { kind: "foreign_key", ...foreignKey })).toEqual(callToOperation("addForeignKey", foreignKey));
    expect(callToOperation("dropConstraint", { kind: "foreign_key", ...foreignKey, online: true })).toEqual(callToOperation("dropForeignKey", { ...foreignKey, online: true }));
    expect(callToOperation("addUnique", unique)).toMatchObject({ kind: "add_unique", unique: { kind: "unique", table: "t", name: "u", columns: ["a"] } });
  });

  it("refuses an old constraint call without a known kind, and a new call with one, naming the field", () => {
    expect(error(() => callToOperation("addConstraint", { kind: "primary", table: "t", name: "u", columns: ["a"] }))).toMatchObject({ code: "MIG_E_MIGRATION_FILE", meta: { path: "addConstraint.kind" } });
    expect(error(() => callToOperation("addUnique", { kind: "unique", table: "t", name: "u", columns: ["a"] }))).toMatchObject({ code: "MIG_E_MIGRATION_FILE", meta: { path: "addUnique" } });
    expect(error(() => callToOperation("addTable", { name: "t", primaryKey: ["id"], columns: [{ name: "id", type: "serial" }], online: true }))).toMatchObject({ code: "MIG_E_MIGRATION_FILE", meta: { path: "addTable.online" } });
  });

  it("writes every kind with its own method, one method per kind", () => {
    const methods = Object.values(CALL_FORMATS).map((format) => format.method);
    expect(new Set(methods).size).toBe(methods.length);
    expect(methods).toContain("addUnique");
    expect(methods).not.toContain("addConstraint");
  });

  it("reads and writes the column types' parameters (enum labels, array element, char length) in file order, and refuses them on other types", () => {
    const columns = [
      { name: "mood", type: "enum", enumName: "mood", values: ["sad", "ok"], nullable: true },
      { name: "tags", type: "array", element: { type: "varchar", length: 20 }, fallback: "json" },
      { name: "code", type: "char", length: 3 },
    ];
    const call: ManagerCall = { method: "addTable", argument: { name: "t", primaryKey: ["code"], columns } };
    const operation = callToOperation(call.method, call.argument);
    expect(isLoadableCall(call)).toBe(true);
    expect(operationToCall(operation)).toEqual(call);
    expect(Object.keys((operationToCall(operation).argument.columns as object[])[0] as object)).toEqual(["name", "type", "enumName", "values", "nullable"]);
    const refused: [Record<string, unknown>, string][] = [
      [{ name: "c", type: "text", values: ["a"] }, "values"],
      [{ name: "c", type: "enum" }, "values"],
      [{ name: "c", type: "enum", values: ["a", "a"] }, "values"],
      [{ name: "c", type: "array" }, "element"],
      [{ name: "c", type: "array", element: { type: "json" } }, "element.type"],
      [{ name: "c", type: "array", element: { type: "integer", values: ["a"] } }, "element"],
      [{ name: "c", type: "array", element: { type: "integer" }, fallback: "text" }, "fallback"],
      [{ name: "c", type: "integer", element: { type: "integer" } }, "element"],
      [{ name: "c", type: "text", length: 3 }, "length"],
    ];
    for (const [column, field] of refused) {
      const argument = { table: "t", ...column };
      expect(isLoadableCall({ method: "addColumn", argument }), JSON.stringify(column)).toBe(false);
      expect(error(() => callToOperation("addColumn", argument)), JSON.stringify(column)).toMatchObject({ code: "MIG_E_MIGRATION_FILE", meta: { path: `addColumn.${field}` } });
    }
  });
});
