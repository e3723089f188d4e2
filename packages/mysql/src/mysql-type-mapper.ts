import { type ColumnTypeSpec, MigError, type TypeMapper, nativeTypeNames } from "@mig/core/dialect";
import { mysqlTokens } from "./expression-tokens";
import { quoteMysqlString } from "./mysql-literal";

/** How uuid columns are stored: `CHAR(36)` everywhere, or MariaDB's native `UUID` (10.7+). */
export type MysqlUuidType = "char" | "native";

/** DECIMAL without parameters is DECIMAL(10,0). */
const DEFAULT_DECIMAL = { precision: 10, scale: 0 } as const;
/** MySQL needs a length for VARCHAR; mig uses 255 when none is given. */
export const DEFAULT_VARCHAR_LENGTH = 255;

/**
 * The contract types as MySQL / MariaDB store them.
 *
 * - timestamp and timestamptz → `DATETIME(6)`: DATETIME has no 2038 limit, no session time-zone
 *   conversion and none of TIMESTAMP's automatic `DEFAULT CURRENT_TIMESTAMP ON UPDATE ...`
 *   (`explicit_defaults_for_timestamp`). Microseconds, like PostgreSQL.
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
        case "char":
          return `CHAR(${spec.length ?? 1})`;
        case "enum":
          return `ENUM(${(spec.values ?? []).map(quoteMysqlString).join(",")})`;
        case "array":
          // No array type: an array with the JSON fallback is a JSON array (validation refuses the others).
          if (spec.fallback === "json") return "JSON";
          throw new MigError("MIG_E_UNSUPPORTED", 'MySQL and MariaDB have no array type; write array(..., { fallback: "json" }) to store a JSON array');
        case "interval":
          throw new MigError("MIG_E_UNSUPPORTED", "MySQL and MariaDB have no interval type; store the span as an integer of seconds, or as text");
      }
    },
    fromNative: (native, details) => mysqlTypeFromNative(native, details?.autoIncrement === true),
    canonical(spec) {
      switch (spec.type) {
        case "char":
          // CHAR(36) is how uuids are stored, and reads back as one.
          return uuidType === "char" && (spec.length ?? 1) === 36 ? { type: "uuid" } : { type: "char", length: spec.length ?? 1 };
        case "enum":
          // ENUM(...) is the column's own type: the database keeps no name for it.
          return spec.values === undefined ? { type: "enum" } : { type: "enum", values: spec.values };
        case "array":
          return spec.fallback === "json" ? { type: "json" } : spec;
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

/** The labels of `enum('a','b''c')` as COLUMN_TYPE reports them, or undefined when it is not that. */
function enumLabels(native: string): string[] | undefined {
  const tokens = mysqlTokens(native);
  if (!tokens || tokens[0]?.kind !== "word" || tokens[0].value.toLowerCase() !== "enum" || tokens[1]?.value !== "(") return undefined;
  const labels: string[] = [];
  for (let i = 2; i < tokens.length; i += 2) {
    const label = tokens[i];
    const next = tokens[i + 1];
    if (label?.kind !== "string" || next?.kind !== "punct") return undefined;
    labels.push(label.value);
    if (next.value === ")") return i + 2 === tokens.length ? labels : undefined;
    if (next.value !== ",") return undefined;
  }
  return undefined;
}

function decimalParams(spec: ColumnTypeSpec): { precision: number; scale: number } {
  if (spec.precision === undefined) return { ...DEFAULT_DECIMAL };
  return { precision: spec.precision, scale: spec.scale ?? 0 };
}

/** The native types that read as one contract type whatever their parameters (`datetime(6)` is a timestamp). */
const PLAIN_TYPES = nativeTypeNames({
  text: ["text", "tinytext", "mediumtext", "longtext"], boolean: ["bool", "boolean"], smallint: ["smallint"],
  real: ["float"], doublePrecision: ["double"], timestamp: ["datetime", "timestamp"], date: ["date"], time: ["time"],
  uuid: ["uuid"], json: ["json"], bytea: ["blob", "tinyblob", "mediumblob", "longblob", "varbinary", "binary"],
});

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
      // CHAR(36) is how mig stores uuids; other lengths are char(n). CHAR without a length is CHAR(1).
      return first === 36 ? { type: "uuid" } : { type: "char", length: first ?? 1 };
    case "enum": {
      const values = enumLabels(native);
      return values === undefined ? undefined : { type: "enum", values };
    }
    case "tinyint":
      return first === 1 ? { type: "boolean" } : { type: "smallint" };
    case "mediumint":
    case "int":
    case "integer":
      return { type: autoIncrement ? "serial" : "integer" };
    case "bigint":
      return { type: autoIncrement ? "bigserial" : "bigint" };
    case "decimal":
    case "numeric":
      return { type: "numeric", precision: first ?? DEFAULT_DECIMAL.precision, scale: second ?? 0 };
    default: {
      const type = PLAIN_TYPES.get(base);
      return type === undefined ? undefined : { type };
    }
  }
}
