import { describe, expect, it } from "vitest";
import { resolveCapabilities } from "../dialect/capabilities";
import { isMigError } from "../errors/mig-error";
import type { Operation } from "../operations/operation";
import { diff } from "./diff";
import { col, snap, summary, t } from "./fixtures";
import { planForDialect } from "./plan-for-dialect";

const sqliteLike = resolveCapabilities({ autoAlter: false, alterConstraints: false, dropColumn: true, renameColumn: true, addUniqueColumn: false, addColumnNonConstantDefault: false, rebuildTable: true });
const postgresLike = resolveCapabilities({ indexMethods: ["btree", "hash", "gin", "gist", "brin"] });

function refusal(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (isMigError(error, "MIG_E_UNSUPPORTED")) return error;
    throw error;
  }
  throw new Error("expected MIG_E_UNSUPPORTED");
}

const before = snap(t("person"), t("band", { rating: "integer", old: "text", leader: "integer" }, { checks: [{ sql: "rating > 0" }] }));
const after = snap(
  t("person"),
  t("band", { rating: "bigint", leader: "integer", code: { nullable: true }, added: { type: "timestamp", default: { kind: "now" } } }, {
    foreignKeys: [{ columns: ["leader"], table: "person" }],
    uniques: [{ columns: ["code"] }],
    indexes: [{ columns: ["leader"], method: "gin" }],
  }),
);

describe("planForDialect", () => {
  it("passes a plan the dialect can do unchanged", () => {
    const ops = diff(before, after);
    expect(planForDialect(ops, postgresLike)).toBe(ops);
  });

  it("refuses with one MIG_E_UNSUPPORTED naming each refused operation", () => {
    const error = refusal(() => planForDialect(diff(before, after), sqliteLike));
    expect(error.problems.map((p) => `${p.table}.${p.column ?? ""}`)).toEqual([
      "band.", // drop_check (drop_column band.old is fine: dropColumn is true)
      "band.rating", // alter_column
      "band.added", // add_column with now()
      "band.code", // add_unique on the new column
      "band.leader", // add_index gin
      "band.leader", // add_foreign_key
    ]);
    expect(error.meta.operations).toHaveLength(6);
    // The gin index is one no rebuild gives: band cannot be rebuilt, so nothing asks for consent.
    expect(error.hint).toContain("raw migration");
    expect(error.hint).not.toContain("--allow-rebuild");
    const curable = refusal(() => planForDialect(diff(snap(t("band", { n: "integer" })), snap(t("band", { n: "bigint" }))), sqliteLike, { from: before }));
    expect(curable.hint).toContain("--allow-rebuild");
  });

  it("refuses dropping and renaming columns when the dialect cannot", () => {
    const ops: Operation[] = [
      { kind: "drop_column", table: "band", column: col("band", "old") },
      { kind: "rename_column", table: "band", from: "a", to: "b" },
    ];
    const error = refusal(() => planForDialect(ops, resolveCapabilities({ dropColumn: false, renameColumn: false })));
    expect(error.problems.map((p) => p.column)).toEqual(["old", "a"]);
  });

  it("refuses a unique column added to an existing table when only that is missing", () => {
    const ops = diff(snap(t("band")), snap(t("band", { code: { nullable: true } }, { uniques: [{ columns: ["code"] }] })));
    expect(planForDialect(ops, resolveCapabilities({}))).toBe(ops);
    const error = refusal(() => planForDialect(ops, resolveCapabilities({ addUniqueColumn: false })));
    expect(error.problems).toEqual([expect.objectContaining({ table: "band", column: "code" })]);
  });

  it("refuses an index method the dialect lacks, also inside create_table", () => {
    const ops = diff(snap(), snap(t("doc", { body: "jsonb" }, { indexes: [{ columns: ["body"], method: "gin" }] })));
    expect(refusal(() => planForDialect(ops, resolveCapabilities({}))).problems[0]?.table).toBe("doc");
    expect(planForDialect(ops, postgresLike)).toBe(ops);
  });

  it("keeps constraints inside create_table, and folds cycle FKs into it when constraints cannot be added later", () => {
    const tables = snap(
      t("band", { leader: { type: "integer", nullable: true } }, { foreignKeys: [{ columns: ["leader"], table: "person" }], uniques: [{ columns: ["leader"] }], checks: [{ sql: "leader > 0" }] }),
      t("person", { band: { type: "integer", nullable: true } }, { foreignKeys: [{ columns: ["band"], table: "band" }] }),
    );
    const ops = diff(snap(), tables);
    expect(summary(ops)).toEqual(["create_table band", "create_table person", "add_foreign_key band.band_leader_fkey", "add_foreign_key person.person_band_fkey"]);
    const plan = planForDialect(ops, sqliteLike);
    expect(summary(plan)).toEqual(["create_table band", "create_table person"]);
    expect(plan.map((op) => (op.kind === "create_table" ? op.schema.foreignKeys.map((f) => f.name) : []))).toEqual([["band_leader_fkey"], ["person_band_fkey"]]);
    expect(ops).toHaveLength(4);
  });

  it("hands refused operations to a rebuild lowering only when allowed and offered, and checks its result", () => {
    // Every refusal here is one a rebuild cures (no gin index).
    const afterWithoutGin = snap(
      t("person"),
      t("band", { rating: "bigint", leader: "integer", code: { nullable: true }, added: { type: "timestamp", default: { kind: "now" } } }, {
        foreignKeys: [{ columns: ["leader"], table: "person" }],
        uniques: [{ columns: ["code"] }],
      }),
    );
    const ops = diff(before, afterWithoutGin);
    const calls: number[] = [];
    const rebuild = (request: { refused: readonly unknown[] }) => {
      calls.push(request.refused.length);
      return [] as Operation[];
    };
    expect(planForDialect(ops, sqliteLike, { allowRebuild: true, from: before, rebuild })).toEqual([]);
    expect(calls).toEqual([5]);
    // Not opted in, or no starting snapshot to copy from: refused.
    refusal(() => planForDialect(ops, sqliteLike, { from: before, rebuild }));
    refusal(() => planForDialect(ops, sqliteLike, { allowRebuild: true, rebuild }));
    // A dialect without rebuilds never lowers.
    refusal(() => planForDialect(ops, { ...sqliteLike, rebuildTable: false }, { allowRebuild: true, from: before, rebuild }));
    // A lowering that leaves something unsupported is refused too.
    const lazy = () => ops;
    refusal(() => planForDialect(ops, sqliteLike, { allowRebuild: true, from: before, rebuild: lazy }));
    expect(calls).toEqual([5]);
    // An index method no rebuild gives: the lowering is not even asked.
    refusal(() => planForDialect(diff(before, after), sqliteLike, { allowRebuild: true, from: before, rebuild }));
    expect(calls).toEqual([5]);
  });
});
