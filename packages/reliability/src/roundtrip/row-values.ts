import type { JsonValue, TypeName } from "@mig/core";
import type { ColumnTypeSpec } from "@mig/core/dialect";
import { ENUM_LABELS } from "./dialect-profile";
import { comparableInterval } from "./interval-values";

/**
 * The values of generated rows, and the one comparable form of a value read back from any of the
 * three drivers. Row `i` (1-based) of every table has primary key `i`; each column's value is a
 * function of its kind, its salt and `i`, distinct within a column (so any unique constraint
 * holds) and unchanged by every type change the profiles allow.
 */
export type ValueKind =
  | "int" | "digits" | "fk" | "string" | "float" | "numeric" | "boolean" | "date" | "timestamp" | "time" | "uuid" | "json" | "bytea"
  | "char" | "enum" | "array" | "interval";

const INT_TYPES: ReadonlySet<TypeName> = new Set(["smallint", "integer", "bigint", "serial", "bigserial"]);
const STRING_TYPES: ReadonlySet<TypeName> = new Set(["varchar", "text"]);

export function isIntType(type: TypeName): boolean {
  return INT_TYPES.has(type);
}

export function isStringType(type: TypeName): boolean {
  return STRING_TYPES.has(type);
}

/** The kind of values a column holds, given every type it has in A and B (and whether it is a foreign key in either). */
export function valueKind(types: readonly TypeName[], foreignKey: boolean): ValueKind {
  if (foreignKey) return "fk";
  const ints = types.some(isIntType);
  const strings = types.some(isStringType);
  if (ints && strings) return "digits";
  if (ints) return "int";
  if (strings) return "string";
  const type = types[0]!;
  if (type === "real" || type === "doublePrecision") return "float";
  if (type === "timestamptz") return "timestamp";
  if (type === "jsonb") return "json";
  return type as ValueKind;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Strings that must survive as data: quotes, backslashes, semicolons, comment markers, unicode. */
const STRING_SHAPES = [
  (s: number, i: number) => `v${s}_${i}`,
  (s: number, i: number) => `O'Brien "${s}" ${i}`,
  (s: number, i: number) => `a;--${s}\\${i}`,
  (s: number, i: number) => `ü日${s}😀${i}`,
  (s: number, i: number) => `\`x\`${s}'); ${i}`,
];

/**
 * Elements of text arrays that must survive as data: the separators and quotes of PostgreSQL's
 * array literal (`,`, `{}`, `"`, a backslash), the word NULL as a string, JSON's quotes, unicode.
 */
const ARRAY_TEXTS = ["a,b", 'q"x', "{}", "NULL", "back\\slash", "it's", "ü日😀", " padded "];

/**
 * The value row `i` gets in an array column: empty in some rows, a NULL element in others. The
 * value written, not its storage: `writtenValue` (stored-values.ts) makes it the parameter the
 * dialect's storage takes.
 */
function arrayValue(element: ColumnTypeSpec | undefined, salt: number, i: number): JsonValue[] {
  if (i % 4 === 2) return [];
  if (element !== undefined && isIntType(element.type)) return i % 4 === 1 ? [salt, i, null, -i] : [salt * 100 + i];
  return [ARRAY_TEXTS[(salt + i) % ARRAY_TEXTS.length]!, `e${salt}_${i}`, ...(i % 4 === 1 ? [null] : [])];
}

/** The value row `i` gets in a column, before its storage (see `writtenValue`), for a column of type `spec`. */
export function rowValue(kind: ValueKind, spec: ColumnTypeSpec, salt: number, i: number): unknown {
  const type = spec.type;
  switch (kind) {
    case "fk": return i;
    case "int": return salt * 100 + i;
    case "digits": return isIntType(type) ? salt * 100 + i : String(salt * 100 + i);
    case "string": return STRING_SHAPES[salt % STRING_SHAPES.length]!(salt, i);
    case "float": return salt + i + 0.5;
    case "numeric": return `${salt * 100 + i}.25`;
    case "boolean": return i % 2 === 0;
    case "date": return `${2000 + (salt % 50)}-03-${pad(i)}`;
    case "timestamp": return new Date(Date.UTC(2000 + (salt % 50), 2, 4, 5, 6, i));
    case "time": return `${pad(salt % 24)}:07:${pad(i)}`;
    case "uuid": return `00000000-0000-4000-8000-${pad(salt * 1000 + i, 12)}`;
    case "json": return JSON.stringify({ i, s: `x'y"z${salt}`, list: [salt, true, null] });
    case "bytea": return Buffer.from([salt % 256, i, 0, 255, 39]);
    // Exactly 8 characters: no database pads or trims them.
    case "char": return `c${pad(salt % 1000, 3)}_${pad(i, 3)}`;
    case "enum": return ENUM_LABELS[i % ENUM_LABELS.length];
    case "array": return arrayValue(spec.element, salt, i);
    // ISO 8601, which PostgreSQL reads; days and hours are kept apart (an interval is not normalised).
    case "interval": return `P${salt % 40}DT${i}H${salt % 60}M`;
  }
}

/** A default value (`.default(v)`) of a column of this type, or undefined when the generator gives none. */
export function defaultValue(type: ColumnTypeSpec, salt: number): JsonValue | undefined {
  switch (type.type) {
    case "smallint": case "integer": case "bigint": return salt;
    case "varchar": case "text": return `d'${salt}"`;
    case "boolean": return salt % 2 === 0;
    case "numeric": return `${salt}.50`;
    case "real": case "doublePrecision": return salt + 0.5;
    case "date": return "2001-02-03";
    case "time": return "01:02:03";
    case "char": return `d${pad(salt % 10000000, 7)}`;
    case "enum": return type.values?.[0];
    default: return undefined;
  }
}

/** A value for a `--backfill`, as text, and the value rows get. Outside the row values' range (so unique constraints hold). */
export function backfillText(type: ColumnTypeSpec): string | undefined {
  switch (type.type) {
    case "smallint": case "integer": case "bigint": return "31999";
    case "varchar": case "text": return "filled in";
    case "boolean": return "true";
    case "numeric": return "77.75";
    case "real": case "doublePrecision": return "7.5";
    case "date": return "1999-12-31";
    default: return undefined;
  }
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function isoSeconds(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 19);
  const text = String(value).trim().replace(" ", "T");
  const zoned = /(Z|[+-]\d\d(:?\d\d)?)$/.test(text);
  const parsed = new Date(zoned ? text : `${text}Z`);
  return Number.isNaN(parsed.getTime()) ? text : parsed.toISOString().slice(0, 19);
}

/**
 * One comparable string for a value in a column of type `type`, whichever driver read it (or
 * whichever parameter wrote it): numbers by value, booleans as true/false, dates and timestamps
 * in UTC to the second, JSON with sorted keys, bytes as hex. `null` stays `null`.
 */
export function comparable(value: unknown, type: TypeName): string | null {
  if (value === null || value === undefined) return null;
  if (isIntType(type) || type === "real" || type === "doublePrecision" || type === "numeric") {
    const n = typeof value === "bigint" ? Number(value) : Number(value);
    return Number.isFinite(n) ? String(n) : String(value);
  }
  switch (type) {
    case "boolean":
      return String(value === true || value === 1 || value === 1n || value === "1" || value === "t" || value === "true");
    case "date":
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
    case "timestamp":
    case "timestamptz":
      return isoSeconds(value);
    case "time":
      return String(value).slice(0, 8);
    case "uuid":
      return String(value).toLowerCase();
    // CHAR(n) pads with spaces on PostgreSQL (and strips them on MySQL): trailing spaces do not count.
    case "char":
      return String(value).trimEnd();
    case "json":
    case "jsonb":
    // A native array is read as a JavaScript array, one stored as JSON as its text: one form for both.
    case "array":
      return stableJson(typeof value === "string" ? JSON.parse(value) : value);
    case "interval":
      return comparableInterval(value);
    case "bytea":
      return value instanceof Uint8Array ? Buffer.from(value).toString("hex") : String(value);
    default:
      return value instanceof Date ? isoSeconds(value) : String(value);
  }
}
