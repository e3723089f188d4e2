import { describe, expect, it } from "vitest";
import { isMigError, type MigError } from "../errors/mig-error";
import type { Operation, RawFunction, SchemaOperation } from "../operations/operation";
import { invertOperation } from "../operations/invert-operation";
import { operationToCall } from "./write-call";
import { Snapshot } from "../snapshot/snapshot";
import { applyOperation } from "../operations/apply-operation";
import type { MigrationTable } from "./manager-calls";
import { MigrationManager } from "./migration-manager";

const ID = "2026-11-22T13:58:23:024723";
const manager = (): MigrationManager => new MigrationManager({ migrationId: ID, appName: "music" });

const band: MigrationTable = {
  name: "band",
  primaryKey: ["id"],
  columns: [
    { name: "id", type: "serial" },
    { name: "name", type: "varchar", length: 100 },
    { name: "rating", type: "numeric", precision: 5, scale: 2, nullable: true, default: { kind: "value", value: "1.50" } },
  ],
  uniques: [{ name: "band_name_key", columns: ["name"] }],
  indexes: [{ name: "band_rating_idx", columns: ["rating"] }],
  checks: [{ name: "band_rating_check", sql: "rating >= 0" }],
  foreignKeys: [{ name: "band_id_fkey", columns: ["id"], references: { table: "band", columns: ["id"] } }],
};

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return isMigError(error) ? error.code : "not a MigError";
  }
  return undefined;
}

function errorOf(run: () => unknown): MigError {
  try {
    run();
  } catch (error) {
    if (isMigError(error)) return error;
    throw error;
  }
  throw new Error("expected a MigError");
}

describe("MigrationManager options", () => {
  it("keeps its options with defaults", () => {
    const m = manager();
    expect([m.migrationId, m.appName, m.description, m.fake, m.wrapInTransaction]).toEqual([ID, "music", "", false, true]);
    const n = new MigrationManager({ migrationId: "2020-12-17T18:44:30", appName: "a", description: "d", fake: true, wrapInTransaction: false });
    expect([n.description, n.fake, n.wrapInTransaction]).toEqual(["d", true, false]);
  });

  it("refuses a bad ID, a missing app name, unknown or mistyped options", () => {
    expect(codeOf(() => new MigrationManager({ migrationId: "yesterday", appName: "music" }))).toBe("MIG_E_MIGRATION_FILE");
    expect(codeOf(() => new MigrationManager({ migrationId: ID, appName: "" }))).toBe("MIG_E_MIGRATION_FILE");
    expect(codeOf(() => new MigrationManager({ migrationId: ID, appName: "music", fake: "yes" } as never))).toBe("MIG_E_MIGRATION_FILE");
    expect(codeOf(() => new MigrationManager({ migrationId: ID, appName: "music", wrapInTransactions: false } as never))).toBe("MIG_E_MIGRATION_FILE");
  });
});

describe("MigrationManager calls", () => {
  it("turns addTable into a create_table with the documented defaults filled in", () => {
    const [operation] = manager().addTable(band).operations;
    expect(operation).toEqual({
      kind: "create_table",
      schema: {
        table: { kind: "table", name: "band", primaryKey: ["id"] },
        columns: [
          { kind: "column", table: "band", name: "id", type: "serial", nullable: false, default: null },
          { kind: "column", table: "band", name: "name", type: "varchar", length: 100, nullable: false, default: null },
          { kind: "column", table: "band", name: "rating", type: "numeric", precision: 5, scale: 2, nullable: true, default: { kind: "value", value: "1.50" } },
        ],
        indexes: [{ kind: "index", table: "band", name: "band_rating_idx", columns: ["rating"], method: "btree" }],
        uniques: [{ kind: "unique", table: "band", name: "band_name_key", columns: ["name"] }],
        checks: [{ kind: "check", table: "band", name: "band_rating_check", sql: "rating >= 0" }],
        foreignKeys: [
          { kind: "foreign_key", table: "band", name: "band_id_fkey", columns: ["id"], references: { table: "band", columns: ["id"] }, onDelete: "no action", onUpdate: "no action" },
        ],
      },
    });
  });

  it("records every kind of call", () => {
    const m = manager()
      .addTable(band)
      .renameTable({ from: "band", to: "group" })
      .addColumn({ table: "group", name: "popularity", type: "integer", backfill: 0 })
      .renameColumn({ table: "group", from: "popularity", to: "score" })
      .alterColumn({ table: "group", name: "score", from: { type: "integer" }, to: { type: "bigint", nullable: true }, lossy: false })
      .addIndex({ table: "group", name: "group_score_idx", columns: ["score"], method: "hash" })
      .dropIndex({ table: "group", name: "group_score_idx", columns: ["score"], method: "hash" })
      .addConstraint({ kind: "unique", table: "group", name: "u", columns: ["score"] })
      .dropConstraint({ kind: "unique", table: "group", name: "u", columns: ["score"] })
      .addConstraint({ kind: "check", table: "group", name: "c", sql: "score > 0" })
      .dropConstraint({ kind: "check", table: "group", name: "c", sql: "score > 0" })
      .addConstraint({ kind: "foreign_key", table: "group", name: "f", columns: ["score"], references: { table: "other", columns: ["id"] }, onDelete: "cascade" })
      .dropConstraint({ kind: "foreign_key", table: "group", name: "f", columns: ["score"], references: { table: "other", columns: ["id"] }, onDelete: "cascade" })
      .dropColumn({ table: "group", name: "score", type: "bigint", nullable: true })
      .dropTable({ ...band, name: "group" });
    expect(m.operations.map((operation) => operation.kind)).toEqual([
      "create_table", "rename_table", "add_column", "rename_column", "alter_column", "add_index", "drop_index",
      "add_unique", "drop_unique", "add_check", "drop_check", "add_foreign_key", "drop_foreign_key", "drop_column", "drop_table",
    ]);
    const alter = m.operations[4];
    expect(alter).toMatchObject({ from: { name: "score", type: "integer", nullable: false }, to: { name: "score", type: "bigint", nullable: true }, lossy: false });
    expect(m.operations[2]).toMatchObject({ backfill: 0 });
    expect(m.operations[11]).toMatchObject({ foreignKey: { onDelete: "cascade", onUpdate: "no action" } });
  });

  it("records rebuildTable as a rebuild_table operation", () => {
    const to: MigrationTable = { name: "band", primaryKey: ["id"], columns: [{ name: "id", type: "serial" }, { name: "title", type: "text" }] };
    const [operation] = manager().rebuildTable({ from: band, to, columnMap: { id: "id", title: "name" }, backfill: {} }).operations;
    expect(operation).toMatchObject({ kind: "rebuild_table", columnMap: { id: "id", title: "name" }, backfill: {} });
    expect(codeOf(() => manager().rebuildTable({ from: band, to, columnMap: { title: "nope" } }))).toBe("MIG_E_MIGRATION_FILE");
    expect(codeOf(() => manager().rebuildTable({ from: band, to, columnMap: { nope: "name" } }))).toBe("MIG_E_MIGRATION_FILE");
  });

  it("records allowRebuild on in-table calls, and refuses it elsewhere", () => {
    const [added] = manager().addColumn({ table: "band", name: "x", type: "text", nullable: true, allowRebuild: true }).operations;
    expect(added).toMatchObject({ kind: "add_column", allowRebuild: true });
    const [plain] = manager().addColumn({ table: "band", name: "x", type: "text", nullable: true, allowRebuild: false }).operations;
    expect(plain).not.toHaveProperty("allowRebuild");
    const [unique] = manager().addConstraint({ kind: "unique", table: "band", name: "u", columns: ["x"], allowRebuild: true }).operations;
    expect(unique).toMatchObject({ kind: "add_unique", allowRebuild: true });
    expect(codeOf(() => manager().renameTable({ from: "a", to: "b", allowRebuild: true } as never))).toBe("MIG_E_MIGRATION_FILE");
    expect(codeOf(() => manager().addColumn({ table: "band", name: "x", type: "text", allowRebuild: "yes" } as never))).toBe("MIG_E_MIGRATION_FILE");
  });

  it("records online on in-table calls beside allowRebuild, writes it back last, carries it to the inverse, and refuses it elsewhere", () => {
    const [index] = manager().addIndex({ table: "band", name: "band_x_idx", columns: ["x"], online: true }).operations;
    expect(index).toMatchObject({ kind: "add_index", online: true });
    expect(operationToCall(index as SchemaOperation).argument).toEqual({ table: "band", name: "band_x_idx", columns: ["x"], online: true });
    expect(invertOperation(index as SchemaOperation)).toMatchObject({ kind: "drop_index", online: true });
    const [both] = manager().addConstraint({ kind: "check", table: "band", name: "c", sql: "x > 0", allowRebuild: true, online: true }).operations;
    expect(operationToCall(both as SchemaOperation).argument).toMatchObject({ allowRebuild: true, online: true });
    const [plain] = manager().addIndex({ table: "band", name: "i", columns: ["x"], online: false }).operations;
    expect(plain).not.toHaveProperty("online");
    expect(codeOf(() => manager().addTable({ ...band, online: true } as never))).toBe("MIG_E_MIGRATION_FILE");
    expect(codeOf(() => manager().addIndex({ table: "band", name: "i", columns: ["x"], online: 1 } as never))).toBe("MIG_E_MIGRATION_FILE");
  });

  it("records allowLocking (consent to the locking form) after online, carries it to the inverse, and refuses it elsewhere", () => {
    const [check] = manager().addConstraint({ kind: "check", table: "band", name: "c", sql: "x > 0", online: true, allowLocking: true }).operations;
    expect(check).toMatchObject({ kind: "add_check", online: true, allowLocking: true });
    expect(Object.keys(operationToCall(check as SchemaOperation).argument as object).slice(-2)).toEqual(["online", "allowLocking"]);
    expect(invertOperation(check as SchemaOperation)).toMatchObject({ kind: "drop_check", online: true, allowLocking: true });
    expect(codeOf(() => manager().addTable({ ...band, allowLocking: true } as never))).toBe("MIG_E_MIGRATION_FILE");
    expect(codeOf(() => manager().addIndex({ table: "band", name: "i", columns: ["x"], allowLocking: "yes" } as never))).toBe("MIG_E_MIGRATION_FILE");
  });

  it("copies its arguments: changing them afterwards changes nothing", () => {
    const columns = [{ name: "id", type: "serial" as const }];
    const m = manager().addTable({ name: "t", primaryKey: ["id"], columns });
    columns[0] = { name: "changed", type: "serial" };
    expect(m.operations[0]).toMatchObject({ schema: { columns: [{ name: "id" }] } });
    expect(Object.isFrozen(m.operations[0])).toBe(true);
  });

  it.each([
    ["an unknown type", () => manager().addColumn({ table: "t", name: "c", type: "strin" as never })],
    ["a misspelt property", () => manager().addColumn({ table: "t", name: "c", type: "text", nulable: true } as never)],
    ["a length on an integer", () => manager().addColumn({ table: "t", name: "c", type: "integer", length: 3 })],
    ["a scale above the precision", () => manager().addColumn({ table: "t", name: "c", type: "numeric", precision: 2, scale: 3 })],
    ["a non-integer length", () => manager().addColumn({ table: "t", name: "c", type: "varchar", length: 2.5 })],
    ["an empty name", () => manager().addColumn({ table: "t", name: "", type: "text" })],
    ["a missing table", () => manager().addColumn({ name: "c", type: "text" } as never)],
    ["a bad default kind", () => manager().addColumn({ table: "t", name: "c", type: "text", default: { kind: "literal" } as never })],
    ["a value default without value", () => manager().addColumn({ table: "t", name: "c", type: "text", default: { kind: "value" } as never })],
    ["a non-JSON default", () => manager().addColumn({ table: "t", name: "c", type: "text", default: { kind: "value", value: new Date() as never } })],
    ["an infinite default", () => manager().addColumn({ table: "t", name: "c", type: "real", default: { kind: "value", value: Infinity } })],
    ["an empty sql default", () => manager().addColumn({ table: "t", name: "c", type: "text", default: { kind: "sql", sql: " " } })],
    ["a duplicate column", () => manager().addTable({ name: "t", primaryKey: ["a"], columns: [{ name: "a", type: "text" }, { name: "a", type: "text" }] })],
    ["a primary key on a missing column", () => manager().addTable({ name: "t", primaryKey: ["b"], columns: [{ name: "a", type: "text" }] })],
    ["no primary key", () => manager().addTable({ name: "t", primaryKey: [], columns: [{ name: "a", type: "text" }] })],
    ["no columns", () => manager().addTable({ name: "t", primaryKey: ["a"], columns: [] })],
    ["an index on a missing column", () => manager().addTable({ ...band, indexes: [{ name: "i", columns: ["nope"] }] })],
    ["two uniques of one name", () => manager().addTable({ ...band, uniques: [{ name: "u", columns: ["id"] }, { name: "u", columns: ["name"] }] })],
    ["a bad index method", () => manager().addIndex({ table: "t", name: "i", columns: ["a"], method: "fulltext" as never })],
    ["a column listed twice", () => manager().addIndex({ table: "t", name: "i", columns: ["a", "a"] })],
    ["a bad FK action", () => manager().addConstraint({ kind: "foreign_key", table: "t", name: "f", columns: ["a"], references: { table: "u", columns: ["id"] }, onDelete: "cascades" as never })],
    ["FK column counts that differ", () => manager().addConstraint({ kind: "foreign_key", table: "t", name: "f", columns: ["a", "b"], references: { table: "u", columns: ["id"] } })],
    ["a bad constraint kind", () => manager().addConstraint({ kind: "primary", table: "t", name: "p", columns: ["a"] } as never)],
    ["a check with empty sql", () => manager().addConstraint({ kind: "check", table: "t", name: "c", sql: "" })],
    ["alterColumn with a name in from", () => manager().alterColumn({ table: "t", name: "c", from: { name: "c", type: "text" } as never, to: { type: "text" } })],
    ["a raw function that is not a function", () => manager().addRaw("UPDATE x" as never)],
  ])("refuses %s with MIG_E_MIGRATION_FILE", (_, run) => {
    expect(codeOf(run)).toBe("MIG_E_MIGRATION_FILE");
  });

  it("names the migration, the method and the field in the error", () => {
    const error = errorOf(() => manager().addTable({ ...band, columns: [{ name: "id", type: "serial" }, { name: "x", type: "nope" as never }] }));
    expect(error.meta).toMatchObject({ migrationId: ID, appName: "music", method: "addTable", path: "addTable.columns[1].type" });
    expect(error.message).toContain(ID);
  });
});

describe("plans", () => {
  const forwardsRaw: RawFunction = async () => {};
  const backwardsRaw: RawFunction = async () => {};

  it("operations keep the recorded order, raw functions included", () => {
    const m = manager().addRaw(forwardsRaw).addTable(band).addRawBackwards(backwardsRaw);
    expect(m.operations.map((o) => (o.kind === "raw" ? `raw:${o.direction}` : o.kind))).toEqual(["raw:forwards", "create_table", "raw:backwards"]);
  });

  it("forwardsPlan leaves raw-backwards out; backwardsPlan reverses, inverts and mirrors", () => {
    const m = manager()
      .addRaw(forwardsRaw)
      .addTable(band)
      .addRawBackwards(backwardsRaw)
      .addColumn({ table: "band", name: "x", type: "text", nullable: true });
    const label = (o: Operation): string => (o.kind === "raw" ? `raw:${o.direction}` : o.kind);
    expect(m.forwardsPlan().map(label)).toEqual(["raw:forwards", "create_table", "add_column"]);
    expect(m.backwardsPlan().map(label)).toEqual(["drop_column", "raw:backwards", "drop_table"]);
    const raw = m.backwardsPlan()[1];
    expect(raw?.kind === "raw" && raw.fn).toBe(backwardsRaw);
  });

  it('reverses "rename a table and add a column to it" in reverse order (Piccolo inverted in the same order)', () => {
    const before = applyOperation(Snapshot.empty(), manager().addTable(band).operations[0] as Operation);
    const m = manager().renameTable({ from: "band", to: "group" }).addColumn({ table: "group", name: "label", type: "text", nullable: true });
    expect(m.backwardsPlan()).toMatchObject([
      { kind: "drop_column", table: "group", column: { name: "label" } },
      { kind: "rename_table", from: "group", to: "band" },
    ]);
    const after = m.forwardsPlan().reduce(applyOperation, before);
    expect(after.tableNames()).toEqual(["group"]);
    const back = m.backwardsPlan().reduce(applyOperation, after);
    expect(back.entities).toEqual(before.entities);
  });

  it("a fake manager records its plans like any other", () => {
    const m = new MigrationManager({ migrationId: ID, appName: "music", fake: true }).addTable(band);
    expect(m.forwardsPlan()).toHaveLength(1);
  });

  it("addOperation records an operation built elsewhere, checked like a call", () => {
    const [create] = manager().addTable(band).operations;
    const m = manager().addOperation(create as Operation).addOperation({ kind: "raw", direction: "backwards", fn: backwardsRaw });
    expect(m.operations[0]).toEqual(create);
    expect(m.operations[1]).toMatchObject({ kind: "raw", direction: "backwards" });
    const broken = { kind: "add_column", table: "t", column: { kind: "column", table: "t", name: "", type: "text", nullable: false, default: null } } as const;
    expect(codeOf(() => manager().addOperation(broken))).toBe("MIG_E_MIGRATION_FILE");
  });
});
