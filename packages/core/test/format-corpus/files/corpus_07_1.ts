import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:07:000001";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 7.1";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "corpus", description: DESCRIPTION });

  manager.addTable({
    name: "gohev",
    className: "khfvd4pz",
    primaryKey: ["nfvnj6dvr", "h46b"],
    columns: [
      {
        name: "h46b",
        type: "timestamp",
        default: { kind: "value", value: "1970-01-01T00:00:00.030Z" },
      },
      { name: "p2x", type: "real", default: { kind: "value", value: -4.941703085999794e+166 } },
      { name: "nfvnj6dvr", type: "varchar", length: 251 },
    ],
    uniques: [
      { name: "a5ec7bdi7ci", columns: ["h46b", "nfvnj6dvr", "p2x"] },
      { name: "e8n11gj5zui", columns: ["p2x", "nfvnj6dvr"] },
      { name: "xq", columns: ["p2x", "h46b", "nfvnj6dvr"] },
    ],
    checks: [{ name: "jdgeix9", sql: "9!i~ q" }],
    foreignKeys: [
      {
        name: "q",
        columns: ["h46b", "p2x"],
        references: { table: "gohev", columns: ["p2x", "h46b"] },
        onDelete: "no action",
        onUpdate: "restrict",
      },
    ],
  });

  return manager;
}
