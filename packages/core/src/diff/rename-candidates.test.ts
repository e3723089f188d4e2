import { describe, expect, it } from "vitest";
import { snap, t } from "./fixtures";
import { findColumnRenameCandidates, findTableRenameCandidates } from "./rename-candidates";

describe("findTableRenameCandidates", () => {
  it("asks about a dropped and an added table that share a non-key column, with the exact text", () => {
    expect(findTableRenameCandidates(snap(t("band", { name: "text" })), snap(t("group", { name: "text" })))).toEqual([
      { kind: "table", from: "band", to: "group", question: "Did you rename table band to group? (y/N)", automatic: false },
    ]);
  });

  it("does not ask about unrelated tables (only the primary key in common)", () => {
    expect(findTableRenameCandidates(snap(t("band", { name: "text" })), snap(t("ticket", { price: "integer" })))).toEqual([]);
  });

  it("asks about a dropped and an added table that are only their key, the same key (Band → Performer)", () => {
    expect(findTableRenameCandidates(snap(t("band", {})), snap(t("performer", {})))).toEqual([
      { kind: "table", from: "band", to: "performer", question: "Did you rename table band to performer? (y/N)", automatic: false },
    ]);
    // Only one of them is only its key: nothing in common but the key, so not asked.
    expect(findTableRenameCandidates(snap(t("band", {})), snap(t("ticket", { price: "integer" })))).toEqual([]);
  });

  it("decides a same-export-name pair without asking and leaves out the other pairs of its tables", () => {
    const before = snap(t("band", { name: "text" }, { className: "Band" }), t("venue", { name: "text" }));
    const after = snap(t("group", { name: "text" }, { className: "Band" }), t("hall", { name: "text" }));
    expect(findTableRenameCandidates(before, after)).toEqual([
      { kind: "table", from: "band", to: "group", question: "Did you rename table band to group? (y/N)", automatic: true },
      { kind: "table", from: "venue", to: "hall", question: "Did you rename table venue to hall? (y/N)", automatic: false },
    ]);
  });

  it("lists every overlapping pair in code-point order", () => {
    const before = snap(t("b", { x: "text" }), t("a", { x: "text" }), t("Z", { x: "text" }));
    const after = snap(t("d", { x: "text" }), t("c", { x: "text" }));
    expect(findTableRenameCandidates(before, after).map((c) => `${c.from}>${c.to}`)).toEqual(["Z>c", "Z>d", "a>c", "a>d", "b>c", "b>d"]);
  });
});

describe("findColumnRenameCandidates", () => {
  it("lists dropped × added columns per table, ordered, with the exact text", () => {
    const before = snap(t("band", { title: "text", genre: "text", keep: "text" }));
    const after = snap(t("band", { name: "text", label: "text", keep: "text" }));
    expect(findColumnRenameCandidates(before, after, []).map((c) => c.question)).toEqual([
      "Did you rename column band.genre to band.label? (y/N)",
      "Did you rename column band.genre to band.name? (y/N)",
      "Did you rename column band.title to band.label? (y/N)",
      "Did you rename column band.title to band.name? (y/N)",
    ]);
  });

  it("follows table decisions and names the table by its new name", () => {
    const before = snap(t("band", { title: "text" }));
    const after = snap(t("group", { name: "text" }));
    expect(findColumnRenameCandidates(before, after, [])).toEqual([]);
    expect(findColumnRenameCandidates(before, after, { tables: [{ from: "band", to: "group" }], columns: [] })).toHaveLength(1);
    expect(findColumnRenameCandidates(before, after, [{ from: "band", to: "group" }])).toEqual([
      { kind: "column", table: "group", from: "title", to: "name", question: "Did you rename column group.title to group.name? (y/N)" },
    ]);
  });

  it("orders by table first", () => {
    const before = snap(t("b", { x: "text" }), t("a", { x: "text" }));
    const after = snap(t("b", { y: "text" }), t("a", { y: "text" }));
    expect(findColumnRenameCandidates(before, after).map((c) => c.table)).toEqual(["a", "b"]);
  });
});
