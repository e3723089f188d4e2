import { MigrationManager } from "@mig/core";

export const ID = "2026-11-22T03:25:04:108600";
export const VERSION = "0.1.0";
export const DESCRIPTION = "Rename album.released to release_date";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "music", description: DESCRIPTION });

  manager.renameColumn({ table: "album", from: "released", to: "release_date" });

  return manager;
}
