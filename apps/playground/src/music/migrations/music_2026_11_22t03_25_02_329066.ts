import { MigrationManager } from "@mig/core";

export const ID = "2026-11-22T03:25:02:329066";
export const VERSION = "0.1.0";
export const DESCRIPTION = "When a band was formed";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "music", description: DESCRIPTION });

  manager.addColumn({ table: "band", name: "formed", type: "date", nullable: true });

  return manager;
}
