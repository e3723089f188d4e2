import type { ColumnTypeSpec, TypeMapper } from "@mig/core/dialect";

/** How uuid columns are stored: `CHAR(36)` everywhere, or MariaDB's native `UUID` (10.7+). */
export type MysqlUuidType = "char" | "native";

/** DECIMAL without parameters is DECIMAL(10,0) (MySQL 8.0 manual §13.1.3). */
const DEFAULT_DECIMAL = { precision: 10, scale: 0 } as const;
/** MySQL needs a length for VARCHAR; mig uses 255 when none is given. */
export const DEFAULT_VARCHAR_LENGTH = 255;

/**
 * The contract types as MySQL / MariaDB store them.
 *
 * - timestamp and timestamptz → `DATETIME(6)`: DATETIME has no 2038 limit, no session time-zone
 *   conversion and none of TIMESTAMP's automatic `DEFAULT CURRENT_TIMESTAMP ON UPDATE ...`
 *   (MySQL 8.0 manual §13.2.5, `explicit_defaults_for_timestamp`). Microseconds, like PostgreSQL.
 * - uuid → `CHAR(36)` (or MariaDB's `UUID`). mig never emits CHAR for anything else (varchar is
 *   VARCHAR), so a `char(36)` column reads back as uuid without any marker.
 * - boolean → `BOOLEAN`, which the server stores as `TINYINT(1)` and reports so.
 * - serial / bigserial → `INT` / `BIGINT`; the emitter adds `AUTO_INCREMENT`, and an
 *   auto-increment integer reads back as serial / bigserial.
 */
export function createMysqlTypeMapper(options: { readonly uuidType?: MysqlUuidType } = {}): TypeMapper {
  const uuidType = options.uuidType ?? "char";
  return {
    toNative(spec) {
      switch (spec.type) {
        case "varchar":
          return `VARCHAR(${spec.length ?? DEFAULT_VARCHAR_LENGTH})`;
        case "text":
          return "TEXT";
        case "integer":
        case "serial":
          return "INT";
        case "bigint":
        case "bigserial":
          return "BIGINT";
        case "smallint":
          return "SMALLINT";
        case "boolean":
          return "BOOLEAN";
        case "real":
          return "FLOAT";
        case "doublePrecision":
          return "DOUBLE";
        case "numeric": {
          const { precision, scale } = decimalParams(spec);
          return `DECIMAL(${precision},${scale})`;
        }
        case "timestamp":
        case "timestamptz":
          return "DATETIME(6)";
        case "date":
          return "DATE";
        case "time":
          return "TIME(6)";
        case "uuid":
          return uuidType === "native" ? "UUID" : "CHAR(36)";
        case "json":
        case "jsonb":
          return "JSON";
        case "bytea":
          return "LONGBLOB";
      }
    },
    fromNative: (native, details) => mysqlTypeFromNative(native, details?.autoIncrement === true),
    canonical(spec) {
      switch (spec.type) {
        case "varchar":
          return { type: "varchar", length: spec.length ?? DEFAULT_VARCHAR_LENGTH };
        case "numeric":
          return { type: "numeric", ...decimalParams(spec) };
        case "timestamptz":
          return { type: "timestamp" };
        case "jsonb":
          return { type: "json" };
        default:
          return { type: spec.type };
      }
    },
  };
}

function decimalParams(spec: ColumnTypeSpec): { precision: number; scale: number } {
  if (spec.precision === undefined) return { ...DEFAULT_DECIMAL };
  return { precision: spec.precision, scale: spec.scale ?? 0 };
}

/**
 * A column type as information_schema.COLUMNS.COLUMN_TYPE reports it (`varchar(20)`, `int(11)`,
 * `tinyint(1)`, `decimal(5,2)`, `datetime(6)`, `char(36)`, `longtext`, ...) → the contract type,
 * or `undefined` for a type mig does not model. MariaDB's JSON is reported as `longtext`: the
 * introspector recognises it by its json_valid CHECK before calling this.
 */
export function mysqlTypeFromNative(native: string, autoIncrement = false): ColumnTypeSpec | undefined {
  const match = /^\s*([a-z]+)\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?/i.exec(native);
  if (!match) return undefined;
  const base = match[1]!.toLowerCase();
  const first = match[2] === undefined ? undefined : Number(match[2]);
  const second = match[3] === undefined ? undefined : Number(match[3]);
  switch (base) {
    case "varchar":
      return { type: "varchar", length: first ?? DEFAULT_VARCHAR_LENGTH };
    case "char":
      return first === 36 ? { type: "uuid" } : undefined;
    case "uuid":
      return { type: "uuid" };
    case "text":
    case "tinytext":
    case "mediumtext":
    case "longtext":
      return { type: "text" };
    case "tinyint":
      return first === 1 ? { type: "boolean" } : { type: "smallint" };
    case "bool":
    case "boolean":
      return { type: "boolean" };
    case "smallint":
      return { type: "smallint" };
    case "mediumint":
    case "int":
    case "integer":
      return { type: autoIncrement ? "serial" : "integer" };
    case "bigint":
      return { type: autoIncrement ? "bigserial" : "bigint" };
    case "float":
      return { type: "real" };
    case "double":
      return { type: "doublePrecision" };
    case "decimal":
    case "numeric":
      return { type: "numeric", precision: first ?? DEFAULT_DECIMAL.precision, scale: second ?? 0 };
    case "datetime":
    case "timestamp":
      return { type: "timestamp" };
    case "date":
      return { type: "date" };
    case "time":
      return { type: "time" };
    case "json":
      return { type: "json" };
    case "blob":
    case "tinyblob":
    case "mediumblob":
    case "longblob":
    case "varbinary":
    case "binary":
      return { type: "bytea" };
    default:
      return undefined;
  }
}
