import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:01:000001";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 1.1";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "corpus", description: DESCRIPTION });

  manager.addTable({
    name: "p",
    className: "m9no_",
    primaryKey: ["jsy6cpgi8"],
    columns: [
      { name: "noseou0", type: "boolean" },
      { name: "xo", type: "time" },
      { name: "keh3a", type: "smallint", default: { kind: "sql", sql: "ref" } },
      {
        name: "dm_",
        type: "varchar",
        length: 8,
        nullable: true,
        default: { kind: "sql", sql: "v#o.2P~|!" },
      },
      { name: "oe", type: "integer", default: { kind: "value", value: 8 } },
      { name: "jsy6cpgi8", type: "date", default: { kind: "sql", sql: "Uw|(9*R" } },
    ],
    indexes: [{ name: "xh57", columns: ["dm_"], method: "hash" }],
    uniques: [
      { name: "v5rgh", columns: ["oe"] },
      { name: "x", columns: ["keh3a"] },
    ],
    checks: [{ name: "kesevqmq5j2", sql: "KH^e\\$+#d" }],
    foreignKeys: [
      {
        name: "igw2n3xcy",
        columns: ["xo", "jsy6cpgi8"],
        references: { table: "p", columns: ["xo", "keh3a"] },
        onDelete: "restrict",
        onUpdate: "set default",
      },
      {
        name: "lv0tbt0s_m2",
        columns: ["oe", "xo"],
        references: { table: "p", columns: ["oe", "jsy6cpgi8"] },
        onDelete: "set default",
        onUpdate: "no action",
      },
      {
        name: "rdnkkg_g7y",
        columns: ["dm_", "noseou0"],
        references: { table: "p", columns: ["xo", "noseou0"] },
        onDelete: "no action",
        onUpdate: "cascade",
      },
    ],
  });

  return manager;
}
