import type { ColumnEntity, JsonValue } from "@mig/core/dialect";

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/;

const fraction = (digits: string | undefined) => {
  const trimmed = (digits ?? "").slice(0, 6).replace(/0+$/, "");
  return trimmed ? `.${trimmed}` : "";
};

/** Offset `+01`, `-05:30`, `+0530` or `Z` in minutes east of UTC. */
function offsetMinutes(zone: string): number {
  if (/^z$/i.test(zone)) return 0;
  const digits = zone.replace(":", "");
  const sign = digits.startsWith("-") ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || 0));
}

/**
 * A timestamp as PostgreSQL prints it (ISO DateStyle): `timestamp` drops any zone
 * (PostgreSQL ignores it for that type); `timestamptz` is moved to UTC and written with `+00`,
 * whatever the session's TimeZone was. A value without a zone is read as UTC.
 */
function canonicalTimestamp(value: string, withZone: boolean): string {
  const m = TIMESTAMP.exec(value.trim());
  if (!m) return value;
  const [, date, hh = "00", mm = "00", ss = "00", frac, zone] = m;
  if (!withZone) return `${date} ${hh}:${mm}:${ss}${fraction(frac)}`;
  const utc = new Date(`${date}T${hh}:${mm}:${ss}Z`).getTime() - offsetMinutes(zone ?? "Z") * 60_000;
  if (Number.isNaN(utc)) return value;
  const iso = new Date(utc).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction(frac)}+00`;
}

function sortedJson(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(sortedJson);
  if (value !== null && typeof value === "object") {
    const object = value as { readonly [key: string]: JsonValue };
    return Object.fromEntries(Object.keys(object).sort().map((key) => [key, sortedJson(object[key]!)]));
  }
  return value;
}

/** A numeric literal written with the column's scale, as PostgreSQL stores it (`12.5` in NUMERIC(5,2) → `12.50`). */
function withScale(value: string, scale: number | undefined): string {
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(value.trim());
  if (!match || scale === undefined) return value;
  const digits = match[3] ?? "";
  if (digits.length > scale) return value;
  const whole = `${match[1]}${match[2]!.replace(/^0+(?=\d)/, "")}`;
  return scale === 0 ? whole : `${whole}.${digits.padEnd(scale, "0")}`;
}

/**
 * A literal default value in the one form both sides of a comparison use: what PostgreSQL prints
 * for it. Limits: a `real` keeps the digits it was given (PostgreSQL rounds to 6 significant
 * digits); a timestamptz without a zone is taken as UTC.
 */
export function canonicalValue(value: JsonValue, column: Pick<ColumnEntity, "type" | "scale">): JsonValue {
  if (column.type === "json" || column.type === "jsonb") return sortedJson(value);
  if (typeof value !== "string") return value;
  switch (column.type) {
    case "numeric":
      return withScale(value, column.scale);
    case "timestamp":
      return canonicalTimestamp(value, false);
    case "timestamptz":
      return canonicalTimestamp(value, true);
    case "time": {
      const m = TIME.exec(value.trim());
      return m ? `${m[1]}:${m[2]}:${m[3] ?? "00"}${fraction(m[4])}` : value;
    }
    case "uuid":
      return value.toLowerCase();
    default:
      return value;
  }
}
