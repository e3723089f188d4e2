import { describe, expect, it } from "vitest";
import { isMigError } from "../errors/mig-error";
import { isDestructive } from "../operations/operation";
import { diff } from "./diff";
import { col, deepFreeze, snap, summary, t } from "./fixtures";

const band = (columns = {}, options = {}) => t("band", { name: { type: "varchar", length: 100 }, ...columns }, options);

function errorOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("diff: tables and columns", () => {
  it("gives nothing when nothing changed", () => {
    expect(diff(snap(band()), snap(band()))).toEqual([]);
    expect(diff(snap(), snap())).toEqual([]);
  });

  it("creates a new table with every column", () => {
    const ops = diff(snap(), snap(band({ popularity: "integer" })));
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ kind: "create_table", schema: { table: { name: "band" } } });
    const schema = ops[0]?.kind === "create_table" ? ops[0].schema : undefined;
    expect(schema?.columns.map((c) => c.name)).toEqual(["id", "name", "popularity"]);
  });

  it("drops a removed table, carrying the whole table, destructively", () => {
    const ops = diff(snap(band({}, { uniques: [{ columns: ["name"] }] })), snap());
    expect(summary(ops)).toEqual(["drop_table band"]);
    const op = ops[0];
    expect(op?.kind === "drop_table" && op.schema.uniques.map((u) => u.name)).toEqual(["band_name_key"]);
    expect(op && isDestructive(op)).toBe(true);
  });

  it("adds and drops columns", () => {
    const ops = diff(snap(band({ old: { nullable: true } })), snap(band({ fresh: { type: "integer", nullable: true } })));
    expect(summary(ops)).toEqual(["drop_column band.old", "add_column band.fresh"]);
    expect(ops[0] && isDestructive(ops[0])).toBe(true);
  });

  it("adds new columns in definition order", () => {
    const ops = diff(snap(band()), snap(band({ z: { nullable: true }, a: { nullable: true } })));
    expect(summary(ops)).toEqual(["add_column band.z", "add_column band.a"]);
  });

  it("treats a dropped and an added table without decisions as drop + create", () => {
    const ops = diff(snap(band()), snap(t("group", { name: { type: "varchar", length: 100 } })));
    expect(summary(ops)).toEqual(["drop_table band", "create_table group"]);
  });

  it("renames a table with the same export name without asking", () => {
    const ops = diff(snap(band({}, { className: "Band" })), snap(t("group", { name: { type: "varchar", length: 100 } }, { className: "Band" })));
    expect(ops).toEqual([{ kind: "rename_table", from: "band", to: "group" }]);
  });

  it("renames a table and a column, then alters that column, in one diff", () => {
    const before = snap(band({ title: { type: "varchar", length: 50 } }));
    const after = snap(t("group", { name: { type: "varchar", length: 100 }, label: { type: "varchar", length: 200, nullable: true } }));
    const ops = diff(before, after, { renames: { tables: [{ from: "band", to: "group" }], columns: [{ table: "group", from: "title", to: "label" }] } });
    expect(summary(ops)).toEqual(["rename_table band->group", "rename_column group.title->label", "alter_column group.label"]);
    expect(ops[2]).toEqual({
      kind: "alter_column",
      table: "group",
      from: col("group", "label", { type: "varchar", length: 50 }),
      to: col("group", "label", { type: "varchar", length: 200, nullable: true }),
    });
  });

  it("alters numeric precision with both values and marks it lossy", () => {
    const ops = diff(snap(band({ rating: { type: "numeric", precision: 5, scale: 2 } })), snap(band({ rating: { type: "numeric", precision: 4, scale: 2 } })));
    expect(ops).toEqual([
      {
        kind: "alter_column",
        table: "band",
        from: col("band", "rating", { type: "numeric", precision: 5, scale: 2 }),
        to: col("band", "rating", { type: "numeric", precision: 4, scale: 2 }),
        lossy: true,
      },
    ]);
    expect(ops[0] && isDestructive(ops[0])).toBe(true);
  });

  it.each([
    ["default set", {}, { default: { kind: "value", value: "x" } }],
    ["default changed", { default: { kind: "value", value: "x" } }, { default: { kind: "value", value: "y" } }],
    ["default dropped", { default: { kind: "value", value: "x" } }, {}],
    ["nullable toggled", {}, { nullable: true }],
    ["length changed", { type: "varchar", length: 10 }, { type: "varchar", length: 20 }],
  ] as const)("alters a column when its %s", (_, before, after) => {
    const ops = diff(snap(band({ c: before })), snap(band({ c: after })));
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ kind: "alter_column", table: "band", from: col("band", "c", before), to: col("band", "c", after) });
  });

  it("does not alter a column whose JSON default only differs in key order", () => {
    const a = { type: "jsonb", default: { kind: "value", value: { a: 1, b: [1, 2] } } } as const;
    const b = { type: "jsonb", default: { kind: "value", value: { b: [1, 2], a: 1 } } } as const;
    expect(diff(snap(band({ c: a })), snap(band({ c: b })))).toEqual([]);
  });

  it.each([
    ["varchar", "text", false],
    ["text", "varchar", true],
    ["integer", "bigint", false],
    ["bigint", "smallint", true],
    ["real", "doublePrecision", false],
    ["doublePrecision", "real", true],
    ["real", "integer", true],
    ["varchar", "integer", true],
    ["json", "jsonb", false],
    ["timestamp", "timestamptz", false],
  ] as const)("alters %s to %s (lossy: %s)", (from, to, lossy) => {
    const spec = (type: string) => (type === "varchar" ? { type, length: 20 } : { type });
    const ops = diff(snap(band({ c: spec(from) as never })), snap(band({ c: spec(to) as never })));
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ kind: "alter_column", from: { type: from }, to: { type: to } });
    expect(ops[0] && "lossy" in ops[0] ? ops[0].lossy : false).toBe(lossy);
  });

  it.each([
    ["serial", "bigserial"],
    ["bigserial", "serial"],
    ["integer", "serial"],
  ] as const)("refuses %s -> %s with MIG_E_DIFF", (from, to) => {
    const error = errorOf(() => diff(snap(band({ n: from })), snap(band({ n: to }))));
    expect(isMigError(error, "MIG_E_DIFF")).toBe(true);
    expect(isMigError(error) && error.problems).toEqual([expect.objectContaining({ table: "band", column: "n" })]);
  });

  it("refuses a primary key change of an existing table with MIG_E_DIFF", () => {
    const before = snap(t("member", { band: "integer", person: "text" }, { primaryKey: ["band"] }));
    const after = snap(t("member", { band: "integer", person: "text" }, { primaryKey: ["band", "person"] }));
    const error = errorOf(() => diff(before, after));
    expect(isMigError(error, "MIG_E_DIFF")).toBe(true);
    expect(isMigError(error) && error.problems[0]?.table).toBe("member");
  });

  it("accepts a renamed primary key column", () => {
    const before = snap(t("a", { id: "serial" }));
    const after = snap(t("a", { key: "serial" }, { primaryKey: ["key"] }));
    const ops = diff(before, after, { renames: { tables: [], columns: [{ table: "a", from: "id", to: "key" }] } });
    expect(summary(ops)).toEqual(["rename_column a.id->key"]);
  });

  it("refuses rename decisions that do not fit with MIG_E_DIFF", () => {
    const error = errorOf(() => diff(snap(band()), snap(band()), { renames: { tables: [{ from: "band", to: "x" }], columns: [] } }));
    expect(isMigError(error, "MIG_E_DIFF")).toBe(true);
  });

  it("uses DB names for added, dropped and renamed columns", () => {
    // `.dbName()` columns are stored under their DB names: the diff never sees the property names.
    const before = snap(band({ db_old: { nullable: true }, db_title: "text" }));
    const after = snap(band({ db_new: { nullable: true }, db_label: "text" }));
    const ops = diff(before, after, { renames: { tables: [], columns: [{ table: "band", from: "db_title", to: "db_label" }] } });
    expect(summary(ops)).toEqual(["rename_column band.db_title->db_label", "drop_column band.db_old", "add_column band.db_new"]);
  });
});

describe("diff: backfill", () => {
  const before = snap(band());
  const after = snap(band({ founded: "date", rank: "integer" }));

  it("needs a value for a NOT NULL column without default added to an existing table", () => {
    const error = errorOf(() => diff(before, after));
    expect(isMigError(error, "MIG_E_NEEDS_INPUT")).toBe(true);
    expect(isMigError(error) && error.problems.map((p) => p.column)).toEqual(["founded", "rank"]);
    expect(isMigError(error) && error.meta.questions).toHaveLength(2);
  });

  it("carries the given backfill values", () => {
    const ops = diff(before, after, { backfill: { "band.founded": "2020-01-01", "band.rank": 0 } });
    expect(ops).toEqual([
      { kind: "add_column", table: "band", column: col("band", "founded", "date"), backfill: "2020-01-01" },
      { kind: "add_column", table: "band", column: col("band", "rank", "integer"), backfill: 0 },
    ]);
  });

  it("needs nothing for a new table, a nullable column, a column with a default, or a serial", () => {
    const added = band({ a: { nullable: true }, b: { default: { kind: "value", value: "x" } }, c: "bigserial" });
    expect(summary(diff(before, snap(added)))).toEqual(["add_column band.a", "add_column band.b", "add_column band.c"]);
    expect(summary(diff(snap(), snap(band({ founded: "date" }))))).toEqual(["create_table band"]);
  });

  it("carries a value for NULLs when a column becomes NOT NULL, and does not require one", () => {
    const nullable = snap(band({ rating: { type: "integer", nullable: true } }));
    const required = snap(band({ rating: "integer" }));
    expect(diff(nullable, required)[0]).not.toHaveProperty("backfill");
    expect(diff(nullable, required, { backfill: { "band.rating": 3 } })[0]).toMatchObject({ kind: "alter_column", backfill: 3 });
  });
});

describe("diff: purity", () => {
  it("leaves deep-frozen inputs alone and gives deep-equal results twice", () => {
    const before = deepFreeze(snap(band({ title: "text", old: "integer" }, { indexes: [{ columns: ["title"] }] }), t("manager", { name: "text" })));
    const after = deepFreeze(
      snap(
        t("group", { name: { type: "varchar", length: 100 }, label: "text", manager: "integer" }, { foreignKeys: [{ columns: ["manager"], table: "manager" }], indexes: [{ columns: ["label"] }] }),
        t("manager", { name: "text", age: { type: "integer", nullable: true } }),
      ),
    );
    const decisions = deepFreeze({
      renames: { tables: [{ from: "band", to: "group" }], columns: [{ table: "group", from: "title", to: "label" }] },
      backfill: { "group.manager": 1 },
    });
    const snapshotJson = JSON.stringify([before.entities, after.entities]);
    const first = diff(before, after, decisions);
    const second = diff(before, after, decisions);
    expect(second).toEqual(first);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(JSON.stringify([before.entities, after.entities])).toBe(snapshotJson);
    expect(summary(first)).toEqual([
      "rename_table band->group",
      "rename_column group.title->label",
      "drop_column group.old",
      "add_column group.manager",
      "add_column manager.age",
      "add_foreign_key group.group_manager_fkey",
    ]);
  });
});
