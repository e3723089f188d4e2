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
  let printed = STRINGS.get(value);
  if (printed === undefined) {
    printed = PLAIN.test(value) ? `"${value}"` : JSON.stringify(value).replace(INVISIBLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
    if (STRINGS.size < 4096 && value.length <= 64) STRINGS.set(value, printed);
  }
  return printed;
}

/** Types, kinds and column names come up again and again. */
const STRINGS = new Map<string, string>();

/** Printable ASCII but `"` and `\\`: written as is (the fast path for most names). */
const PLAIN = /^[ !#-[\]-~]*$/;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** An object key: bare when it is a plain identifier, quoted otherwise. */
export function printKey(key: string): string {
  // `__proto__: x` and `"__proto__": x` set the prototype; only a computed key makes a property.
  if (key === "__proto__") return '["__proto__"]';
  return IDENTIFIER.test(key) ? key : printString(key);
}

/** The same few keys (`name`, `type`, ...) come up again and again. */
const KEYS = new Map<string, string>();

function cachedKey(key: string): string {
  let printed = KEYS.get(key);
  if (printed === undefined) {
    printed = printKey(key);
    if (KEYS.size < 1000) KEYS.set(key, printed);
  }
  return printed;
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
 * Linear in the output: a subtree is only ever tried on one line within a line's budget.
 */
export function printLiteral(value: unknown, options: PrintOptions = {}): string {
  const out: string[] = [];
  render(value, options.indent ?? "", options.taken ?? 0, options.breakOuter ?? false, out);
  return out.join("");
}

function render(value: unknown, indent: string, taken: number, forceBreak: boolean, out: string[]): void {
  if (typeof value !== "object" || value === null) {
    out.push(printScalar(value));
    return;
  }
  if (!forceBreak) {
    const text = printInline(value, LINE_WIDTH - indent.length - taken);
    if (text !== undefined) {
      out.push(text);
      return;
    }
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return void out.push("[]");
    out.push("[");
    for (let i = 0; i < value.length; i++) {
      out.push("\n", inner);
      render(value[i], inner, 1, false, out);
      out.push(",");
    }
    out.push("\n", indent, "]");
    return;
  }
  const record = plainObject(value);
  let empty = true;
  out.push("{");
  const keys = Object.keys(record);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const item = record[key];
    if (item === undefined) continue;
    const printedKey = cachedKey(key);
    out.push("\n", inner, printedKey, ": ");
    render(item, inner, printedKey.length + 3, false, out);
    out.push(",");
    empty = false;
  }
  out.push(empty ? "}" : `\n${indent}}`);
}

/**
 * The one-line text of `value` if it is at most `budget` characters and holds no list of several
 * objects (those read better one per line); otherwise `undefined`. Gives up as soon as the budget
 * is spent, so trying costs at most a line's worth of work.
 */
function printInline(value: unknown, budget: number): string | undefined {
  if (typeof value !== "object" || value === null) {
    const text = typeof value === "string" ? printString(value) : printScalar(value);
    return text.length <= budget ? text : undefined;
  }
  if (Array.isArray(value)) {
    let objects = 0;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === "object" && item !== null && !Array.isArray(item) && ++objects >= 2) return undefined;
    }
    let text = "[";
    for (let i = 0; i < value.length; i++) {
      const part = printInline(value[i], budget - text.length - 3);
      if (part === undefined) return undefined;
      text += i === 0 ? part : `, ${part}`;
    }
    text += "]";
    return text.length <= budget ? text : undefined;
  }
  const record = plainObject(value);
  const keys = Object.keys(record);
  let text = "{";
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const item = record[key];
    if (item === undefined) continue;
    const printedKey = cachedKey(key);
    const room = budget - text.length - printedKey.length - 6;
    // Strings inline: most values are names and types.
    const part = typeof item === "string" ? fit(printString(item), room) : printInline(item, room);
    if (part === undefined) return undefined;
    text += `${text.length === 1 ? " " : ", "}${printedKey}: ${part}`;
  }
  text += text.length === 1 ? "}" : " }";
  return text.length <= budget ? text : undefined;
}

function fit(text: string, budget: number): string | undefined {
  return text.length <= budget ? text : undefined;
}

function plainObject(value: object): Readonly<Record<string, unknown>> {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new MigError("MIG_E_INTERNAL", `Cannot write a ${value.constructor?.name ?? "non-plain object"} into a migration file`);
  }
  return value as Readonly<Record<string, unknown>>;
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
