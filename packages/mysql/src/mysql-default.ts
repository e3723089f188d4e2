import { type ColumnDefault, type ColumnEntity, type ColumnTypeSpec, type JsonValue, MigError } from "@mig/core/dialect";
import { mysqlDateTimeText, mysqlTimeText } from "./mysql-datetime";
import { quoteMysqlLiteral } from "./mysql-literal";

/**
 * TEXT, BLOB and JSON columns take no literal default in MySQL 8, only an expression default in
 * parentheses (MySQL 8.0.13+). MariaDB (10.2+)
 * accepts both and reports `('x')` like `'x'`, so mig always writes the expression form for them.
 */
export function needsExpressionDefault(spec: ColumnTypeSpec): boolean {
  return spec.type === "text" || spec.type === "bytea" || spec.type === "json" || spec.type === "jsonb";
}

/**
 * The SQL of a column default, without `DEFAULT`.
 *
 * - `now`: `CURRENT_TIMESTAMP(6)`, whose precision must match DATETIME(6) or the server refuses it;
 *   `(CURRENT_DATE)` and `(CURRENT_TIME(6))` are expression defaults (MySQL 8.0.13+, MariaDB 10.2+).
 * - `random`: `(UUID())`, an expression default.
 * - `sql`: the user's expression, in parentheses so that any expression is accepted.
 */
export function renderMysqlDefault(value: ColumnDefault, column: ColumnEntity): string {
  switch (value.kind) {
    case "value": {
      const literal = quoteMysqlLiteral(value.value, column);
      return needsExpressionDefault(column) && value.value !== null ? `(${literal})` : literal;
    }
    case "now":
      if (column.type === "timestamp" || column.type === "timestamptz") return "CURRENT_TIMESTAMP(6)";
      if (column.type === "date") return "(CURRENT_DATE)";
      if (column.type === "time") return "(CURRENT_TIME(6))";
      throw new MigError("MIG_E_SCHEMA_INVALID", `defaultNow() needs a timestamp, date or time column ("${column.table}"."${column.name}" is ${column.type})`, {
        meta: { table: column.table, column: column.name },
      });
    case "random":
      return "(UUID())";
    case "sql":
      return `(${value.sql})`;
  }
}

/** `"12.5"` with scale 2 → `"12.50"`, as the server reports DECIMAL(p,2) defaults. */
function decimalText(value: string, scale: number): string {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(value.trim());
  if (!match) return value;
  const [, sign, whole, fraction = ""] = match;
  if (fraction.length > scale) return value;
  const digits = (whole ?? "").replace(/^0+(?=\d)/, "") || "0";
  return `${sign === "-" ? "-" : ""}${digits}${scale > 0 ? "." + fraction.padEnd(scale, "0") : ""}`;
}

function numberValue(value: JsonValue): JsonValue {
  if (typeof value !== "string" || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value.trim())) return value;
  const n = Number(value);
  return Number.isSafeInteger(n) || !Number.isInteger(n) ? n : value;
}

/**
 * A literal default value in the one form the server reports it for a column of type `spec`:
 * integers and floats as numbers, decimals as strings with `scale` digits, booleans as booleans,
 * timestamps and times with six fraction digits, uuids and hex bytes lower case.
 */
export function canonicalDefaultValue(spec: ColumnTypeSpec, value: JsonValue): JsonValue {
  if (value === null) return null;
  switch (spec.type) {
    case "integer":
    case "bigint":
    case "smallint":
    case "serial":
    case "bigserial":
    case "real":
    case "doublePrecision":
      return numberValue(value);
    case "boolean":
      if (value === 1 || value === "1") return true;
      if (value === 0 || value === "0") return false;
      return value;
    case "numeric":
      return typeof value === "number" || typeof value === "string" ? decimalText(String(value), spec.scale ?? 0) : value;
    case "timestamp":
    case "timestamptz":
      return typeof value === "string" ? mysqlDateTimeText(value) : value;
    case "time":
      return typeof value === "string" ? mysqlTimeText(value) : value;
    case "uuid":
      return typeof value === "string" ? value.toLowerCase() : value;
    case "bytea":
      return typeof value === "string" ? value.replace(/^(\\x|0x)/i, "").toLowerCase() : value;
    default:
      return value;
  }
}
