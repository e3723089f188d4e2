import { MigrationManager } from "@mig/core";

export const ID = "2026-11-22T03:24:56:497005";
export const VERSION = "0.1.0";
export const DESCRIPTION = "Managers, bands, albums and tracks";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "music", description: DESCRIPTION });

  manager.addTable({
    name: "manager",
    className: "Manager",
    primaryKey: ["id"],
    columns: [
      { name: "id", type: "serial" },
      { name: "name", type: "varchar", length: 80 },
      { name: "email", type: "varchar", length: 255, nullable: true },
    ],
    uniques: [{ name: "manager_email_key", columns: ["email"] }],
  });

  manager.addTable({
    name: "band",
    className: "Band",
    primaryKey: ["id"],
    columns: [
      { name: "id", type: "serial" },
      { name: "name", type: "varchar", length: 120 },
      { name: "manager", type: "integer", nullable: true },
      { name: "popularity", type: "integer", default: { kind: "value", value: 0 } },
      { name: "created_at", type: "timestamptz", default: { kind: "now" } },
    ],
    uniques: [{ name: "band_name_key", columns: ["name"] }],
    foreignKeys: [
      {
        name: "band_manager_fkey",
        columns: ["manager"],
        references: { table: "manager", columns: ["id"] },
        onDelete: "set null",
        onUpdate: "no action",
      },
    ],
  });

  manager.addTable({
    name: "album",
    className: "Album",
    primaryKey: ["id"],
    columns: [
      { name: "id", type: "serial" },
      { name: "band", type: "integer" },
      { name: "title", type: "varchar", length: 200 },
      { name: "released", type: "date", nullable: true },
    ],
    uniques: [{ name: "album_band_title_key", columns: ["band", "title"] }],
    foreignKeys: [
      {
        name: "album_band_fkey",
        columns: ["band"],
        references: { table: "band", columns: ["id"] },
        onDelete: "cascade",
        onUpdate: "no action",
      },
    ],
  });

  manager.addTable({
    name: "track",
    className: "Track",
    primaryKey: ["id"],
    columns: [
      { name: "id", type: "serial" },
      { name: "album", type: "integer" },
      { name: "position", type: "smallint" },
      { name: "title", type: "varchar", length: 200 },
      { name: "duration_seconds", type: "integer", nullable: true },
    ],
    uniques: [{ name: "track_album_position_key", columns: ["album", "position"] }],
    checks: [{ name: "track_position_positive", sql: "position > 0" }],
    foreignKeys: [
      {
        name: "track_album_fkey",
        columns: ["album"],
        references: { table: "album", columns: ["id"] },
        onDelete: "cascade",
        onUpdate: "no action",
      },
    ],
  });

  return manager;
}
