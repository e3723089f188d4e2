import { describe, expect, it } from "vitest";
import { resolveCapabilities } from "../dialect/capabilities";
import { applyOperation } from "../operations/apply-operation";
import { invertOperation } from "../operations/invert-operation";
import { MigrationManager } from "../manager/migration-manager";
import { type Operation, type RebuildTableOperation, type SchemaOperation, takesConsent } from "../operations/operation";
import { Snapshot } from "../snapshot/snapshot";
import { planOperations } from "./plan-operations";
import { rebuildAsChanges } from "./rebuild-as-changes";

const manager = () => new MigrationManager({ migrationId: "2026-11-22T13:58:23:024723", appName: "music" });
const band = {
  name: "band",
  primaryKey: ["id"],
  columns: [{ name: "id", type: "serial" as const }, { name: "name", type: "text" as const }, { name: "rating", type: "numeric" as const, precision: 5, scale: 2, nullable: true }],
  indexes: [{ name: "band_name_idx", columns: ["name"] }],
  uniques: [{ name: "band_name_key", columns: ["name"] }],
  checks: [{ name: "band_1_check", sql: "id > 0" }],
};
const to = { name: "band", primaryKey: ["id"], columns: [{ name: "id", type: "serial" as const }, { name: "title", type: "text" as const }, { name: "rating", type: "bigint" as const, nullable: true }] };
const rebuild = manager().rebuildTable({ from: band, to, columnMap: { id: "id", title: "name", rating: "rating" } }).operations[0] as RebuildTableOperation;
const base = applyOperation(Snapshot.empty(), manager().addTable(band).operations[0] as Operation);

describe("rebuildAsChanges (a 0.1 file's rebuildTable, read by a dialect that ALTERs)", () => {
  it("gives the changes the rebuild makes, each consenting to a rebuild; replayed, they give the rebuilt table", () => {
    const changes = rebuildAsChanges(rebuild) as readonly SchemaOperation[];
    expect(changes).toContainEqual({ kind: "rename_column", table: "band", from: "name", to: "title" });
    expect(changes.map((c) => c.kind)).toEqual(expect.arrayContaining(["drop_index", "drop_unique", "drop_check", "alter_column"]));
    for (const change of changes) if (takesConsent(change)) expect(change).toMatchObject({ allowRebuild: true });
    const after = changes.reduce(applyOperation, base);
    expect(after.table("band")).toEqual(applyOperation(base, rebuild).table("band"));
    // And their inverses, newest first, give back the table before.
    const back = [...changes].reverse().reduce((snapshot, op) => applyOperation(snapshot, invertOperation(op)), after);
    expect(back.table("band")).toEqual(base.table("band"));
  });

  it("keeps a rebuild the diff cannot express (a new primary key) as it is", () => {
    const keyed = manager().rebuildTable({ from: band, to: { name: "band", primaryKey: ["name"], columns: [{ name: "name", type: "text" }] }, columnMap: { name: "name" } });
    expect(rebuildAsChanges(keyed.operations[0] as RebuildTableOperation)).toBeUndefined();
  });

  it("is what the planner does with it on a dialect without rebuilds; a dialect with them runs it as written", () => {
    const alters = planOperations({ operations: [rebuild], capabilities: resolveCapabilities({}) });
    expect(alters.ok && alters.operations.some((op) => op.kind === "rebuild_table")).toBe(false);
    expect(alters.ok && alters.operations.length).toBeGreaterThan(1);
    const rebuilds = planOperations({ operations: [rebuild], capabilities: resolveCapabilities({ rebuildTable: true }) });
    expect(rebuilds).toEqual({ ok: true, operations: [rebuild], rebuilt: [] });
  });
});
