/**
 * Tiny assertions for the conformance kit. The kit runs inside any test runner (it does not import
 * one), so it reports failures by throwing `ConformanceFailure` with a message that says what the
 * dialect did wrong.
 */
export class ConformanceFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConformanceFailure";
  }
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceFailure(message);
}

/** Structural equality through JSON (key order does not matter for plain objects). */
export function checkEqual<T>(actual: T, expected: T, message: string): void {
  const a = stableJson(actual);
  const e = stableJson(expected);
  if (a !== e) throw new ConformanceFailure(`${message}\n  expected: ${e}\n  actual:   ${a}`);
}

/** Fails unless `fn` rejects. */
export async function checkRejects(fn: () => Promise<unknown>, message: string): Promise<void> {
  let rejected = false;
  try {
    await fn();
  } catch {
    rejected = true;
  }
  check(rejected, message);
}

/**
 * Whether a value read back from a database equals the expected one, whatever the driver's
 * representation: numbers and numeric strings compare as numbers (`"12.50"` = 12.5, bigint = number),
 * booleans as 1/0, dates as ISO strings, JSON text as its parsed value.
 */
export function looselyEqual(actual: unknown, expected: unknown): boolean {
  const a = plain(actual);
  const e = plain(expected);
  if (a === e) return true;
  if (a === null || e === null) return false;
  if (typeof e === "object" || typeof a === "object") {
    return stableJson(parseJson(a)) === stableJson(parseJson(e));
  }
  const an = Number(a);
  const en = Number(e);
  if (String(a).trim() !== "" && String(e).trim() !== "" && Number.isFinite(an) && Number.isFinite(en)) return an === en;
  return String(a) === String(e);
}

function plain(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("hex");
  return value;
}

function parseJson(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === "bigint") return `${v}n`;
    if (v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
    }
    return v;
  });
}
