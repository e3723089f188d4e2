import { MigrationManager } from "@mig/core";

export const ID = "2026-12-07T12:00:12:000001";
export const VERSION = "0.1.0";
export const DESCRIPTION = "corpus 12.1";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "corpus", description: DESCRIPTION });

  manager.addTable({
    name: "du",
    className: "v03bt66nr",
    primaryKey: ["yj"],
    columns: [
      { name: "yj", type: "json" },
      { name: "q", type: "uuid", nullable: true, default: { kind: "sql", sql: "E$-" } },
      { name: "n0q", type: "date", default: { kind: "now" } },
    ],
    indexes: [
      { name: "amdx", columns: ["yj", "q"], method: "hash" },
      { name: "ce1ars73xy5", columns: ["n0q", "yj"], method: "gist" },
      { name: "nt", columns: ["q"], method: "gist" },
    ],
    checks: [
      { name: "ns3dzoe", sql: ">PFbUld\"\\HP" },
      { name: "plc8xc34ihf", sql: "L" },
    ],
  });

  return manager;
}
