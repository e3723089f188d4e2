import type { JsonValue } from "../snapshot/types";
import type { ColumnEntity } from "../snapshot/entities";

/**
 * The value existing rows get when a dropped NOT NULL column without a default is added back by
 * a reverse migration. The column's data does not come back (the CLI says so before reversing a
 * drop); without a value the database would refuse the column on any table with rows.
 * `undefined` when no value is needed (nullable, a default, or a serial filled by its sequence).
 */
export function restorePlaceholder(column: ColumnEntity): JsonValue | undefined {
  if (column.nullable || column.default) return undefined;
  switch (column.type) {
    case "serial":
    case "bigserial":
      return undefined;
    case "integer":
    case "bigint":
    case "smallint":
    case "real":
    case "doublePrecision":
      return 0;
    case "numeric":
      return column.scale ? `0.${"0".repeat(column.scale)}` : "0";
    case "boolean":
      return false;
    case "varchar":
    case "text":
    case "bytea":
    case "char":
      return "";
    case "enum":
      return column.values?.[0];
    case "date":
      return "1970-01-01";
    case "time":
    case "interval":
      return "00:00:00";
    case "timestamp":
      return "1970-01-01 00:00:00";
    case "timestamptz":
      return "1970-01-01T00:00:00Z";
    case "uuid":
      return "00000000-0000-0000-0000-000000000000";
    case "json":
    case "jsonb":
      return {};
    // An empty array, native or stored as JSON (the fallback).
    case "array":
      return [];
  }
}
