import { describe, expect, it } from "vitest";
import { DEFAULT_CAPABILITIES, resolveCapabilities } from "../dialect/capabilities";
import { createEmitter } from "../dialect/sql-emitter";
import { planOperations } from "../diff/plan-operations";
import { diff } from "../diff/diff";
import { isMigError } from "../errors/mig-error";
import { invertOperation } from "../operations/invert-operation";
import { applyOperation } from "../operations/apply-operation";
import { snapshotFromTables } from "../validate/from-tables";
import { Snapshot } from "../snapshot/snapshot";
import type { SchemaOperation } from "../operations/operation";
import { foreignKey } from "./foreign-key";
import { integer, serial, text } from "./column-factories";
import { isQualifiedTableName, qualifiedTableName, splitTableName } from "./qualified-table-name";
import { table } from "./table";
import type { TypeMapper } from "../dialect/type-mapper";

const types: TypeMapper = { toNative: (spec) => spec.type.toUpperCase(), fromNative: () => undefined };
const emitter = createEmitter({ types });
const music = (schema: string | undefined) => {
  const Band = table("band", { id: serial().primaryKey(), name: text().index() }, schema === undefined ? {} : { schema });
  const Album = table("album", { id: serial().primaryKey(), band: foreignKey(() => Band), copies: integer() });
  return { Band, Album };
};

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("qualified table names", () => {
  it("round-trips schema and name, quotes and dots included", () => {
    for (const [schema, name] of [["music", "band"], ['we"ird.', 'a"."b'], ["s", ""]] as const) {
      const ref = qualifiedTableName(schema, name);
      expect(isQualifiedTableName(ref)).toBe(true);
      expect(splitTableName(ref)).toEqual({ schema, name });
    }
    expect(qualifiedTableName(undefined, "band")).toBe("band");
    expect(splitTableName("music.band")).toEqual({ name: "music.band" });
    expect(splitTableName('"band"')).toEqual({ name: '"band"' });
  });
});

describe("table option schema", () => {
  it("names the table and everything of it by the qualified name; derived names come from the plain name", () => {
    const snapshot = snapshotFromTables(music("music"));
    expect([...snapshot.tableNames()].sort()).toEqual(["\"music\".\"band\"", "album"]);
    const band = snapshot.table('"music"."band"');
    expect(band?.indexes.map((i) => [i.table, i.name])).toEqual([['"music"."band"', "band_name_idx"]]);
    expect(snapshot.table("album")?.foreignKeys[0]?.references.table).toBe('"music"."band"');
  });

  it("lets two tables share a name in different schemas", () => {
    const a = table("band", { name: text() }, { schema: "a" });
    const b = table("band", { name: text() }, { schema: "b" });
    expect([...snapshotFromTables([a, b]).tableNames()].sort()).toEqual(['"a"."band"', '"b"."band"']);
    const c = table("band", { name: text() }, { schema: "a" });
    expect(errorOf(() => snapshotFromTables([a, c]))).toMatchObject({ code: "MIG_E_SCHEMA_INVALID" });
  });

  it("refuses a schema that is not a name, or too long, and a plain name shaped like a qualified one", () => {
    for (const schema of ["", 5, "x\0y"]) {
      const error = errorOf(() => snapshotFromTables([table("band", { name: text() }, { schema } as never)]));
      expect(isMigError(error) && ["MIG_E_SCHEMA_INVALID", "MIG_E_IDENTIFIER"].includes(error.code)).toBe(true);
    }
    const long = errorOf(() => snapshotFromTables([table("band", { name: text() }, { schema: "s".repeat(64) })], { maxIdentifierLength: 63 }));
    expect(long).toMatchObject({ problems: [expect.objectContaining({ message: expect.stringContaining("64 bytes") })] });
    expect(errorOf(() => snapshotFromTables([table('"a"."b"', { name: text() })]))).toMatchObject({ problems: [expect.objectContaining({ message: expect.stringContaining("schema-qualified") })] });
  });

  it("emits schema-qualified, quoted SQL for the table, its index and a foreign key pointing into the schema", () => {
    const operations = diff(Snapshot.fromEntities([]), snapshotFromTables(music("music")));
    const sql = operations.flatMap((op) => emitter.emit(op as SchemaOperation).map((s) => s.sql));
    expect(sql).toContain('CREATE INDEX "band_name_idx" ON "music"."band" ("name")');
    expect(sql.some((s) => s.startsWith('CREATE TABLE "music"."band" ('))).toBe(true);
    expect(sql.some((s) => s.includes('REFERENCES "music"."band" ("id")'))).toBe(true);
    const drop = emitter.emit({ kind: "drop_index", index: { kind: "index", table: '"music"."band"', name: "band_name_idx", columns: ["name"], method: "btree" } });
    expect(drop.map((s) => s.sql)).toEqual(['DROP INDEX "music"."band_name_idx"']);
  });

  it("moves a table between schemas as a rename (same export name), reversible and replayed", () => {
    const before = snapshotFromTables(music("music"));
    const after = snapshotFromTables(music("archive"));
    const operations = diff(before, after);
    expect(operations).toEqual([{ kind: "rename_table", from: '"music"."band"', to: '"archive"."band"' }]);
    const move = operations[0] as SchemaOperation;
    expect(emitter.emit(move).map((s) => s.sql)).toEqual(['ALTER TABLE "music"."band" SET SCHEMA "archive"']);
    expect(applyOperation(before, move).table('"archive"."band"')?.indexes[0]?.table).toBe('"archive"."band"');
    expect(applyOperation(before, move).table("album")?.foreignKeys[0]?.references.table).toBe('"archive"."band"');
    expect(invertOperation(move)).toEqual({ kind: "rename_table", from: '"archive"."band"', to: '"music"."band"' });
    const home = diff(before, snapshotFromTables(music(undefined)));
    expect(home).toEqual([{ kind: "rename_table", from: '"music"."band"', to: "band" }]);
    // The connection's schema has no name in SQL: the standard step leaves that move to the dialect's hook.
    expect(errorOf(() => emitter.emit(home[0] as SchemaOperation))).toMatchObject({ code: "MIG_E_UNSUPPORTED" });
    const homing = createEmitter({ types, hooks: () => ({ renderSetSchema: (table, schema) => `MOVE ${table} TO ${schema ?? "HOME"}` }) });
    expect(homing.emit(home[0] as SchemaOperation).map((s) => s.sql)).toEqual(['MOVE "music"."band" TO HOME']);
  });

  it("is refused by the planner on a database without schemas, and planned on one with them", () => {
    const operations = diff(Snapshot.fromEntities([]), snapshotFromTables(music("music")));
    const refused = planOperations({ operations, capabilities: DEFAULT_CAPABILITIES });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.refusals.map((r) => r.reason).join("\n")).toContain("has no schemas");
    expect(planOperations({ operations, capabilities: resolveCapabilities({ schemas: true }) }).ok).toBe(true);
  });
});
