import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMigError } from "../errors/mig-error";
import { arbitrarySnapshot } from "./arbitrary-snapshot.test-helper";
import { type Entity, entityKey } from "./entities";
import { Snapshot } from "./snapshot";

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (isMigError(error)) return error.code;
    throw error;
  }
  return undefined;
}

const band: Entity[] = [
  { kind: "table", name: "band", primaryKey: ["id"] },
  { kind: "column", table: "band", name: "id", type: "serial", nullable: false, default: null },
  { kind: "column", table: "band", name: "name", type: "text", nullable: false, default: null },
  { kind: "index", table: "band", name: "band_name_idx", columns: ["name"], method: "btree" },
  { kind: "unique", table: "band", name: "band_name_key", columns: ["name"] },
  { kind: "check", table: "band", name: "band_1_check", sql: "id > 0" },
  { kind: "foreign_key", table: "band", name: "band_id_fkey", columns: ["id"], references: { table: "band", columns: ["id"] }, onDelete: "no action", onUpdate: "no action" },
];

describe("Snapshot.fromEntities", () => {
  it("takes any iterable, not only arrays, and tables interleaved with each other", () => {
    const other: Entity[] = [
      { kind: "table", name: "album", primaryKey: ["id"] },
      { kind: "column", table: "album", name: "id", type: "serial", nullable: false, default: null },
    ];
    const interleaved = [other[0], band[0], other[1], ...band.slice(1)] as Entity[];
    function* generate(): Generator<Entity> {
      yield* interleaved.map((entity) => ({ ...entity }) as Entity);
    }
    const fromArray = Snapshot.fromEntities(interleaved.map((entity) => ({ ...entity }) as Entity));
    expect(Snapshot.fromEntities(generate()).entities).toEqual(fromArray.entities);
    expect(fromArray.tableNames()).toEqual(["album", "band"]);
    expect(fromArray.table("band")?.columns.map((c) => c.name)).toEqual(["id", "name"]);
    expect(codeOf(() => Snapshot.fromEntities([...interleaved, { ...(band[0] as Entity) }]))).toBe("MIG_E_SNAPSHOT");
  });

  it("gives the canonical order whatever order the entities come in (columns keep theirs)", () => {
    fc.assert(
      fc.property(arbitrarySnapshot(), fc.infiniteStream(fc.nat()), (snapshot, seeds) => {
        const ranks = new Map(snapshot.entities.map((entity) => [entity, seeds.next().value as number]));
        // Shuffled, except that each table's columns stay in their order.
        const columns = snapshot.entities.filter((entity) => entity.kind === "column");
        const others = [...snapshot.entities.filter((entity) => entity.kind !== "column")].sort((a, b) => (ranks.get(a) ?? 0) - (ranks.get(b) ?? 0));
        const rebuilt = Snapshot.fromEntities([...others.slice(0, 3), ...columns, ...others.slice(3)]);
        expect(rebuilt.entities).toEqual(snapshot.entities);
        expect(rebuilt.tables()).toEqual(snapshot.tables());
        expect(rebuilt.tableNames()).toEqual(snapshot.tables().map((schema) => schema.table.name));
      }),
      { numRuns: 100 },
    );
  });

  it("finds every entity by key, columns by table and name", () => {
    const snapshot = Snapshot.fromEntities([...band].reverse());
    for (const entity of band) expect(snapshot.get(entityKey(entity))).toBe(entity);
    expect(snapshot.has("column:band:name")).toBe(true);
    expect(snapshot.has("column:band:nope")).toBe(false);
    expect(snapshot.column("band", "name")?.type).toBe("text");
    expect(snapshot.column("band", "band_name_idx")).toBeUndefined();
    expect(snapshot.column("nope", "id")).toBeUndefined();
    expect(snapshot.table("band")?.indexes.map((index) => index.name)).toEqual(["band_name_idx"]);
  });

  it("refuses a duplicate of any kind, and entities of a table it does not contain", () => {
    for (const entity of band) {
      const copy = { ...entity } as Entity;
      expect(codeOf(() => Snapshot.fromEntities([...band, copy])), entity.kind).toBe("MIG_E_SNAPSHOT");
    }
    const many = Array.from({ length: 40 }, (_, i): Entity => ({ kind: "column", table: "band", name: `c${i}`, type: "text", nullable: true, default: null }));
    expect(codeOf(() => Snapshot.fromEntities([...band, ...many, { ...(many[7] as Entity) }]))).toBe("MIG_E_SNAPSHOT");
    expect(codeOf(() => Snapshot.fromEntities([...band, ...many]))).toBeUndefined();
    expect(codeOf(() => Snapshot.fromEntities(band.slice(1)))).toBe("MIG_E_SNAPSHOT");
  });

  it("freezes the entities and the list", () => {
    const snapshot = Snapshot.fromEntities(band.map((entity) => ({ ...entity })));
    expect(Object.isFrozen(snapshot.entities)).toBe(true);
    expect(snapshot.entities.every((entity) => Object.isFrozen(entity))).toBe(true);
  });
});

describe("Snapshot.withTables", () => {
  it("gives what fromEntities of the kept tables and the new entities gives", () => {
    fc.assert(
      fc.property(arbitrarySnapshot(), arbitrarySnapshot(), fc.infiniteStream(fc.boolean()), (base, other, drops) => {
        const replaced = base.tableNames().filter(() => drops.next().value);
        // The other snapshot's tables, but none that the base keeps (that would be a duplicate).
        const kept = base.tableNames().filter((name) => !replaced.includes(name));
        const entities = other.entities.filter((entity) => !kept.includes(entity.kind === "table" ? entity.name : entity.table)).reverse();
        const expected = Snapshot.fromEntities([...base.entities.filter((entity) => kept.includes(entity.kind === "table" ? entity.name : entity.table)), ...entities]);
        const result = base.withTables(replaced, entities);
        expect(result.entities).toEqual(expected.entities);
        expect(result.tables()).toEqual(expected.tables());
      }),
    );
  });

  it("reports a table kept and given again, and a duplicate among the new entities, as fromEntities does", () => {
    const base = Snapshot.fromEntities(band);
    expect(codeOf(() => base.withTables([], [band[0]!]))).toBe("MIG_E_SNAPSHOT");
    expect(codeOf(() => base.withTables(["band"], [band[0]!, band[1]!, band[1]!]))).toBe("MIG_E_SNAPSHOT");
    expect(base.withTables(["band"], band).entities).toEqual(base.entities);
  });
});
