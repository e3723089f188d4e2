import { describe, expect, it } from "vitest";
import { resolveCapabilities } from "../dialect/capabilities";
import { isMigError } from "../errors/mig-error";
import { applyOperation } from "../operations/apply-operation";
import type { Operation, RebuildTableOperation } from "../operations/operation";
import type { Snapshot } from "../snapshot/snapshot";
import { diff } from "./diff";
import { col, snap, summary as summaryOf, t } from "./fixtures";
import { planForDialect } from "./plan-for-dialect";
import type { RenameDecisions } from "./rename-decisions";

const sqlite = resolveCapabilities({ autoAlter: false, alterConstraints: false, addUniqueColumn: false, addColumnNonConstantDefault: false, addColumnBackfill: false, rebuildTable: true });

function lower(before: Snapshot, after: Snapshot, options: { renames?: RenameDecisions; backfill?: Record<string, string> } = {}): readonly Operation[] {
  const plan = planForDialect(diff(before, after, options), sqlite, { allowRebuild: true, from: before });
  // Whatever the lowering did, the plan still leads from `before` to `after`.
  expect(plan.reduce(applyOperation, before).entities).toEqual(after.entities);
  return plan;
}

const summary = (plan: readonly Operation[]) => summaryOf(plan).map((line, i) => (plan[i]?.kind === "rebuild_table" ? `${line}${(plan[i] as RebuildTableOperation).from.table.name}` : line));
const rebuilds = (plan: readonly Operation[]) => plan.filter((op): op is RebuildTableOperation => op.kind === "rebuild_table");
const noRenames: RenameDecisions = { tables: [], columns: [] };

describe("lowerToRebuild (the default lowering of planForDialect)", () => {
  it("turns an alter column into one rebuild: whole tables on both sides, kept columns mapped, backfill carried", () => {
    const before = snap(t("band", { name: { type: "varchar", length: 50, nullable: true }, rating: "integer" }));
    const after = snap(t("band", { name: "text", rating: "integer" }));
    const plan = lower(before, after, { backfill: { "band.name": "unknown" } });
    expect(plan).toEqual([
      { kind: "rebuild_table", from: before.table("band"), to: after.table("band"), columnMap: { id: "id", name: "name", rating: "rating" }, backfill: { name: "unknown" } },
    ]);
  });

  it("folds every in-place change of the table into its rebuild; new columns are not mapped", () => {
    const before = snap(t("band", { old: "text", rating: "integer" }, { checks: [{ sql: "rating > 0" }], indexes: [{ columns: ["old"] }] }));
    const after = snap(
      t("band", { rating: "bigint", code: { nullable: true }, added: { type: "timestamp", default: { kind: "now" } }, must: "text" }, {
        uniques: [{ columns: ["code"] }],
        indexes: [{ columns: ["rating"] }],
      }),
    );
    const [rebuild, ...rest] = lower(before, after, { backfill: { "band.must": "x" } });
    expect(rest).toEqual([]);
    expect(rebuild).toMatchObject({ kind: "rebuild_table", columnMap: { id: "id", rating: "rating" }, backfill: { must: "x" } });
  });

  it("rebuilds for a NOT NULL column without a default added with a backfill, where the dialect cannot add one", () => {
    const before = snap(t("band", { name: "text" }));
    const after = snap(t("band", { name: "text", code: "text" }));
    expect(lower(before, after, { backfill: { "band.code": "x" } })).toEqual([
      { kind: "rebuild_table", from: before.table("band"), to: after.table("band"), columnMap: { id: "id", name: "name" }, backfill: { code: "x" } },
    ]);
  });

  it("leaves other tables' changes and renames in place, rebuilding under the names valid before the renames", () => {
    const before = snap(t("band", { title: { type: "text", nullable: true }, rating: "integer" }), t("fan", { n: "integer" }));
    const after = snap(t("group", { name: "text", rating: "integer" }), t("fan", { n: "integer" }, { indexes: [{ columns: ["n"] }] }));
    const renames: RenameDecisions = { tables: [{ from: "band", to: "group" }], columns: [{ table: "group", from: "title", to: "name" }] };
    const plan = lower(before, after, { renames, backfill: { "group.name": "?" } });
    expect(summary(plan)).toEqual(["rebuild_table band", "rename_table band->group", "rename_column group.title->name", "add_index fan.fan_n_idx"]);
    const [rebuild] = rebuilds(plan);
    expect(rebuild?.to.columns.map((c) => `${c.table}.${c.name}:${c.nullable}`)).toEqual(["band.id:false", "band.title:false", "band.rating:false"]);
    expect(rebuild?.backfill).toEqual({ title: "?" });
  });

  it("rebuilds a table that loses its foreign key before the referenced table is dropped", () => {
    const before = snap(t("manager"), t("band", { manager: "integer" }, { foreignKeys: [{ columns: ["manager"], table: "manager", onDelete: "cascade" }] }));
    const after = snap(t("band"));
    expect(summary(lower(before, after))).toEqual(["rebuild_table band", "drop_table manager"]);
  });

  it("orders rebuilds: referenced tables first for new foreign keys, referencing tables first for dropped ones", () => {
    // "album" sorts before "label": only the foreign key puts label first.
    const before = snap(t("label", { code: "text" }), t("album", { label: "integer" }));
    const after = snap(
      t("label", { code: "text" }, { uniques: [{ columns: ["code"] }] }),
      t("album", { label: "text" }, { foreignKeys: [{ columns: ["label"], table: "label", refColumns: ["code"] }] }),
    );
    expect(rebuilds(lower(before, after)).map((r) => r.from.table.name)).toEqual(["label", "album"]);

    const dropping = snap(t("artist"), t("song", { n: "integer" }));
    const from = snap(t("artist", { code: "text" }, { uniques: [{ columns: ["code"] }] }), t("song", { n: "integer", artist: "text" }, { foreignKeys: [{ columns: ["artist"], table: "artist", refColumns: ["code"] }] }));
    expect(rebuilds(lower(from, dropping, { renames: noRenames })).map((r) => r.from.table.name)).toEqual(["song", "artist"]);
  });

  it("leaves a table alone when a refusal on it is not cured by a rebuild", () => {
    const before = snap(t("doc", { body: "text" }));
    const after = snap(t("doc", { body: "jsonb" }, { indexes: [{ columns: ["body"], method: "gin" }] }));
    try {
      planForDialect(diff(before, after), sqlite, { allowRebuild: true, from: before });
      expect.unreachable();
    } catch (error) {
      if (!isMigError(error, "MIG_E_UNSUPPORTED")) throw error;
      expect(error.meta.operations).toEqual([expect.objectContaining({ kind: "alter_column" }), expect.objectContaining({ kind: "add_index" })]);
    }
  });

  it("refuses a rebuild it cannot name before the renames (a column renamed and a new one under its old name)", () => {
    // The diff never plans this; a hand-written plan can.
    const before = snap(t("band", { a: { type: "integer", nullable: true } }));
    const ops: Operation[] = [
      { kind: "rename_column", table: "band", from: "a", to: "b" },
      { kind: "alter_column", table: "band", from: col("band", "b", { type: "integer", nullable: true }), to: col("band", "b", "integer"), backfill: 0 },
      { kind: "add_column", table: "band", column: col("band", "a", { type: "text", nullable: true }) },
    ];
    try {
      planForDialect(ops, sqlite, { allowRebuild: true, from: before });
      expect.unreachable();
    } catch (error) {
      if (!isMigError(error, "MIG_E_UNSUPPORTED")) throw error;
      expect(error.problems[0]?.message).toContain("Make the rename a migration of its own");
    }
  });

  it("is deterministic and leaves plans without refusals untouched", () => {
    const before = snap(t("band", { n: "integer" }), t("fan", { n: "integer" }));
    const after = snap(t("band", { n: "bigint" }), t("fan", { n: "bigint" }));
    expect(lower(before, after)).toEqual(lower(before, after));
    expect(summary(lower(before, after))).toEqual(["rebuild_table band", "rebuild_table fan"]);
    const ops = diff(before, snap(t("band", { n: "integer" }), t("fan", { n: "integer", m: { type: "text", nullable: true } })));
    expect(planForDialect(ops, sqlite, { allowRebuild: true, from: before })).toBe(ops);
  });
});
