import { MigError } from "../errors/mig-error";

/** Lines of generated code aim to stay within this many characters. */
export const LINE_WIDTH = 100;

/**
 * Characters JSON.stringify leaves as they are but a reviewer could not see, or that end a line
 * in some editors: C1 controls, soft hyphen, bidi marks and overrides ("trojan source"),
 * zero-width characters, the line and paragraph separators, the BOM.
 */
const INVISIBLE = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

/**
 * A double-quoted JS string literal for any string: quotes, backslashes and control characters
 * escaped by JSON.stringify (lone surrogates too), invisible characters as `\uXXXX`. In a
 * double-quoted string `${` and backticks are plain characters.
 *
 * @example
 * ```ts
 * printString('say "hi"\n'); // "\"say \\\"hi\\\"\\n\""
 * ```
 */
export function printString(value: string): string {
  return JSON.stringify(value).replace(INVISIBLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** An object key: bare when it is a plain identifier, quoted otherwise. */
export function printKey(key: string): string {
  // `__proto__: x` and `"__proto__": x` set the prototype; only a computed key makes a property.
  if (key === "__proto__") return '["__proto__"]';
  return IDENTIFIER.test(key) ? key : printString(key);
}

export interface PrintOptions {
  /** The indentation of the line the literal starts on. */
  readonly indent?: string;
  /** Characters already on that line before the literal, plus any after it (`);`). */
  readonly taken?: number;
  /** Always put the outermost object or array on several lines. */
  readonly breakOuter?: boolean;
}

/**
 * Prints plain data (strings, finite numbers, booleans, null, arrays, plain objects; properties
 * set to `undefined` are left out) as a TypeScript literal, formatted for review: 2-space indent,
 * trailing commas, an object or array on one line when it fits in {@link LINE_WIDTH} and holds
 * no list of several objects. Keys keep their order. The same value always prints the same.
 */
export function printLiteral(value: unknown, options: PrintOptions = {}): string {
  return print(value, options.indent ?? "", options.taken ?? 0, options.breakOuter ?? false);
}

function print(value: unknown, indent: string, taken: number, forceBreak: boolean): string {
  if (typeof value !== "object" || value === null) return printScalar(value);
  const entries = Array.isArray(value) ? null : entriesOf(value);
  const inline = printInline(value);
  if (!forceBreak && !mustBreak(value) && indent.length + taken + inline.length <= LINE_WIDTH) return inline;
  const inner = `${indent}  `;
  if (entries === null) {
    const items = (value as readonly unknown[]).map((item) => `${inner}${print(item, inner, 1, false)},`);
    return items.length === 0 ? "[]" : `[\n${items.join("\n")}\n${indent}]`;
  }
  const lines = entries.map(([key, item]) => {
    const printedKey = `${printKey(key)}: `;
    return `${inner}${printedKey}${print(item, inner, printedKey.length + 1, false)},`;
  });
  return lines.length === 0 ? "{}" : `{\n${lines.join("\n")}\n${indent}}`;
}

function printInline(value: unknown): string {
  if (typeof value !== "object" || value === null) return printScalar(value);
  if (Array.isArray(value)) return `[${value.map(printInline).join(", ")}]`;
  const entries = entriesOf(value);
  return entries.length === 0 ? "{}" : `{ ${entries.map(([key, item]) => `${printKey(key)}: ${printInline(item)}`).join(", ")} }`;
}

/** A list of two or more objects reads better one per line, and so does everything holding one. */
function mustBreak(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) {
    const objects = value.filter((item) => typeof item === "object" && item !== null && !Array.isArray(item)).length;
    return objects >= 2 || value.some(mustBreak);
  }
  return entriesOf(value).some(([, item]) => mustBreak(item));
}

function entriesOf(value: object): [string, unknown][] {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new MigError("MIG_E_INTERNAL", `Cannot write a ${value.constructor?.name ?? "non-plain object"} into a migration file`);
  }
  return Object.entries(value).filter(([, item]) => item !== undefined);
}

function printScalar(value: unknown): string {
  switch (typeof value) {
    case "string":
      return printString(value);
    case "boolean":
      return String(value);
    case "number":
      if (!Number.isFinite(value)) throw new MigError("MIG_E_INTERNAL", `Cannot write the number ${value} into a migration file`);
      return Object.is(value, -0) ? "-0" : String(value);
    default:
      if (value === null) return "null";
      throw new MigError("MIG_E_INTERNAL", `Cannot write a value of type ${typeof value} into a migration file`);
  }
}
