import { describe, expect, it } from "vitest";
import { resolveCapabilities } from "../dialect/capabilities";
import type { Operation } from "../operations/operation";
import { diff } from "./diff";
import { snap, summary, t } from "./fixtures";
import { planOperations } from "./plan-operations";

const sqliteLike = resolveCapabilities({
  autoAlter: false, alterConstraints: false, addUniqueColumn: false, addColumnNonConstantDefault: false, addColumnBackfill: false,
  addColumnForeignKey: true, rebuildTable: true, randomUuidDefault: true, maxIdentifierLength: 1024,
});
const postgresLike = resolveCapabilities({ randomUuidDefault: true });

const person = t("person");
const before = snap(person, t("band", { name: "text" }));
const withMentor = snap(person, t("band", { name: "text", mentor: { type: "integer", nullable: true } }, { foreignKeys: [{ columns: ["mentor"], table: "person" }] }));

describe("planOperations: the one planner", () => {
  it("adds a nullable foreign-key column in place where the database can (ADD COLUMN … REFERENCES)", () => {
    const operations = diff(before, withMentor);
    expect(summary(operations)).toEqual(["add_column band.mentor", "add_foreign_key band.band_mentor_fkey"]);
    const result = planOperations({ operations, capabilities: sqliteLike, schemaBefore: before });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.operations).toEqual([expect.objectContaining({ kind: "add_column", references: expect.objectContaining({ name: "band_mentor_fkey" }) })]);
    // Without the flag, the foreign key waits for a rebuild.
    const asked = planOperations({ operations, capabilities: { ...sqliteLike, addColumnForeignKey: false }, schemaBefore: before });
    expect(asked.ok ? [] : asked.questions.map((q) => q.operation.kind)).toEqual(["add_foreign_key"]);
  });

  it("keeps a folded foreign key when the same table is rebuilt anyway (found by the round trips)", () => {
    const from = snap(person, t("band", { n: "integer" }));
    const to = snap(person, t("band", { n: "bigint", mentor: { type: "integer", nullable: true } }, { foreignKeys: [{ columns: ["mentor"], table: "person" }] }));
    const operations = diff(from, to).map((op): Operation => ({ ...op, allowRebuild: true }) as Operation);
    const result = planOperations({ operations, capabilities: sqliteLike, schemaBefore: from });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const rebuild = result.operations.find((op) => op.kind === "rebuild_table");
    expect(rebuild?.kind === "rebuild_table" && rebuild.to.foreignKeys.map((fk) => fk.name)).toEqual(["band_mentor_fkey"]);
  });

  it("checks the reverse when asked (mig new): taking the column out again needs a rebuild, so the forward operation asks", () => {
    const operations = diff(before, withMentor);
    const result = planOperations({ operations, capabilities: sqliteLike, schemaBefore: before, checkReverse: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusals).toEqual([]);
    expect(result.questions.map((q) => [q.operation.kind, q.index])).toEqual([["add_foreign_key", 1]]);
    expect(result.questions[0]?.reason).toContain("going backwards");
    // With consent on that operation, both ways plan: forwards in place, backwards by a rebuild.
    const consented = operations.map((op): Operation => (op.kind === "add_foreign_key" ? { ...op, allowRebuild: true } : op));
    expect(planOperations({ operations: consented, capabilities: sqliteLike, schemaBefore: before, checkReverse: true }).ok).toBe(true);
  });

  it("asks for the schema before only when the plan needs it", () => {
    const widen = diff(snap(t("band", { n: "integer" })), snap(t("band", { n: "bigint" })));
    const consented = widen.map((op): Operation => ({ ...op, allowRebuild: true }) as Operation);
    expect(planOperations({ operations: consented, capabilities: sqliteLike })).toMatchObject({ ok: false, needsSchema: true });
    expect(planOperations({ operations: widen, capabilities: postgresLike })).toMatchObject({ ok: true });
    let asked = 0;
    const schemaBefore = () => {
      asked++;
      return snap(t("band", { n: "integer" }));
    };
    const lowered = planOperations({ operations: consented, capabilities: sqliteLike, schemaBefore });
    expect(lowered.ok && lowered.operations.map((op) => op.kind)).toEqual(["rebuild_table"]);
    expect(lowered.ok && lowered.rebuilt).toEqual(["band"]);
    expect(asked).toBe(1);
  });

  it("refuses names longer than the database takes, foreign-key actions it lacks and random defaults it cannot write", () => {
    const long = "x".repeat(64);
    const created = diff(snap(), snap(t(long)));
    const refused = planOperations({ operations: created, capabilities: postgresLike });
    expect(refused.ok ? [] : refused.refusals.map((r) => r.reason)).toEqual([expect.stringContaining("64 bytes long; the database allows 63")]);
    expect(planOperations({ operations: created, capabilities: sqliteLike }).ok).toBe(true);

    const setDefault = diff(snap(person), snap(person, t("band", { leader: { type: "integer", nullable: true } }, { foreignKeys: [{ columns: ["leader"], table: "person", onDelete: "set default" }] })));
    const mysqlLike = resolveCapabilities({ foreignKeyActions: ["no action", "restrict", "cascade", "set null"], randomUuidDefault: true });
    const noSetDefault = planOperations({ operations: setDefault, capabilities: mysqlLike });
    expect(noSetDefault.ok ? [] : noSetDefault.refusals.map((r) => r.reason)).toEqual([expect.stringContaining("no SET DEFAULT action")]);

    const random = diff(snap(), snap(t("band", { code: { type: "uuid", default: { kind: "random" } } })));
    expect(planOperations({ operations: random, capabilities: resolveCapabilities({}) }).ok).toBe(false);
    expect(planOperations({ operations: random, capabilities: postgresLike }).ok).toBe(true);
  });

  it("gives every refusal and question at once, as a value; a table no rebuild can help is refused whole", () => {
    const from = snap(t("band", { n: "integer" }), t("fan", { n: "integer" }));
    const to = snap(t("band", { n: "bigint" }, { indexes: [{ columns: ["n"], method: "gin" }] }), t("fan", { n: "bigint" }));
    const result = planOperations({ operations: diff(from, to), capabilities: sqliteLike, schemaBefore: from });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusals.map((r) => `${r.operation.kind} ${r.table}`).sort()).toEqual(["add_index band", "alter_column band"]);
    expect(result.questions.map((q) => `${q.operation.kind} ${q.table}`)).toEqual(["alter_column fan"]);
  });
});

describe("planOperations: online operations a dialect refuses online", () => {
  const check: Operation = { kind: "add_check", check: { kind: "check", table: "band", name: "band_c", sql: "x > 0" }, online: true };
  const index: Operation = { kind: "add_index", index: { kind: "index", table: "band", name: "band_x_idx", columns: ["x"], method: "btree" }, online: true };
  const onlineRefusal = (operation: Operation) => (operation.kind === "add_check" ? { reason: "a CHECK copies the table", hint: "consent with --allow-locking" } : undefined);

  it("are refused with the dialect's reason and hint, without consent", () => {
    const result = planOperations({ operations: [index, check], capabilities: postgresLike, onlineRefusal });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusals.map((r) => [r.operation.kind, r.reason, r.onlineHint])).toEqual([["add_check", "a CHECK copies the table", "consent with --allow-locking"]]);
  });

  it("are planned in their locking form (without online) with consent on the operation or for the run; the rest stay online", () => {
    for (const input of [{ operations: [index, { ...check, allowLocking: true } as Operation] }, { operations: [index, check], allowLocking: true }]) {
      const result = planOperations({ ...input, capabilities: postgresLike, onlineRefusal });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.operations[0]).toBe(index);
      expect(result.operations[1]).toMatchObject({ kind: "add_check" });
      expect(result.operations[1]).not.toHaveProperty("online");
    }
  });
});
