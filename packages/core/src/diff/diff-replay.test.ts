import { describe, expect, it } from "vitest";
import { applyOperation } from "../operations/apply-operation";
import type { Snapshot } from "../snapshot/snapshot";
import { type DiffDecisions, diff } from "./diff";
import { snap, t } from "./fixtures";

/** Applies diff(from, to) to `from`: the result must diff to nothing against `to`. */
function converges(from: Snapshot, to: Snapshot, decisions: DiffDecisions = {}): Snapshot {
  const result = diff(from, to, decisions).reduce(applyOperation, from);
  expect(diff(result, to)).toEqual([]);
  return result;
}

const fk = (column: string, table: string) => ({ columns: [column], table });

describe("diff: applying the operations reaches the target", () => {
  it("rename of a table and a column plus an alter, with indexes keeping their stored names", () => {
    const from = snap(t("person"), t("band", { title: "text", leader: "integer" }, { indexes: [{ columns: ["title"] }], foreignKeys: [fk("leader", "person")] }));
    const to = snap(
      t("person"),
      t("group", { name: { type: "varchar", length: 10, nullable: true }, leader: "integer" }, { indexes: [{ columns: ["name"] }], foreignKeys: [fk("leader", "person")] }),
    );
    const result = converges(from, to, { renames: { tables: [{ from: "band", to: "group" }], columns: [{ table: "group", from: "title", to: "name" }] } });
    expect(result.table("group")?.indexes.map((i) => i.name)).toEqual(["band_title_idx"]);
  });

  it("tables created and dropped in FK cycles and chains", () => {
    const chain = [t("a"), t("b", { a: "integer" }, { foreignKeys: [fk("a", "a")] }), t("c", { b: "integer" }, { foreignKeys: [fk("b", "b")] })];
    const cycle = [
      t("x", { y: { type: "integer", nullable: true } }, { foreignKeys: [fk("y", "y")] }),
      t("y", { x: { type: "integer", nullable: true } }, { foreignKeys: [fk("x", "x")] }),
      t("self", { parent: { type: "integer", nullable: true } }, { foreignKeys: [fk("parent", "self")] }),
    ];
    converges(snap(), snap(...chain, ...cycle));
    converges(snap(...chain, ...cycle), snap());
    converges(snap(...chain), snap(...cycle));
  });

  it("constraints replaced under the same name, columns added and dropped, FK actions changed", () => {
    const from = snap(
      t("person"),
      t("band", { a: "text", b: "text", c: { nullable: true }, leader: "integer" }, {
        uniques: [{ columns: ["a", "b"], name: "band_pair" }],
        checks: [{ name: "band_c_check", sql: "c <> ''" }],
        foreignKeys: [{ columns: ["leader"], table: "person", onDelete: "cascade", onUpdate: "cascade" }],
      }),
    );
    const to = snap(
      t("person"),
      t("band", { a: "text", b: { nullable: true }, d: { type: "integer", nullable: true }, leader: "integer" }, {
        uniques: [{ columns: ["a", "d"], name: "band_pair" }],
        checks: [{ name: "band_c_check", sql: "d > 0" }],
        foreignKeys: [{ columns: ["leader"], table: "person", onDelete: "set null", onUpdate: "cascade" }],
      }),
    );
    converges(from, to);
    converges(to, from, { backfill: { "band.c": "x" } });
  });

  it("a new table referencing a column added to an existing table", () => {
    const from = snap(t("a", { code: "text" }));
    const to = snap(t("a", { code: "text", other: { nullable: true } }, { uniques: [{ columns: ["other"] }] }), t("q", { ref: "text" }, { foreignKeys: [{ columns: ["ref"], table: "a", refColumns: ["other"] }] }));
    converges(from, to);
    converges(to, from);
  });
});
