import type { ColumnEntity, TableSchema } from "../snapshot/entities";

/** The default name of the tracking table (`mig_migrations`, unique on app and migration ID). */
export const DEFAULT_TRACKING_TABLE = "mig_migrations";

/** The progress table that goes with a tracking table (used where DDL is not transactional). */
export function progressTableName(trackingTable: string): string {
  return `${trackingTable}_progress`;
}

type ColumnSpec = Omit<ColumnEntity, "kind" | "table" | "nullable" | "default"> & Partial<Pick<ColumnEntity, "nullable" | "default">>;

function columns(table: string, specs: readonly ColumnSpec[]): ColumnEntity[] {
  return specs.map((spec) => ({ kind: "column", table, nullable: false, default: null, ...spec }));
}

/**
 * The tracking table: one row per applied migration, unique on (`app_name`, `name`).
 * Built from entities and created through the dialect's emitter, so no dialect writes its DDL.
 */
export function trackingTableSchema(name: string): TableSchema {
  return {
    table: { kind: "table", name, primaryKey: ["id"] },
    columns: columns(name, [
      { name: "id", type: "serial" },
      { name: "app_name", type: "varchar", length: 255 },
      { name: "name", type: "varchar", length: 255 },
      { name: "checksum", type: "varchar", length: 64 },
      { name: "ran_on", type: "timestamptz", default: { kind: "now" } },
      { name: "duration_ms", type: "integer", default: { kind: "value", value: 0 } },
    ]),
    indexes: [],
    uniques: [{ kind: "unique", table: name, name: `${name}_app_name_name_key`, columns: ["app_name", "name"] }],
    checks: [],
    foreignKeys: [],
  };
}

/**
 * The progress table: one row per migration that is running, or stopped part-way, on a database
 * whose DDL commits statement by statement. `statements_done` counts the steps that completed, so
 * a failure is reported exactly and a re-run resumes after the last completed step.
 */
export function progressTableSchema(name: string): TableSchema {
  return {
    table: { kind: "table", name, primaryKey: ["app_name", "name"] },
    columns: columns(name, [
      { name: "app_name", type: "varchar", length: 255 },
      { name: "name", type: "varchar", length: 255 },
      { name: "direction", type: "varchar", length: 16 },
      { name: "statements_done", type: "integer" },
      { name: "total", type: "integer" },
      { name: "checksum", type: "varchar", length: 64 },
      { name: "error", type: "text", nullable: true },
      { name: "updated_on", type: "timestamptz", default: { kind: "now" } },
    ]),
    indexes: [],
    uniques: [],
    checks: [],
    foreignKeys: [],
  };
}
