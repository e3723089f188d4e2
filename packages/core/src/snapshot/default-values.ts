import type { JsonValue } from "./types";

/**
 * A finite number as a plain decimal string, exactly as JavaScript prints it but never in
 * exponent form: `1e21` → `"1000000000000000000000"`, `1.5e-7` → `"0.00000015"`, `-0` → `"0"`.
 */
export function decimalString(value: number): string {
  if (Object.is(value, -0)) return "0";
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, whole = "", fraction = "", exponentText = "0"] = match;
  const exponent = Number(exponentText);
  const digits = whole + fraction;
  const point = whole.length + exponent;
  let result: string;
  if (point <= 0) result = `0.${"0".repeat(-point)}${digits}`;
  else if (point >= digits.length) result = digits + "0".repeat(point - digits.length);
  else result = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return sign + result;
}

/**
 * A deep, frozen copy of a JSON value with object keys sorted and `-0` as `0`, or `undefined`
 * when the value is not JSON (functions, `undefined`, non-finite numbers, bigints, class instances).
 */
export function canonicalJsonValue(value: unknown): JsonValue | undefined {
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? (value === 0 ? 0 : value) : undefined;
  if (Array.isArray(value)) {
    const items: JsonValue[] = [];
    for (const item of value) {
      const copy = canonicalJsonValue(item);
      if (copy === undefined) return undefined;
      items.push(copy);
    }
    return Object.freeze(items);
  }
  if (typeof value === "object" && isPlainObject(value)) {
    const entries: [string, JsonValue][] = [];
    for (const key of Object.keys(value).sort(byCodeUnit)) {
      const copy = canonicalJsonValue((value as Record<string, unknown>)[key]);
      if (copy === undefined) return undefined;
      entries.push([key, copy]);
    }
    // fromEntries defines own properties, so a "__proto__" key stays a key.
    return Object.freeze(Object.fromEntries(entries));
  }
  return undefined;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
