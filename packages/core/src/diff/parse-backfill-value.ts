import { MigError } from "../errors/mig-error";
import { normaliseDefault } from "../schema/normalise-default";
import type { JsonValue, TypeName } from "../snapshot/types";
import type { ColumnEntity } from "../snapshot/entities";

const INTEGER_RANGE: Partial<Record<TypeName, readonly [bigint, bigint]>> = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  serial: [1n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
  bigserial: [1n, 9223372036854775807n],
};

const BOOLEANS: Readonly<Record<string, boolean>> = { true: true, t: true, yes: true, y: true, "1": true, false: false, f: false, no: false, n: false, "0": false };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?$/;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)?$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DECIMAL = /^[+-]?(\d+)(?:\.(\d+))?$/;

/**
 * Converts a `--backfill TABLE.COLUMN=VALUE` value (always a string on the command line) to the
 * column's type, as a default literal would hold it: numbers for integers and floats (a bigint
 * beyond 2^53 stays a string, exactly), strings for decimals (padded to the column's scale),
 * dates, times, timestamps, uuids and text, booleans (`true/false/t/f/yes/no/y/n/1/0`), any JSON
 * for json/jsonb (keys sorted), lowercase hex for bytea (`\x` or `0x` prefix optional).
 * Throws `MIG_E_USAGE` naming the column when the text is not a valid value (out of range, too
 * long, wrong format).
 *
 * @example
 * ```ts
 * parseBackfillValue(column, "42"); // 42 for an integer column
 * ```
 */
export function parseBackfillValue(column: ColumnEntity, text: string): JsonValue {
  const value = convert(column, text);
  // The same canonical form as a default of the column (decimals padded to the scale, JSON keys sorted, ...).
  const canonical = value === undefined || column.type === "serial" || column.type === "bigserial" ? undefined : normaliseDefault({ kind: "value", value }, column, false);
  if (value === undefined || (canonical !== undefined && !canonical.ok)) {
    throw new MigError("MIG_E_USAGE", `--backfill ${column.table}.${column.name}=${text}: not a valid ${describe(column)} value`, {
      problems: [{ message: `Not a valid ${describe(column)} value: ${JSON.stringify(text)}`, table: column.table, column: column.name }],
    });
  }
  return canonical?.ok && canonical.value?.kind === "value" ? canonical.value.value : value;
}

function convert(column: ColumnEntity, text: string): JsonValue | undefined {
  switch (column.type) {
    case "smallint":
    case "integer":
    case "bigint":
    case "serial":
    case "bigserial":
      return integer(text.trim(), INTEGER_RANGE[column.type]);
    case "real":
    case "doublePrecision": {
      const number = text.trim() === "" ? NaN : Number(text);
      return Number.isFinite(number) ? number : undefined;
    }
    case "numeric":
      return decimal(text.trim(), column.precision, column.scale);
    case "boolean":
      return BOOLEANS[text.trim().toLowerCase()];
    case "varchar":
    case "char":
      return column.length === undefined || [...text].length <= column.length ? text : undefined;
    case "enum":
      return column.values?.includes(text) ? text : undefined;
    case "interval":
    case "array":
      // No literal form mig checks: such a column is backfilled through SQL (`mig new --backfill` refuses).
      return undefined;
    case "text":
      return text;
    case "uuid":
      return UUID.test(text) ? text.toLowerCase() : undefined;
    case "date":
      return DATE.test(text) && validDate(text) ? text : undefined;
    case "time":
      return TIME.test(text) ? text : undefined;
    case "timestamp":
    case "timestamptz": {
      const match = TIMESTAMP.exec(text);
      return match?.[1] !== undefined && validDate(match[1]) ? text : undefined;
    }
    case "json":
    case "jsonb":
      try {
        return JSON.parse(text) as JsonValue;
      } catch {
        return undefined;
      }
    case "bytea": {
      const hex = text.replace(/^(\\x|0x)/i, "");
      return /^([0-9a-f]{2})*$/i.test(hex) ? hex.toLowerCase() : undefined;
    }
  }
}

function integer(text: string, range: readonly [bigint, bigint] | undefined): JsonValue | undefined {
  if (!/^[+-]?\d+$/.test(text) || !range) return undefined;
  const value = BigInt(text);
  if (value < range[0] || value > range[1]) return undefined;
  return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
}

function decimal(text: string, precision: number | undefined, scale: number | undefined): string | undefined {
  const match = DECIMAL.exec(text);
  if (!match) return undefined;
  const whole = (match[1] ?? "").replace(/^0+(?=\d)/, "");
  const fraction = match[2] ?? "";
  if (precision !== undefined) {
    const allowedScale = scale ?? 0;
    if (fraction.length > allowedScale || (whole === "0" ? 0 : whole.length) > precision - allowedScale) return undefined;
  }
  return text.replace(/^\+/, "");
}

function validDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function describe(column: ColumnEntity): string {
  if (column.type === "varchar" && column.length !== undefined) return `varchar(${column.length})`;
  if (column.type === "numeric" && column.precision !== undefined) return `numeric(${column.precision}, ${column.scale ?? 0})`;
  return column.type;
}
