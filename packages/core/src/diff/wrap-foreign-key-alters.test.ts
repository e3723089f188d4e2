import { describe, expect, it } from "vitest";
import { resolveCapabilities } from "../dialect/capabilities";
import { integer, serial, table, bigint, foreignKey, varchar } from "../schema/index";
import { snapshotFromTables } from "../snapshot/from-tables";
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
