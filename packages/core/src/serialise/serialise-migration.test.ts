import { describe, expect, it } from "vitest";
import { isMigError } from "../errors/mig-error";
import { MigrationManager } from "../manager/migration-manager";
import type { Operation } from "../operations/operation";
import { serialiseEmptyMigration } from "./serialise-empty-migration";
import { serialiseMigration } from "./serialise-migration";

const ID = "2026-11-22T13:58:23:024723";

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return isMigError(error) ? error.code : "not a MigError";
  }
  return undefined;
}

const operations = new MigrationManager({ migrationId: ID, appName: "music" })
  .addTable({
    name: "band",
    primaryKey: ["id"],
    columns: [
      { name: "id", type: "serial" },
      { name: "name", type: "varchar", length: 100 },
      { name: "manager", type: "integer", nullable: true },
    ],
    uniques: [{ name: "band_name_key", columns: ["name"] }],
    foreignKeys: [{ name: "band_manager_fkey", columns: ["manager"], references: { table: "manager", columns: ["id"] }, onDelete: "cascade" }],
  })
  .addColumn({ table: "band", name: "popularity", type: "integer", default: { kind: "value", value: 0 } })
  .addIndex({ table: "band", name: "band_popularity_idx", columns: ["popularity"] })
  .renameColumn({ table: "band", from: "name", to: "title" }).operations;

describe("serialiseMigration", () => {
  it("writes one readable manager call per operation", () => {
    expect(serialiseMigration({ id: ID, appName: "music", description: "Add band", version: "0.1.0", operations })).toBe(`import { MigrationManager } from "@mig/core";

export const ID = "2026-11-22T13:58:23:024723";
export const VERSION = "0.1.0";
export const DESCRIPTION = "Add band";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "music", description: DESCRIPTION });

  manager.addTable({
    name: "band",
    primaryKey: ["id"],
    columns: [
      { name: "id", type: "serial" },
      { name: "name", type: "varchar", length: 100 },
      { name: "manager", type: "integer", nullable: true },
    ],
    uniques: [{ name: "band_name_key", columns: ["name"] }],
    foreignKeys: [
      {
        name: "band_manager_fkey",
        columns: ["manager"],
        references: { table: "manager", columns: ["id"] },
        onDelete: "cascade",
        onUpdate: "no action",
      },
    ],
  });

  manager.addColumn({
    table: "band",
    name: "popularity",
    type: "integer",
    default: { kind: "value", value: 0 },
  });

  manager.addIndex({ table: "band", name: "band_popularity_idx", columns: ["popularity"] });
  manager.renameColumn({ table: "band", from: "name", to: "title" });

  return manager;
}
`);
  });

  it("gives the same bytes for the same input", () => {
    const input = { id: ID, appName: "music", description: 'a "quoted"\ndescription ${x}', version: "0.1.0", operations };
    const copy = { ...input, operations: JSON.parse(JSON.stringify(operations)) as Operation[] };
    expect(serialiseMigration(copy)).toBe(serialiseMigration(input));
  });

  it("escapes the header strings", () => {
    const source = serialiseMigration({ id: ID, appName: 'mu"sic', description: "line\nbreak \u2028 `${x}`", version: "0.1.0", operations: [] });
    expect(source).toContain('export const DESCRIPTION = "line\\nbreak \\u2028 `${x}`";');
    expect(source).toContain('appName: "mu\\"sic"');
    expect(source.split("\n")).toHaveLength(12);
    expect(source).toContain("DESCRIPTION });\n\n  return manager;\n}\n");
  });

  it("never writes an import of anything but MigrationManager", () => {
    const source = serialiseMigration({ id: ID, appName: "music", description: "", version: "0.1.0", operations });
    expect(source.match(/^import .*$/gm)).toEqual(['import { MigrationManager } from "@mig/core";']);
  });

  it("refuses raw functions, bad IDs and operations the manager would refuse", () => {
    const raw: Operation = { kind: "raw", direction: "forwards", fn: () => {} };
    expect(codeOf(() => serialiseMigration({ id: ID, appName: "music", version: "0.1.0", operations: [raw] }))).toBe("MIG_E_INTERNAL");
    expect(codeOf(() => serialiseMigration({ id: "today", appName: "music", version: "0.1.0", operations: [] }))).toBe("MIG_E_INTERNAL");
    expect(codeOf(() => serialiseMigration({ id: ID, appName: "", version: "0.1.0", operations: [] }))).toBe("MIG_E_INTERNAL");
    const empty: Operation = { kind: "rename_table", from: "", to: "x" };
    expect(codeOf(() => serialiseMigration({ id: ID, appName: "music", version: "0.1.0", operations: [empty] }))).toBe("MIG_E_INTERNAL");
    const mismatch = { kind: "add_column", table: "a", column: { kind: "column", table: "b", name: "c", type: "text", nullable: false, default: null } } as const;
    expect(codeOf(() => serialiseMigration({ id: ID, appName: "music", version: "0.1.0", operations: [mismatch] }))).toBe("MIG_E_INTERNAL");
  });
});

describe("serialiseEmptyMigration", () => {
  it("writes a file with a raw function to fill in (what `mig new` without --auto writes)", () => {
    expect(serialiseEmptyMigration({ id: ID, appName: "music", version: "0.1.0" })).toBe(`import { MigrationManager } from "@mig/core";

export const ID = "2026-11-22T13:58:23:024723";
export const VERSION = "0.1.0";
export const DESCRIPTION = "";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "music", description: DESCRIPTION });

  manager.addRaw(async (db) => {
    // await db.raw("UPDATE band SET popularity = {}", 1000);
  });

  manager.addRawBackwards(async (db) => {
    // Runs only when this migration is reversed.
  });

  return manager;
}
`);
  });
});
