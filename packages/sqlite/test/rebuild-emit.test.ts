import { describe, expect, it } from "vitest";
import type { RebuildTableOperation } from "@mig/core/dialect";
import { sqliteEmitter } from "../src/index";
import { dependentsOf } from "../src/rebuild-dependents";
import { isRebuildStatement } from "../src/rebuild-statement";
import { tableSchema } from "./fixtures";

const from = tableSchema("band", [
  { name: "id", type: "serial" },
  { name: "name", type: "varchar", length: 50, nullable: true },
  { name: "gone", type: "text" },
  { name: "votes", type: "integer" },
]);
const to = tableSchema("band", [
  { name: "id", type: "serial" },
  { name: "name", type: "text" },
  { name: "votes", type: "bigint" },
  { name: "genre", type: "text" },
  { name: "added", type: "timestamp", default: { kind: "now" } },
], { indexes: [{ name: "band_votes_idx", columns: ["votes"], method: "btree" }] });

const emit = (operation: RebuildTableOperation) => sqliteEmitter.emit(operation);

describe("the statements of a rebuild", () => {
  it("copies kept columns (NULLs backfilled), fills new NOT NULL columns, leaves defaulted ones to their default", () => {
    const statements = emit({ kind: "rebuild_table", from, to, columnMap: { id: "id", name: "name", votes: "votes" }, backfill: { name: "?", genre: "rock" } });
    const copy = statements.find((s) => s.sql.startsWith("INSERT INTO \"__mig_new_band\" ("));
    expect(copy?.sql).toBe(`INSERT INTO "__mig_new_band" ("id", "name", "votes", "genre")\nSELECT "id", COALESCE("name", '?'), "votes", 'rock' FROM "band"`);
    expect(statements.map((s) => (isRebuildStatement(s) ? s.rebuild.step : s.outsideTransaction))).toEqual([
      "before", "guard", "drop-dependents", "create", "copy", "sequence", "sequence", "count", "drop", "rename", "index", "restore-dependents", "foreign-key-check", "after",
    ]);
    expect(statements.find((s) => isRebuildStatement(s) && s.rebuild.step === "index")?.sql).toBe('CREATE INDEX "band_votes_idx" ON "band" ("votes")');
  });

  it("still makes one row per row when no column is copied", () => {
    const onlyNew = tableSchema("tag", [{ name: "label", type: "text", default: { kind: "value", value: "x" } }], { primaryKey: ["label"] });
    const old = tableSchema("tag", [{ name: "name", type: "text" }], { primaryKey: ["name"] });
    const statements = emit({ kind: "rebuild_table", from: old, to: onlyNew, columnMap: {} });
    expect(statements.map((s) => s.sql)).toContain(`INSERT INTO "__mig_new_tag" (rowid)\nSELECT rowid FROM "tag"`);
    expect(statements.some((s) => isRebuildStatement(s) && s.rebuild.step === "sequence")).toBe(false);
  });
});

describe("dependentsOf", () => {
  const object = (type: "view" | "trigger", name: string, on: string, sql: string) => ({ type, name, tbl_name: on, sql });
  it("finds triggers on the table, views and triggers naming it or a view that does, in creation order", () => {
    const objects = [
      object("trigger", "on_band", "band", "CREATE TRIGGER on_band AFTER INSERT ON band BEGIN SELECT 1; END"),
      object("view", "v1", "v1", `CREATE VIEW v1 AS SELECT * FROM "Band"`),
      object("trigger", "elsewhere", "fan", "CREATE TRIGGER elsewhere AFTER INSERT ON fan BEGIN SELECT count(*) FROM v1; END"),
      object("view", "v2", "v2", "CREATE VIEW v2 AS SELECT * FROM fan WHERE note = 'band'"),
      object("view", "v3", "v3", "CREATE VIEW v3 AS SELECT * FROM bandit"),
    ];
    expect(dependentsOf("band", objects).map((o) => o.name)).toEqual(["on_band", "v1", "elsewhere", "v2"]);
  });
});
