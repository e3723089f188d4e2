import { MigrationManager } from "@mig/core";

export const ID = "2026-11-22T03:25:05:646734";
export const VERSION = "0.1.0";
export const DESCRIPTION = "Index bands by popularity";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "music", description: DESCRIPTION });

  manager.addIndex({ table: "band", name: "band_popularity_idx", columns: ["popularity"] });

  return manager;
}
