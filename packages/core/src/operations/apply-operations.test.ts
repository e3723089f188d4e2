import { describe, expect, it } from "vitest";
import { diff } from "../diff/diff";
import { snap, t } from "../diff/fixtures";
import { isMigError } from "../errors/mig-error";
import { Snapshot } from "../snapshot/snapshot";
import type { Operation } from "../operations/operation";
import { applyOperation, applyOperations } from "./apply-operation";

const fk = (column: string, table: string) => ({ columns: [column], table });

describe("applyOperations", () => {
  it("gives what applying the operations one by one gives, renames, drops and FKs included", () => {
    const from = snap(t("person"), t("band", { title: "text", leader: "integer" }, { indexes: [{ columns: ["title"] }], foreignKeys: [fk("leader", "person")] }), t("gone"));
    const to = snap(
      t("person", { nick: { type: "text", nullable: true } }),
      t("group", { name: { type: "varchar", length: 10, nullable: true }, leader: "integer" }, { indexes: [{ columns: ["name"] }], foreignKeys: [fk("leader", "person")] }),
      t("fresh", { group: "integer" }, { foreignKeys: [fk("group", "group")] }),
    );
    const operations: Operation[] = [...diff(from, to, { renames: { tables: [{ from: "band", to: "group" }], columns: [{ table: "group", from: "title", to: "name" }] } }), { kind: "raw", direction: "forwards", fn: async () => undefined }];
    const together = applyOperations(from, operations);
    expect(together.entities).toEqual(operations.reduce(applyOperation, from).entities);
    expect(diff(together, to)).toEqual([]);
    // Pure: the snapshot it started from is untouched.
    expect(from.table("band")).toBeDefined();
  });

  it("throws MIG_E_REPLAY for an operation that does not fit, as applyOperation does", () => {
    let thrown: unknown;
    try {
      applyOperations(snap(t("a")), diff(snap(t("b")), snap()));
    } catch (error) {
      thrown = error;
    }
    expect(isMigError(thrown, "MIG_E_REPLAY")).toBe(true);
  });

  it("copies only the tables it changes, and names the same tables in its errors", () => {
    const from = snap(t("a"), t("b", { a_id: "integer" }, { foreignKeys: [fk("a_id", "a")] }), t("c", { a_id: "integer" }, { foreignKeys: [fk("a_id", "a")] }));
    const added = { kind: "add_column" as const, table: "c", column: { kind: "column", table: "c", name: "extra", type: "text", nullable: true, default: null } } satisfies Operation;
    const after = applyOperations(from, [added]);
    // The untouched tables are the very schemas of the snapshot it started from.
    expect(after.table("a")).toBe(from.table("a"));
    expect(after.table("b")).toBe(from.table("b"));
    expect(after.entities).toEqual(Snapshot.fromEntities([...from.entities, added.column]).entities);
    // Table c, worked on first, still comes after b: the first table that references a is b.
    let message = "";
    try {
      applyOperations(from, [added, { kind: "drop_table", schema: from.table("a")! }]);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('of "b"');
    // Nothing to change: the snapshot itself.
    expect(applyOperations(from, [])).toBe(from);
  });
});
