import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isMigError } from "../errors/mig-error";
import { foreignKey, integer, jsonb, numeric, table, timestamptz, uuid, varchar } from "../schema/index";
import { arbitrarySnapshot } from "./arbitrary-snapshot.test-helper";
import { canonicalJson, parseSnapshot, serialiseSnapshot } from "./canonical-json";
import { snapshotFromTables } from "../validate/from-tables";
import { Snapshot } from "./snapshot";

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isMigError(error) ? error.code : "not a MigError";
  }
  return undefined;
}

describe("serialiseSnapshot / parseSnapshot", () => {
  test("round trip: parse(serialise(s)) has the same entities, and serialising again gives the same bytes", () => {
    fc.assert(
      fc.property(arbitrarySnapshot({ names: "any" }), (snapshot) => {
        const text = serialiseSnapshot(snapshot);
        const parsed = parseSnapshot(text);
        expect(parsed.entities).toEqual(snapshot.entities);
        expect(serialiseSnapshot(parsed)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  test("the envelope is versioned and entity keys are sorted", () => {
    const snapshot = Snapshot.fromEntities([
      { kind: "table", name: "band", primaryKey: ["id"] },
      { kind: "column", table: "band", name: "id", type: "serial", nullable: false, default: null },
    ]);
    expect(serialiseSnapshot(snapshot)).toBe(
      '{\n  "format": "mig.snapshot",\n  "version": 2,\n  "entities": [\n' +
        '    {"kind":"table","name":"band","primaryKey":["id"]},\n' +
        '    {"default":null,"kind":"column","name":"id","nullable":false,"table":"band","type":"serial"}\n' +
        "  ]\n}\n",
    );
    expect(serialiseSnapshot(Snapshot.empty())).toBe('{\n  "format": "mig.snapshot",\n  "version": 2,\n  "entities": []\n}\n');
  });

  test("the same tables built in a different order serialise to the same bytes", () => {
    const make = () => {
      const Manager = table("manager", { id: uuid().primaryKey().defaultRandom(), name: varchar({ length: 50 }) });
      const Band = table("band", {
        manager: foreignKey(() => Manager, { onDelete: "cascade" }),
        rating: numeric({ precision: 5, scale: 2 }).default(2.5),
        meta: jsonb().default({ z: 1, a: [true, null] }),
        popularity: integer().default(0).index(),
        founded: timestamptz().defaultNow(),
      });
      return { Manager, Band };
    };
    const a = make();
    const b = make();
    expect(serialiseSnapshot(snapshotFromTables([b.Band, b.Manager]))).toBe(serialiseSnapshot(snapshotFromTables([a.Manager, a.Band])));
  });

  test("object keys inside JSON defaults are sorted and __proto__ survives as a key", () => {
    const snapshot = Snapshot.fromEntities([
      { kind: "table", name: "t", primaryKey: ["j"] },
      { kind: "column", table: "t", name: "j", type: "json", nullable: false, default: { kind: "value", value: JSON.parse('{"b":1,"__proto__":{"x":2},"a":0}') } },
    ]);
    const text = serialiseSnapshot(snapshot);
    expect(text).toContain('"value":{"__proto__":{"x":2},"a":0,"b":1}');
    expect(parseSnapshot(text).entities).toEqual(snapshot.entities);
  });

  test("canonicalJson refuses what JSON cannot hold", () => {
    expect(codeOf(() => canonicalJson({ a: Number.NaN }))).toBe("MIG_E_SNAPSHOT");
    expect(codeOf(() => canonicalJson({ a: 1n }))).toBe("MIG_E_SNAPSHOT");
    expect(canonicalJson({ b: undefined, a: [1, "x"] })).toBe('{"a":[1,"x"]}');
  });
});

describe("parseSnapshot rejects malformed input with MIG_E_SNAPSHOT", () => {
  const valid = serialiseSnapshot(
    Snapshot.fromEntities([
      { kind: "table", name: "band", primaryKey: ["id"] },
      { kind: "column", table: "band", name: "id", type: "serial", nullable: false, default: null },
    ]),
  );
  const envelope = (entities: unknown[], extra: object = {}) => JSON.stringify({ format: "mig.snapshot", version: 2, entities, ...extra });

  test.each([
    ["not JSON", "{"],
    ["not an object", "[]"],
    ["wrong format", JSON.stringify({ format: "other", version: 1, entities: [] })],
    ["newer version", JSON.stringify({ format: "mig.snapshot", version: 3, entities: [] })],
    ["missing version", JSON.stringify({ format: "mig.snapshot", entities: [] })],
    ["entities not an array", JSON.stringify({ format: "mig.snapshot", version: 2, entities: {} })],
    ["unknown envelope field", envelope([], { parent: "x" })],
    ["unknown entity kind", envelope([{ kind: "view", name: "v" }])],
    ["a version 2 entity named by entity", envelope([{ entity: "table", name: "t", primaryKey: ["id"] }])],
    ["unknown field", envelope([{ kind: "table", name: "t", primaryKey: ["id"], extra: 1 }])],
    ["missing field", envelope([{ kind: "table", name: "t" }])],
    ["empty primary key", envelope([{ kind: "table", name: "t", primaryKey: [] }])],
    ["unknown type", envelope([{ kind: "table", name: "t", primaryKey: ["id"] }, { kind: "column", table: "t", name: "id", type: "int4", nullable: false, default: null }])],
    ["bad default kind", envelope([{ kind: "table", name: "t", primaryKey: ["id"] }, { kind: "column", table: "t", name: "id", type: "integer", nullable: false, default: { kind: "magic" } }])],
    ["negative length", envelope([{ kind: "table", name: "t", primaryKey: ["id"] }, { kind: "column", table: "t", name: "id", type: "varchar", length: -1, nullable: false, default: null }])],
    ["bad action", envelope([{ kind: "table", name: "t", primaryKey: ["id"] }, { kind: "foreign_key", table: "t", name: "f", columns: ["id"], references: { table: "t", columns: ["id"] }, onDelete: "explode", onUpdate: "cascade" }])],
    ["orphan column", envelope([{ kind: "column", table: "t", name: "id", type: "integer", nullable: false, default: null }])],
    ["duplicate table", envelope([{ kind: "table", name: "t", primaryKey: ["id"] }, { kind: "table", name: "t", primaryKey: ["id"] }])],
  ])("%s", (_, text) => {
    expect(codeOf(() => parseSnapshot(text))).toBe("MIG_E_SNAPSHOT");
  });

  test("a valid snapshot parses", () => {
    expect(parseSnapshot(valid).tableNames()).toEqual(["band"]);
  });

  test("a version 1 snapshot (the discriminator named entity) reads as the same snapshot", () => {
    const v1 = valid.replace('"version": 2', '"version": 1').replaceAll('"kind":"table"', '"entity":"table"').replaceAll('"kind":"column"', '"entity":"column"');
    expect(v1).not.toContain('"kind"');
    expect(parseSnapshot(v1).entities).toEqual(parseSnapshot(valid).entities);
  });

  test("every problem is listed, with its path", () => {
    const text = envelope([{ kind: "table", name: "", primaryKey: [1] }, { kind: "index", table: "t", name: "i", columns: ["a"], method: "fancy" }]);
    try {
      parseSnapshot(text);
      expect.unreachable();
    } catch (error) {
      expect(isMigError(error, "MIG_E_SNAPSHOT")).toBe(true);
      const paths = (error as { problems: { path?: string }[] }).problems.map((p) => p.path);
      expect(paths).toEqual(["entities[0].name", "entities[0].primaryKey[0]", "entities[1].method"]);
    }
  });
});
