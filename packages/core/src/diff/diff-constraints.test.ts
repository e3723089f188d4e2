import { describe, expect, it } from "vitest";
import { diff } from "./diff";
import { snap, summary, t } from "./fixtures";

const person = t("person", { name: "text" });

describe("diff: indexes and constraints", () => {
  it("adds and drops a unique constraint (unique false -> true -> false)", () => {
    const plain = snap(t("band", { name: "text" }));
    const unique = snap(t("band", { name: "text" }, { uniques: [{ columns: ["name"] }] }));
    expect(diff(plain, unique)).toEqual([{ kind: "add_unique", unique: { kind: "unique", table: "band", name: "band_name_key", columns: ["name"] } }]);
    expect(summary(diff(unique, plain))).toEqual(["drop_unique band.band_name_key"]);
  });

  it("adds and drops an index, and replaces it when its method changes", () => {
    const plain = snap(t("band", { name: "text" }));
    const btree = snap(t("band", { name: "text" }, { indexes: [{ columns: ["name"] }] }));
    const hash = snap(t("band", { name: "text" }, { indexes: [{ columns: ["name"], method: "hash" }] }));
    expect(summary(diff(plain, btree))).toEqual(["add_index band.band_name_idx"]);
    expect(summary(diff(btree, plain))).toEqual(["drop_index band.band_name_idx"]);
    const ops = diff(btree, hash);
    expect(summary(ops)).toEqual(["drop_index band.band_name_idx", "add_index band.band_name_idx"]);
    expect(ops[1]).toMatchObject({ index: { method: "hash" } });
  });

  it("changes only on_delete of an FK and carries on_update whole on both sides", () => {
    const before = snap(person, t("band", { leader: "integer" }, { foreignKeys: [{ columns: ["leader"], table: "person", onDelete: "cascade", onUpdate: "cascade" }] }));
    const after = snap(person, t("band", { leader: "integer" }, { foreignKeys: [{ columns: ["leader"], table: "person", onDelete: "set null", onUpdate: "cascade" }] }));
    const ops = diff(before, after);
    expect(summary(ops)).toEqual(["drop_foreign_key band.band_leader_fkey", "add_foreign_key band.band_leader_fkey"]);
    expect(ops[0]).toMatchObject({ foreignKey: { onDelete: "cascade", onUpdate: "cascade" } });
    expect(ops[1]).toMatchObject({ foreignKey: { onDelete: "set null", onUpdate: "cascade" } });
  });

  it("detects a composite unique whose columns changed under the same name", () => {
    const before = snap(t("band", { a: "text", b: "text", c: "text" }, { uniques: [{ columns: ["a", "b"], name: "band_pair" }] }));
    const after = snap(t("band", { a: "text", b: "text", c: "text" }, { uniques: [{ columns: ["a", "c"], name: "band_pair" }] }));
    const ops = diff(before, after);
    expect(summary(ops)).toEqual(["drop_unique band.band_pair", "add_unique band.band_pair"]);
    expect(ops[1]).toMatchObject({ unique: { columns: ["a", "c"] } });
  });

  it("detects a check whose SQL changed under the same name", () => {
    const before = snap(t("band", { n: "integer" }, { checks: [{ name: "band_n_check", sql: "n >= 0" }] }));
    const after = snap(t("band", { n: "integer" }, { checks: [{ name: "band_n_check", sql: "n > 0" }] }));
    expect(summary(diff(before, after))).toEqual(["drop_check band.band_n_check", "add_check band.band_n_check"]);
  });

  it("detects an FK whose target changed under the same name", () => {
    const before = snap(person, t("other"), t("band", { leader: "integer" }, { foreignKeys: [{ columns: ["leader"], table: "person", name: "band_leader_fkey" }] }));
    const after = snap(person, t("other"), t("band", { leader: "integer" }, { foreignKeys: [{ columns: ["leader"], table: "other", name: "band_leader_fkey" }] }));
    expect(summary(diff(before, after))).toEqual(["drop_foreign_key band.band_leader_fkey", "add_foreign_key band.band_leader_fkey"]);
  });

  it("keeps an auto-named index, unique and FK with their stored names when their table is renamed", () => {
    const options = (table: string) => ({
      indexes: [{ columns: ["popularity"], name: `${table}_popularity_idx` }],
      uniques: [{ columns: ["name"], name: `${table}_name_key` }],
      foreignKeys: [{ columns: ["leader"], table: "person", name: `${table}_leader_fkey` }],
    });
    const columns = { name: "text", popularity: "integer", leader: "integer" } as const;
    const before = snap(person, t("band", columns, options("band")));
    const after = snap(person, t("group", columns, options("group")));
    expect(diff(before, after, { renames: { tables: [{ from: "band", to: "group" }], columns: [] } })).toEqual([{ kind: "rename_table", from: "band", to: "group" }]);
  });

  it("keeps an index when its column is renamed, and an FK when its target table and column are renamed", () => {
    const before = snap(t("person", { id: "serial" }), t("band", { title: "text", leader: "integer" }, { indexes: [{ columns: ["title"] }], foreignKeys: [{ columns: ["leader"], table: "person" }] }));
    const after = snap(
      t("human", { pk: "serial" }, { primaryKey: ["pk"] }),
      t("band", { name: "text", leader: "integer" }, { indexes: [{ columns: ["name"] }], foreignKeys: [{ columns: ["leader"], table: "human", refColumns: ["pk"] }] }),
    );
    const renames = { tables: [{ from: "person", to: "human" }], columns: [{ table: "band", from: "title", to: "name" }, { table: "human", from: "id", to: "pk" }] };
    expect(summary(diff(before, after, { renames }))).toEqual(["rename_table person->human", "rename_column band.title->name", "rename_column human.id->pk"]);
  });

  it("drops an FK to a dropped table before the table goes", () => {
    const before = snap(person, t("band", { leader: "integer" }, { foreignKeys: [{ columns: ["leader"], table: "person" }] }));
    const after = snap(t("band", { leader: "integer" }));
    expect(summary(diff(before, after))).toEqual(["drop_foreign_key band.band_leader_fkey", "drop_table person"]);
  });

  it("adds an FK from an existing table to a new table after creating it", () => {
    const before = snap(t("band", { leader: "integer" }));
    const after = snap(person, t("band", { leader: "integer" }, { foreignKeys: [{ columns: ["leader"], table: "person" }] }));
    expect(summary(diff(before, after))).toEqual(["create_table person", "add_foreign_key band.band_leader_fkey"]);
  });
});
