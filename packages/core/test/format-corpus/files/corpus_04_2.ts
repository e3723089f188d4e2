import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:04:000002";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 4.2";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "corpus", description: DESCRIPTION });

  manager.dropTable({
    name: "xrrea__pro",
    className: "h",
    primaryKey: ["uic"],
    columns: [
      { name: "bv5", type: "bigserial", nullable: true },
      { name: "uic", type: "json", default: { kind: "sql", sql: "hq\\=" } },
    ],
    uniques: [
      { name: "a0d97", columns: ["bv5", "uic"] },
      { name: "y49m25q", columns: ["bv5", "uic"] },
    ],
    checks: [
      { name: "envjn8t", sql: "Hm;i7/jTd[G" },
      { name: "hhzxgp", sql: "apply" },
      { name: "k98", sql: "D3c" },
    ],
  });

  manager.dropTable({
    name: "ourv7hi0dxe",
    className: "jsrhvjy7h",
    primaryKey: ["tl"],
    columns: [
      { name: "tl", type: "timestamp", default: { kind: "sql", sql: "!7" } },
      { name: "ms_5", type: "uuid", default: { kind: "sql", sql: "ref" } },
      {
        name: "hrq6df07fus",
        type: "bigint",
        default: { kind: "value", value: "-3428842082218503187" },
      },
    ],
    indexes: [{ name: "qapplykeya", columns: ["tl", "ms_5"] }],
    uniques: [{ name: "alen", columns: ["hrq6df07fus", "ms_5"] }],
    foreignKeys: [
      {
        name: "z",
        columns: ["hrq6df07fus", "tl"],
        references: { table: "ourv7hi0dxe", columns: ["tl", "ms_5"] },
        onDelete: "restrict",
        onUpdate: "restrict",
      },
    ],
  });

  return manager;
}
