import { describe, expect, it } from "vitest";
import { resolveCapabilities } from "../dialect/capabilities";
import { integer, serial, table, bigint, foreignKey, varchar } from "../schema/index";
import { snapshotFromTables } from "../validate/from-tables";
import { diff } from "./diff";
import { planForDialect } from "./plan-for-dialect";

const before = () => {
  const Artist = table("artist", { id: integer().primaryKey(), name: varchar({ length: 50 }) });
  const Album = table("album", { artist: foreignKey(() => Artist, { onDelete: "cascade", onUpdate: "restrict" }), title: varchar({ length: 50 }) });
  return snapshotFromTables({ Artist, Album });
};
const after = () => {
  const Artist = table("artist", { id: bigint().primaryKey(), name: varchar({ length: 80 }) });
  const Album = table("album", { artist: foreignKey(() => Artist, { onDelete: "cascade", onUpdate: "restrict" }), title: varchar({ length: 50 }) });
  return snapshotFromTables({ Artist, Album });
};

describe("planForDialect with alterForeignKeyColumnType: false", () => {
  it("drops the foreign key before retyping either side and adds it back, whole, after", () => {
    const from = before();
    const operations = diff(from, after());
    const plan = planForDialect(operations, resolveCapabilities({ alterForeignKeyColumnType: false }), { from });
    expect(plan.map((op) => op.kind)).toEqual(["drop_foreign_key", "alter_column", "alter_column", "alter_column", "add_foreign_key"]);
    const [drop, , , , add] = plan;
    expect(drop).toMatchObject({ foreignKey: { table: "album", name: "album_artist_fkey", onDelete: "cascade", onUpdate: "restrict" } });
    expect(add).toEqual({ kind: "add_foreign_key", foreignKey: (drop as { foreignKey: unknown }).foreignKey });
  });

  it("leaves plans alone when the dialect can retype such columns, or no key is involved", () => {
    const from = before();
    const operations = diff(from, after());
    expect(planForDialect(operations, resolveCapabilities({}), { from })).toEqual(operations);
    const Solo = table("solo", { n: integer() });
    const Solo2 = table("solo", { n: bigint() });
    const soloFrom = snapshotFromTables({ Solo });
    const soloOps = diff(soloFrom, snapshotFromTables({ Solo: Solo2 }));
    expect(planForDialect(soloOps, resolveCapabilities({ alterForeignKeyColumnType: false }), { from: soloFrom })).toEqual(soloOps);
  });

  it("is not confused by a serial primary key whose referencing column keeps its type", () => {
    const A = table("a", { id: serial().primaryKey(), label: varchar({ length: 5 }) });
    const B = table("b", { a: foreignKey(() => A) });
    const A2 = table("a", { id: serial().primaryKey(), label: varchar({ length: 9 }) });
    const B2 = table("b", { a: foreignKey(() => A2) });
    const from = snapshotFromTables({ A, B });
    const plan = planForDialect(diff(from, snapshotFromTables({ A: A2, B: B2 })), resolveCapabilities({ alterForeignKeyColumnType: false }), { from });
    expect(plan.map((op) => op.kind)).toEqual(["alter_column"]);
  });
});

describe("planForDialect with renameForeignKeyColumn: false", () => {
  const A = table("a", { id: integer().primaryKey(), n: integer() });
  const B = table("b", { a: foreignKey(() => A, { onDelete: "cascade" }), m: integer() });
  const A2 = table("a", { id: integer().primaryKey().dbName("a_id"), n: integer() });
  const B2 = table("b", { a: foreignKey(() => A2, { onDelete: "cascade" }).dbName("a_ref"), m: integer().dbName("m2") });
  const renames = {
    tables: [],
    columns: [
      { table: "a", from: "id", to: "a_id" },
      { table: "b", from: "a", to: "a_ref" },
      { table: "b", from: "m", to: "m2" },
    ],
  };

  it("drops the foreign key before renaming either of its columns and adds it back with the new names", () => {
    const from = snapshotFromTables({ A, B });
    const plan = planForDialect(diff(from, snapshotFromTables({ A: A2, B: B2 }), { renames }), resolveCapabilities({ renameForeignKeyColumn: false }), { from });
    expect(plan.map((op) => op.kind)).toEqual(["drop_foreign_key", "rename_column", "rename_column", "rename_column", "add_foreign_key"]);
    expect(plan[0]).toMatchObject({ foreignKey: { table: "b", name: "b_a_fkey", columns: ["a"], references: { table: "a", columns: ["id"] }, onDelete: "cascade" } });
    expect(plan[4]).toMatchObject({ foreignKey: { table: "b", name: "b_a_fkey", columns: ["a_ref"], references: { table: "a", columns: ["a_id"] }, onDelete: "cascade" } });
  });

  it("leaves a rename alone when no foreign key uses the column, or the dialect can rename under one", () => {
    const from = snapshotFromTables({ A, B });
    const onlyM = diff(from, snapshotFromTables({ A, B: table("b", { a: foreignKey(() => A, { onDelete: "cascade" }), m: integer().dbName("m2") }) }), {
      renames: { tables: [], columns: [{ table: "b", from: "m", to: "m2" }] },
    });
    expect(planForDialect(onlyM, resolveCapabilities({ renameForeignKeyColumn: false }), { from })).toEqual(onlyM);
    const all = diff(from, snapshotFromTables({ A: A2, B: B2 }), { renames });
    expect(planForDialect(all, resolveCapabilities({}), { from })).toEqual(all);
  });
});
