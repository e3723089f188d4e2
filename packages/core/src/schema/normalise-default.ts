import type { ColumnTypeSpec } from "../snapshot/entities";
import type { DefaultSpec } from "./column-definition";
import { canonicalJsonValue, decimalString } from "../snapshot/default-values";
import type { SchemaResolution } from "./resolve-foreign-key";
import type { ColumnDefault, JsonValue, TypeName } from "../snapshot/types";

const NOW: ColumnDefault = Object.freeze({ kind: "now" });
const RANDOM: ColumnDefault = Object.freeze({ kind: "random" });
const NOW_TYPES: readonly TypeName[] = ["timestamp", "timestamptz", "date", "time"];
const INTEGER_RANGES: Partial<Record<TypeName, readonly [bigint, bigint]>> = {
  smallint: [-(2n ** 15n), 2n ** 15n - 1n],
  integer: [-(2n ** 31n), 2n ** 31n - 1n],
  bigint: [-(2n ** 63n), 2n ** 63n - 1n],
};
/** The same ranges as numbers, for safe integers (bigint's covers every one). */
const SAFE_RANGES: Partial<Record<TypeName, readonly [number, number]>> = {
  smallint: [-(2 ** 15), 2 ** 15 - 1],
  integer: [-(2 ** 31), 2 ** 31 - 1],
  bigint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DECIMAL = /^-?\d+(\.\d+)?$/;
const HEX = /^(?:[0-9a-f]{2})*$/i;

/**
 * Checks a default against its column's type and normalises it into a `ColumnDefault`
 * (`null` when there is none): integers as numbers (beyond 2^53, decimal strings), decimals
 * as exact strings with the column's scale, dates and timestamps as ISO strings, uuids lower case, bytes as hex,
 * JSON with sorted keys.
 */
export function normaliseDefault(spec: DefaultSpec | undefined, type: ColumnTypeSpec, nullable: boolean): SchemaResolution<ColumnDefault | null> {
  if (spec === undefined) return ok(null);
  switch (spec.kind) {
    case "sql":
      return typeof spec.sql === "string" && spec.sql.trim() !== "" ? ok({ kind: "sql", sql: spec.sql }) : fail(".defaultSql() needs a non-empty SQL expression");
    case "now":
      return NOW_TYPES.includes(type.type) ? ok(NOW) : fail(`.defaultNow() is only for timestamp, timestamptz, date and time columns, not ${type.type}`);
    case "random":
      return type.type === "uuid" ? ok(RANDOM) : fail(`.defaultRandom() is only for uuid columns, not ${type.type}`);
    case "value":
      if (spec.value === null) return nullable ? ok(null) : fail("default(null) on a NOT NULL column; make it .nullable() or give another default");
      if (type.type === "serial" || type.type === "bigserial") return fail(`A ${type.type} column takes its values from a sequence and cannot have a default`);
      return normaliseValue(spec.value, type);
    default:
      return fail(`Unknown default kind "${(spec as { kind?: unknown }).kind}"`);
  }
}

function normaliseValue(value: unknown, type: ColumnTypeSpec): SchemaResolution<ColumnDefault> {
  // Described only when the value is refused: describing takes longer than checking.
  const wrong = () => fail(`Default ${describe(value)} is not a valid ${type.type} value`);
  switch (type.type) {
    case "integer":
    case "smallint":
    case "bigint": {
      if (typeof value === "number" && Number.isSafeInteger(value)) {
        // The usual case, without BigInt: the same checks on the number (every safe integer fits a bigint).
        const [min, max] = SAFE_RANGES[type.type] as readonly [number, number];
        if (value < min || value > max) return fail(`Default ${value} is out of range for ${type.type}`);
        return ok(literal(value === 0 ? 0 : value));
      }
      const n = integerOf(value, type.type === "bigint");
      const [min, max] = INTEGER_RANGES[type.type] as readonly [bigint, bigint];
      if (n === undefined) return wrong();
      if (n < min || n > max) return fail(`Default ${n} is out of range for ${type.type}`);
      // One form per value: a number while exact, a decimal string beyond 2^53 (bigint columns only).
      return ok(literal(n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString()));
    }
    case "real":
    case "doublePrecision": {
      const word = nonFiniteWord(value);
      if (word !== undefined) return ok(literal(word));
      return typeof value === "number" && Number.isFinite(value) ? ok(literal(value === 0 ? 0 : value)) : wrong();
    }
    case "numeric": {
      const word = nonFiniteWord(value);
      if (word !== undefined) return ok(literal(word));
      const decimal = typeof value === "number" ? (Number.isFinite(value) ? decimalString(value) : undefined)
        : typeof value === "bigint" ? value.toString()
        : typeof value === "string" && DECIMAL.test(value) ? value : undefined;
      if (decimal === undefined) return wrong();
      const [whole = "", fraction = ""] = decimal.replace("-", "").split(".");
      const scale = type.precision === undefined ? undefined : (type.scale ?? 0);
      const fits = scale === undefined || (whole.replace(/^0+/, "").length <= (type.precision ?? 0) - scale && fraction.length <= scale);
      if (!fits) return fail(`Default ${decimal} does not fit numeric(${type.precision}, ${scale})`);
      return ok(literal(scale === undefined || fraction.length === scale ? decimal : padFraction(decimal, scale)));
    }
    case "boolean":
      return typeof value === "boolean" ? ok(literal(value)) : wrong();
    case "varchar":
    case "char":
    case "text":
      if (typeof value !== "string") return wrong();
      if (type.length !== undefined && [...value].length > type.length) return fail(`Default is longer than ${type.type}(${type.length})`);
      return ok(literal(value));
    case "enum":
      if (typeof value !== "string") return wrong();
      return type.values?.includes(value) ? ok(literal(value)) : fail(`Default ${describe(value)} is not one of the enum's labels (${(type.values ?? []).join(", ")})`);
    case "interval":
    case "array":
      return fail(`A ${type.type} column takes no literal default (databases report them in forms of their own); use .defaultSql()`);
    case "date":
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? wrong() : ok(literal(value.toISOString().slice(0, 10)));
      return typeof value === "string" && isCalendarDate(value) ? ok(literal(value)) : wrong();
    case "time":
      return typeof value === "string" && TIME.test(value) ? ok(literal(value)) : wrong();
    case "timestamp":
    case "timestamptz":
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? wrong() : ok(literal(value.toISOString()));
      return typeof value === "string" && TIMESTAMP.test(value) && isCalendarDate(value.slice(0, 10)) ? ok(literal(value)) : wrong();
    case "uuid":
      return typeof value === "string" && UUID.test(value) ? ok(literal(value.toLowerCase())) : wrong();
    case "json":
    case "jsonb": {
      const json = canonicalJsonValue(value);
      return json === undefined ? wrong() : ok(literal(json));
    }
    case "bytea":
      if (value instanceof Uint8Array) return ok(literal(Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex")));
      return typeof value === "string" && HEX.test(value) ? ok(literal(value.toLowerCase())) : wrong();
    default:
      return wrong();
  }
}

/** The words a float or numeric default that is not finite is kept as. */
export const NON_FINITE_WORDS: readonly string[] = ["NaN", "Infinity", "-Infinity"];

/** `"NaN"`, `"Infinity"` or `"-Infinity"` for such a number or word, else undefined. */
function nonFiniteWord(value: unknown): string | undefined {
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : value === Infinity ? "Infinity" : value === -Infinity ? "-Infinity" : undefined;
  return typeof value === "string" && NON_FINITE_WORDS.includes(value) ? value : undefined;
}

/** True for a literal default that is a float or numeric value that is not finite. */
export function isNonFiniteDefault(value: ColumnDefault | null | undefined, type: ColumnTypeSpec): boolean {
  return value?.kind === "value" && (type.type === "real" || type.type === "doublePrecision" || type.type === "numeric") &&
    typeof value.value === "string" && NON_FINITE_WORDS.includes(value.value);
}

/** `"2.5"` with scale 2 → `"2.50"`: decimals in the form the database stores them. */
function padFraction(decimal: string, scale: number): string {
  const [whole, fraction = ""] = decimal.split(".");
  return scale === 0 ? (whole ?? decimal) : `${whole}.${fraction.padEnd(scale, "0")}`;
}

function integerOf(value: unknown, allowString: boolean): bigint | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) ? BigInt(value) : undefined;
  if (typeof value === "bigint") return value;
  if (allowString && typeof value === "string" && /^-?\d+$/.test(value)) return BigInt(value);
  return undefined;
}

function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "bigint") return `${value}n`;
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? "invalid" : value.toISOString()})`;
  if (value === undefined) return "undefined";
  if (typeof value === "object" && value !== null) return Array.isArray(value) ? "an array" : "an object";
  return String(value);
}

function literal(value: JsonValue): ColumnDefault {
  return Object.freeze({ kind: "value", value });
}

function ok<T>(value: T): SchemaResolution<T> {
  return { ok: true, value: value === null || Object.isFrozen(value) ? value : Object.freeze(value) };
}

function fail(problem: string): { readonly ok: false; readonly problem: string } {
  return { ok: false, problem };
}
