import { describe, expect, it } from "vitest";
import { isMigError, type MigError } from "../errors/mig-error";
import type { Operation, SchemaOperation } from "../operations/operation";
import { Snapshot } from "../snapshot/snapshot";
import { applyOperation } from "../operations/apply-operation";
import { invertOperation } from "../operations/invert-operation";
import type { MigrationTable } from "./manager-calls";
import { MigrationManager } from "./migration-manager";
import { replayMigrations, type ReplayableMigration } from "./replay-migrations";

let counter = 0;
/** A manager with a fresh, increasing ID (or the given one). */
function migration(id?: string): MigrationManager {
  counter++;
  return new MigrationManager({ migrationId: id ?? `2026-01-01T00:00:00:${String(counter).padStart(6, "0")}`, appName: "music" });
}

const table = (name: string, extra: Partial<MigrationTable> = {}): MigrationTable => ({
  name,
  primaryKey: ["id"],
  columns: [{ name: "id", type: "serial" }, { name: "name", type: "varchar", length: 50 }],
  ...extra,
});

function replayError(run: () => unknown): MigError {
  try {
    run();
  } catch (error) {
    if (isMigError(error)) return error;
    throw error;
  }
  throw new Error("expected a MigError");
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

describe("replayMigrations", () => {
  it("adds tables across migrations", () => {
    const snapshot = replayMigrations([migration().addTable(table("band")), migration().addTable(table("manager"))]);
    expect(snapshot.tableNames()).toEqual(["band", "manager"]);
  });

  it("adds then drops a table", () => {
    const snapshot = replayMigrations([
      migration().addTable(table("band")).addTable(table("manager")),
      migration().dropTable(table("manager")),
    ]);
    expect(snapshot.tableNames()).toEqual(["band"]);
  });

  it("applies renames in order: name → title → label, keeping the column's position", () => {
    const snapshot = replayMigrations([
      migration().addTable(table("band", { columns: [{ name: "id", type: "serial" }, { name: "name", type: "text" }, { name: "z", type: "text" }] })),
      migration().renameColumn({ table: "band", from: "name", to: "title" }),
      migration().renameColumn({ table: "band", from: "title", to: "label" }),
    ]);
    expect(snapshot.table("band")?.columns.map((c) => c.name)).toEqual(["id", "label", "z"]);
  });

  it("drops a column", () => {
    const snapshot = replayMigrations([migration().addTable(table("band")), migration().dropColumn({ table: "band", name: "name", type: "varchar", length: 50 })]);
    expect(snapshot.table("band")?.columns.map((c) => c.name)).toEqual(["id"]);
  });

  it("an alter updates the effective definition, so a later drop carries the new one", () => {
    const history = [
      migration().addTable(table("band")),
      migration().alterColumn({ table: "band", name: "name", from: { type: "varchar", length: 50 }, to: { type: "text", nullable: true, default: { kind: "value", value: "x" } } }),
    ];
    const snapshot = replayMigrations(history);
    expect(snapshot.column("band", "name")).toEqual({ kind: "column", table: "band", name: "name", type: "text", nullable: true, default: { kind: "value", value: "x" } });
    // A drop that carries the stale definition contradicts the history.
    const stale = migration().dropColumn({ table: "band", name: "name", type: "varchar", length: 50 });
    expect(replayError(() => replayMigrations([...history, stale])).code).toBe("MIG_E_REPLAY");
    const fresh = migration().dropColumn({ table: "band", name: "name", type: "text", nullable: true, default: { kind: "value", value: "x" } });
    expect(replayMigrations([...history, fresh]).column("band", "name")).toBeUndefined();
  });

  it("adds and drops constraints and indexes", () => {
    const first = migration()
      .addTable(table("band"))
      .addIndex({ table: "band", name: "band_name_idx", columns: ["name"] })
      .addConstraint({ kind: "unique", table: "band", name: "band_name_key", columns: ["name"] })
      .addConstraint({ kind: "check", table: "band", name: "band_1_check", sql: "id > 0" })
      .addConstraint({ kind: "foreign_key", table: "band", name: "band_id_fkey", columns: ["id"], references: { table: "band", columns: ["id"] } });
    const added = replayMigrations([first]).table("band");
    expect([added?.indexes.length, added?.uniques.length, added?.checks.length, added?.foreignKeys.length]).toEqual([1, 1, 1, 1]);
    const second = migration()
      .dropIndex({ table: "band", name: "band_name_idx", columns: ["name"] })
      .dropConstraint({ kind: "unique", table: "band", name: "band_name_key", columns: ["name"] })
      .dropConstraint({ kind: "check", table: "band", name: "band_1_check", sql: "id > 0" })
      .dropConstraint({ kind: "foreign_key", table: "band", name: "band_id_fkey", columns: ["id"], references: { table: "band", columns: ["id"] } });
    expect(replayMigrations([first, second]).entities).toEqual(replayMigrations([migration().addTable(table("band"))]).entities);
  });

  it("sorts migrations by ID, old format included", () => {
    const create = migration("2020-12-17T18:44:30").addTable(table("band"));
    const rename = migration("2020-12-17T18:44:30:000001").renameTable({ from: "band", to: "group" });
    const add = migration("2021-01-01T00:00:00:000000").addColumn({ table: "group", name: "x", type: "text", nullable: true });
    expect(replayMigrations([add, rename, create]).tableNames()).toEqual(["group"]);
  });

  it("skips raw functions", () => {
    const m = migration().addRaw(() => { throw new Error("must not run"); }).addTable(table("band")).addRawBackwards(() => {});
    expect(replayMigrations([m]).tableNames()).toEqual(["band"]);
  });

  it("replays twice to the same snapshot and touches neither the migrations nor the base", () => {
    const base = deepFreeze(replayMigrations([migration().addTable(table("artist"))]));
    const operations: Operation[] = [
      ...migration().addTable(table("band", { foreignKeys: [{ name: "band_artist_fkey", columns: ["id"], references: { table: "artist", columns: ["id"] } }] })).operations,
      ...migration().renameTable({ from: "artist", to: "person" }).operations,
      ...migration().renameColumn({ table: "person", from: "id", to: "pk" }).operations,
      ...migration().alterColumn({ table: "band", name: "name", from: { type: "varchar", length: 50 }, to: { type: "text" } }).operations,
    ].map((operation) => JSON.parse(JSON.stringify(operation)) as Operation);
    const plain: ReplayableMigration[] = deepFreeze([
      { migrationId: "2026-01-01T00:00:00:000002", forwardsPlan: () => operations.slice(1) },
      { migrationId: "2026-01-01T00:00:00:000001", forwardsPlan: () => operations.slice(0, 1) },
    ]);
    const copy = JSON.stringify(operations);
    const first = replayMigrations(plain, base);
    const second = replayMigrations(plain, base);
    expect(second.entities).toEqual(first.entities);
    expect(JSON.stringify(operations)).toBe(copy);
    expect(base.tableNames()).toEqual(["artist"]);
    expect(first.table("band")?.foreignKeys[0]?.references).toEqual({ table: "person", columns: ["pk"] });
    expect(first.table("person")?.table.primaryKey).toEqual(["pk"]);
  });

  it("names the migration when an operation does not fit", () => {
    const create = migration("2026-01-01T00:00:00:000001").addTable(table("band"));
    const alter = migration("2026-01-01T00:00:00:000002").alterColumn({ table: "band", name: "nope", from: { type: "text" }, to: { type: "integer" } });
    const error = replayError(() => replayMigrations([create, alter]));
    expect(error.code).toBe("MIG_E_REPLAY");
    expect(error.meta).toMatchObject({ migrationId: "2026-01-01T00:00:00:000002", appName: "music", operationIndex: 0 });
    expect(error.message).toContain("2026-01-01T00:00:00:000002");
  });

  it.each<[string, (m: MigrationManager) => MigrationManager]>([
    ["a duplicate table", (m) => m.addTable(table("band"))],
    ["a table dropped twice", (m) => m.dropTable(table("band")).dropTable(table("band"))],
    ["a table dropped with other contents", (m) => m.dropTable(table("band", { primaryKey: ["name"] }))],
    ["a rename onto an existing table", (m) => m.addTable(table("group")).renameTable({ from: "band", to: "group" })],
    ["a rename of a missing table", (m) => m.renameTable({ from: "nope", to: "x" })],
    ["a duplicate column", (m) => m.addColumn({ table: "band", name: "name", type: "text" })],
    ["a column on a missing table", (m) => m.addColumn({ table: "nope", name: "x", type: "text" })],
    ["a rename of a missing column", (m) => m.renameColumn({ table: "band", from: "nope", to: "x" })],
    ["a rename onto an existing column", (m) => m.renameColumn({ table: "band", from: "name", to: "id" })],
    ["an alter from a definition the column does not have", (m) => m.alterColumn({ table: "band", name: "name", from: { type: "text" }, to: { type: "integer" } })],
    ["a drop of a primary key column", (m) => m.dropColumn({ table: "band", name: "id", type: "serial" })],
    ["a drop of an indexed column", (m) => m.addIndex({ table: "band", name: "i", columns: ["name"] }).dropColumn({ table: "band", name: "name", type: "varchar", length: 50 })],
    ["a drop of a referenced column", (m) => m.addTable(table("fan", { foreignKeys: [{ name: "f", columns: ["id"], references: { table: "band", columns: ["name"] } }] })).dropColumn({ table: "band", name: "name", type: "varchar", length: 50 })],
    ["a drop of a referenced table", (m) => m.addTable(table("fan", { foreignKeys: [{ name: "f", columns: ["id"], references: { table: "band", columns: ["id"] } }] })).dropTable(table("band"))],
    ["a new table's FK to a missing column of an existing table", (m) => m.addTable(table("fan", { foreignKeys: [{ name: "f", columns: ["id"], references: { table: "band", columns: ["nope"] } }] }))],
    ["an FK to a missing column of an existing table", (m) => m.addConstraint({ kind: "foreign_key", table: "band", name: "f", columns: ["id"], references: { table: "band", columns: ["nope"] } })],
    ["an index on a missing column", (m) => m.addIndex({ table: "band", name: "i", columns: ["nope"] })],
    ["a duplicate index", (m) => m.addIndex({ table: "band", name: "i", columns: ["name"] }).addIndex({ table: "band", name: "i", columns: ["id"] })],
    ["a drop of a missing constraint", (m) => m.dropConstraint({ kind: "check", table: "band", name: "c", sql: "x" })],
    ["a drop of a constraint that differs", (m) => m.addConstraint({ kind: "unique", table: "band", name: "u", columns: ["name"] }).dropConstraint({ kind: "unique", table: "band", name: "u", columns: ["id"] })],
    ["a rebuild of a table that differs", (m) => m.rebuildTable({ from: table("band", { primaryKey: ["name"] }), to: table("band"), columnMap: {} })],
  ])("refuses %s with MIG_E_REPLAY", (_, build) => {
    const create = migration().addTable(table("band"));
    expect(replayError(() => replayMigrations([create, build(migration())])).code).toBe("MIG_E_REPLAY");
  });

  it("accepts an FK to a table it does not know (another app's)", () => {
    const fan = migration().addTable(table("fan", { foreignKeys: [{ name: "f", columns: ["id"], references: { table: "elsewhere", columns: ["pk"] } }] }));
    expect(replayMigrations([fan]).table("fan")?.foreignKeys).toHaveLength(1);
  });

  it("refuses two migrations of one app with the same ID", () => {
    const id = "2026-01-01T00:00:00:000001";
    expect(replayError(() => replayMigrations([migration(id).addTable(table("a")), migration(id).addTable(table("b"))])).code).toBe("MIG_E_REPLAY");
  });
});

describe("renames move everything that belongs to a table", () => {
  const history = (): MigrationManager[] => [
    migration().addTable({
      name: "band",
      primaryKey: ["id"],
      columns: [{ name: "id", type: "serial" }, { name: "name", type: "text" }, { name: "parent", type: "integer", nullable: true }],
      indexes: [{ name: "band_name_idx", columns: ["name", "id"] }],
      uniques: [{ name: "band_name_key", columns: ["name"] }],
      checks: [{ name: "band_1_check", sql: "id > 0" }],
      foreignKeys: [{ name: "band_parent_fkey", columns: ["parent"], references: { table: "band", columns: ["id"] } }],
    }),
    migration().addTable(table("fan", {
      columns: [{ name: "id", type: "serial" }, { name: "band", type: "integer" }, { name: "band_name", type: "text" }],
      foreignKeys: [{ name: "fan_band_fkey", columns: ["band", "band_name"], references: { table: "band", columns: ["id", "name"] }, onDelete: "cascade", onUpdate: "restrict" }],
    })),
  ];

  it("rename table: columns, indexes, constraints, and FKs of other tables and of itself", () => {
    const snapshot = replayMigrations([...history(), migration().renameTable({ from: "band", to: "group" })]);
    expect(snapshot.tableNames()).toEqual(["fan", "group"]);
    expect(snapshot.entities.filter((e) => e.kind !== "table" && e.table === "band")).toEqual([]);
    const group = snapshot.table("group");
    expect(group?.columns.map((c) => c.table)).toEqual(["group", "group", "group"]);
    expect(group?.indexes[0]).toMatchObject({ table: "group", name: "band_name_idx" });
    expect(group?.foreignKeys[0]).toMatchObject({ table: "group", references: { table: "group", columns: ["id"] } });
    expect(snapshot.table("fan")?.foreignKeys[0]).toMatchObject({ references: { table: "group", columns: ["id", "name"] }, onDelete: "cascade", onUpdate: "restrict" });
  });

  it("rename column: primary key, index, unique, FK lists, and other tables' FKs", () => {
    const snapshot = replayMigrations([
      ...history(),
      migration().renameColumn({ table: "band", from: "id", to: "band_id" }).renameColumn({ table: "band", from: "name", to: "title" }),
    ]);
    const band = snapshot.table("band");
    expect(band?.table.primaryKey).toEqual(["band_id"]);
    expect(band?.indexes[0]?.columns).toEqual(["title", "band_id"]);
    expect(band?.uniques[0]?.columns).toEqual(["title"]);
    expect(band?.foreignKeys[0]).toMatchObject({ columns: ["parent"], references: { table: "band", columns: ["band_id"] } });
    expect(snapshot.table("fan")?.foreignKeys[0]?.references).toEqual({ table: "band", columns: ["band_id", "title"] });
  });
});

describe("applyOperation and invertOperation", () => {
  const base = replayMigrations([
    migration().addTable({
      name: "band",
      primaryKey: ["id"],
      columns: [{ name: "id", type: "serial" }, { name: "name", type: "text" }, { name: "rating", type: "numeric", precision: 5, scale: 2, nullable: true }],
      indexes: [{ name: "band_name_idx", columns: ["name"] }],
      uniques: [{ name: "band_name_key", columns: ["name"] }],
      checks: [{ name: "band_1_check", sql: "id > 0" }],
    }),
  ]);
  const m = migration();
  const cases: [string, () => MigrationManager][] = [
    ["create_table", () => m.addTable(table("fan"))],
    ["drop_table", () => m.dropTable({ name: "band", primaryKey: ["id"], columns: [{ name: "id", type: "serial" }, { name: "name", type: "text" }, { name: "rating", type: "numeric", precision: 5, scale: 2, nullable: true }], indexes: [{ name: "band_name_idx", columns: ["name"] }], uniques: [{ name: "band_name_key", columns: ["name"] }], checks: [{ name: "band_1_check", sql: "id > 0" }] })],
    ["rename_table", () => m.renameTable({ from: "band", to: "group" })],
    ["add_column", () => m.addColumn({ table: "band", name: "x", type: "text", backfill: "" })],
    ["drop_column", () => m.dropColumn({ table: "band", name: "rating", type: "numeric", precision: 5, scale: 2, nullable: true })],
    ["rename_column", () => m.renameColumn({ table: "band", from: "name", to: "title" })],
    ["alter_column", () => m.alterColumn({ table: "band", name: "rating", from: { type: "numeric", precision: 5, scale: 2, nullable: true }, to: { type: "numeric", precision: 4, scale: 2 }, backfill: "0", lossy: true })],
    ["add_index", () => m.addIndex({ table: "band", name: "i", columns: ["rating", "id"], method: "hash" })],
    ["drop_index", () => m.dropIndex({ table: "band", name: "band_name_idx", columns: ["name"] })],
    ["add_unique", () => m.addConstraint({ kind: "unique", table: "band", name: "u", columns: ["rating"] })],
    ["drop_unique", () => m.dropConstraint({ kind: "unique", table: "band", name: "band_name_key", columns: ["name"] })],
    ["add_check", () => m.addConstraint({ kind: "check", table: "band", name: "c", sql: "rating > 0" })],
    ["drop_check", () => m.dropConstraint({ kind: "check", table: "band", name: "band_1_check", sql: "id > 0" })],
    ["add_foreign_key", () => m.addConstraint({ kind: "foreign_key", table: "band", name: "f", columns: ["id"], references: { table: "band", columns: ["id"] }, onUpdate: "cascade" })],
    ["rebuild_table", () => m.rebuildTable({
      from: { name: "band", primaryKey: ["id"], columns: [{ name: "id", type: "serial" }, { name: "name", type: "text" }, { name: "rating", type: "numeric", precision: 5, scale: 2, nullable: true }], indexes: [{ name: "band_name_idx", columns: ["name"] }], uniques: [{ name: "band_name_key", columns: ["name"] }], checks: [{ name: "band_1_check", sql: "id > 0" }] },
      to: { name: "band", primaryKey: ["id"], columns: [{ name: "id", type: "serial" }, { name: "title", type: "text" }] },
      columnMap: { id: "id", title: "name" },
    })],
  ];

  it.each(cases)("%s followed by its inverse gives back the snapshot", (kind, record) => {
    const operations = record().operations;
    const operation = operations[operations.length - 1] as SchemaOperation;
    expect(operation.kind).toBe(kind);
    const after = applyOperation(base, operation);
    expect(after.entities).not.toEqual(base.entities);
    expect(applyOperation(after, invertOperation(operation)).entities).toEqual(base.entities);
    const twice = invertOperation(invertOperation(operation));
    expect({ ...twice, backfill: undefined, lossy: undefined }).toEqual({ ...operation, backfill: undefined, lossy: undefined });
  });

  it("drop_foreign_key followed by its inverse gives back the snapshot", () => {
    const fk = { kind: "foreign_key", table: "band", name: "f", columns: ["id"], references: { table: "band", columns: ["id"] } } as const;
    const withFk = applyOperation(base, migration().addConstraint(fk).operations[0] as Operation);
    const drop = migration().dropConstraint(fk).operations[0] as SchemaOperation;
    expect(applyOperation(applyOperation(withFk, drop), invertOperation(drop)).entities).toEqual(withFk.entities);
  });

  it("marks an inverted alter lossy when reversing it narrows the type", () => {
    const widen = migration().alterColumn({ table: "band", name: "n", from: { type: "integer" }, to: { type: "bigint" } }).operations[0] as SchemaOperation;
    expect(invertOperation(widen)).toMatchObject({ kind: "alter_column", from: { type: "bigint" }, to: { type: "integer" }, lossy: true });
    const narrow = migration().alterColumn({ table: "band", name: "n", from: { type: "bigint" }, to: { type: "integer" }, lossy: true }).operations[0] as SchemaOperation;
    expect(invertOperation(narrow)).not.toHaveProperty("lossy");
  });

  it("leaves its snapshot alone and returns it unchanged for raw functions", () => {
    const raw: Operation = { kind: "raw", direction: "forwards", fn: () => {} };
    expect(applyOperation(base, raw)).toBe(base);
    expect(() => invertOperation(raw as never)).toThrow();
    const before = base.entities;
    applyOperation(base, { kind: "rename_table", from: "band", to: "x" });
    expect(base.entities).toBe(before);
    expect(base.tableNames()).toEqual(["band"]);
  });
});
