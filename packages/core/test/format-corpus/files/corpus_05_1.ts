import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:05:000001";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 5.1";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "corpus", description: DESCRIPTION });

  manager.addTable({
    name: "yrhys0x",
    className: "anko46kl5",
    primaryKey: ["o9lr"],
    columns: [{ name: "o9lr", type: "bigint", default: { kind: "value", value: 4 } }],
    indexes: [{ name: "uzlt", columns: ["o9lr"], method: "hash" }],
    checks: [
      { name: "dvsbwzvk5x", sql: "sVpz{.4r" },
      { name: "etxkcr3t", sql: "][\"8e^i3F" },
      { name: "s7qqz4c", sql: "1[,`]DAI|yn." },
    ],
  });

  return manager;
}
