import { describe, expect, it } from "vitest";
import type { Operation } from "../operations/operation";
import { diff } from "./diff";
import { snap, summary, t } from "./fixtures";

const fk = (column: string, table: string) => ({ columns: [column], table });

function created(ops: readonly Operation[]) {
  return ops.flatMap((op) => (op.kind === "create_table" ? [op.schema] : []));
}

describe("diff: order", () => {
  it("creates five tables of an FK chain, declared shuffled, in dependency order", () => {
    // e -> d -> c -> b -> a
    const tables = [
      t("c", { b: "integer" }, { foreignKeys: [fk("b", "b")] }),
      t("e", { d: "integer" }, { foreignKeys: [fk("d", "d")] }),
      t("a", { name: "text" }),
      t("d", { c: "integer" }, { foreignKeys: [fk("c", "c")] }),
      t("b", { a: "integer" }, { foreignKeys: [fk("a", "a")] }),
    ];
    const ops = diff(snap(), snap(...tables));
    expect(summary(ops)).toEqual(["create_table a", "create_table b", "create_table c", "create_table d", "create_table e"]);
    expect(created(ops).map((s) => s.foreignKeys.length)).toEqual([0, 1, 1, 1, 1]);
  });

  it("orders tables by name, each right after the tables it depends on", () => {
    const ops = diff(snap(), snap(t("z"), t("m", { z: "integer" }, { foreignKeys: [fk("z", "z")] }), t("a", { m: "integer" }, { foreignKeys: [fk("m", "m")] }), t("b")));
    expect(summary(ops)).toEqual(["create_table z", "create_table m", "create_table a", "create_table b"]);
  });

  it("drops an FK chain dependents first", () => {
    const tables = [t("a"), t("b", { a: "integer" }, { foreignKeys: [fk("a", "a")] }), t("c", { b: "integer" }, { foreignKeys: [fk("b", "b")] })];
    expect(summary(diff(snap(...tables), snap()))).toEqual(["drop_table c", "drop_table b", "drop_table a"]);
  });

  it("creates a self-referencing table with its FK inside", () => {
    const ops = diff(snap(), snap(t("person", { parent: { type: "integer", nullable: true } }, { foreignKeys: [fk("parent", "person")] })));
    expect(summary(ops)).toEqual(["create_table person"]);
    expect(created(ops)[0]?.foreignKeys.map((f) => f.name)).toEqual(["person_parent_fkey"]);
  });

  it("creates two tables referencing each other first, then adds both FKs", () => {
    const tables = [
      t("band", { leader: { type: "integer", nullable: true } }, { foreignKeys: [fk("leader", "person")] }),
      t("person", { band: { type: "integer", nullable: true } }, { foreignKeys: [fk("band", "band")] }),
    ];
    const ops = diff(snap(), snap(...tables));
    expect(summary(ops)).toEqual(["create_table band", "create_table person", "add_foreign_key band.band_leader_fkey", "add_foreign_key person.person_band_fkey"]);
    expect(created(ops).every((s) => s.foreignKeys.length === 0)).toBe(true);
  });

  it("drops two tables referencing each other after dropping their FKs", () => {
    const tables = [
      t("band", { leader: { type: "integer", nullable: true } }, { foreignKeys: [fk("leader", "person")] }),
      t("person", { band: { type: "integer", nullable: true } }, { foreignKeys: [fk("band", "band")] }),
    ];
    const ops = diff(snap(...tables), snap());
    expect(summary(ops)).toEqual(["drop_foreign_key band.band_leader_fkey", "drop_foreign_key person.person_band_fkey", "drop_table person", "drop_table band"]);
    expect(ops.every((op) => op.kind !== "drop_table" || op.schema.foreignKeys.length === 0)).toBe(true);
  });

  it("keeps FKs to tables outside a cycle inside create_table", () => {
    const tables = [
      t("a", { b: "integer", root: "integer" }, { foreignKeys: [fk("b", "b"), fk("root", "root")] }),
      t("b", { a: "integer" }, { foreignKeys: [fk("a", "a")] }),
      t("root"),
    ];
    const ops = diff(snap(), snap(...tables));
    expect(summary(ops)).toEqual(["create_table root", "create_table a", "create_table b", "add_foreign_key a.a_b_fkey", "add_foreign_key b.b_a_fkey"]);
    expect(created(ops)[1]?.foreignKeys.map((f) => f.name)).toEqual(["a_root_fkey"]);
  });

  it("runs the phases in order, with names valid at each point", () => {
    const before = snap(
      t("band", { title: "text", genre: "text", old: { nullable: true }, rating: { type: "integer", nullable: true } }, {
        uniques: [{ columns: ["title", "genre"], name: "band_pair_key" }],
        indexes: [{ columns: ["genre"], method: "btree", name: "band_genre_ix" }],
      }),
      t("gone"),
    );
    const after = snap(
      t("group", { name: "text", genre: "text", rating: { type: "bigint", nullable: true }, added: { nullable: true } }, {
        uniques: [{ columns: ["genre"], name: "band_pair_key" }],
        indexes: [{ columns: ["genre"], method: "hash", name: "band_genre_ix" }],
      }),
      t("fresh", { group: "integer" }, { foreignKeys: [fk("group", "group")] }),
    );
    const ops = diff(before, after, { renames: { tables: [{ from: "band", to: "group" }], columns: [{ table: "group", from: "title", to: "name" }] } });
    expect(summary(ops)).toEqual([
      "drop_index band.band_genre_ix",
      "drop_unique band.band_pair_key",
      "drop_table gone",
      "rename_table band->group",
      "rename_column group.title->name",
      "drop_column group.old",
      "alter_column group.rating",
      "create_table fresh",
      "add_column group.added",
      "add_unique group.band_pair_key",
      "add_index group.band_genre_ix",
    ]);
    // The drop runs before the renames: old table and column names.
    expect(ops[1]).toEqual({ kind: "drop_unique", unique: { kind: "unique", table: "band", name: "band_pair_key", columns: ["title", "genre"] } });
    expect(ops[9]).toEqual({ kind: "add_unique", unique: { kind: "unique", table: "group", name: "band_pair_key", columns: ["genre"] } });
  });

  it("adds a new table's FK after the column it points at is added to an existing table", () => {
    const before = snap(t("a", { code: "text" }, { primaryKey: ["code"] }));
    const after = snap(
      t("a", { code: "text", other: { nullable: true } }, { primaryKey: ["code"], uniques: [{ columns: ["other"] }] }),
      t("q", { ref: "text" }, { foreignKeys: [{ columns: ["ref"], table: "a", refColumns: ["other"] }] }),
    );
    const ops = diff(before, after);
    expect(summary(ops)).toEqual(["create_table q", "add_column a.other", "add_unique a.a_other_key", "add_foreign_key q.q_ref_fkey"]);
    expect(created(ops)[0]?.foreignKeys).toEqual([]);
  });

  it("drops a dropped table's FK before the unique constraint it points at", () => {
    const before = snap(
      t("a", { code: "text" }, { uniques: [{ columns: ["code"] }] }),
      t("q", { ref: "text" }, { foreignKeys: [{ columns: ["ref"], table: "a", refColumns: ["code"] }] }),
    );
    const after = snap(t("a", { code: "text" }));
    const ops = diff(before, after);
    expect(summary(ops)).toEqual(["drop_foreign_key q.q_ref_fkey", "drop_unique a.a_code_key", "drop_table q"]);
    expect(ops[2]?.kind === "drop_table" && ops[2].schema.foreignKeys).toEqual([]);
  });
});
