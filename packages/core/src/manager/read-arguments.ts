import { MigError } from "../errors/mig-error";
import type { JsonValue } from "../snapshot/types";

/*
 * Small readers that check a manager argument field by field and copy it. Every failure is a
 * `MIG_E_MIGRATION_FILE` error naming the path of the field (`addTable.columns[1].type`).
 */

export type Fields = Readonly<Record<string, unknown>>;

export function argumentError(path: string, message: string): MigError {
  return new MigError("MIG_E_MIGRATION_FILE", `${path}: ${message}`, { meta: { path } });
}

export function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : String(value);
}

export function isPlainObject(value: unknown): value is Fields {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A plain object with only `allowed` keys (a typo like `nulable` is an error, not ignored). */
export function readObject(value: unknown, path: string, allowed: readonly string[] | ReadonlySet<string>): Fields {
  if (!isPlainObject(value)) throw argumentError(path, `expected an object, got ${describe(value)}`);
  // A short list is searched as it is (no set made for every argument read).
  const known = allowed instanceof Set ? allowed : undefined;
  const list = allowed as readonly string[];
  for (const key of Object.keys(value)) {
    if (known ? !known.has(key) : !list.includes(key)) {
      throw argumentError(path, `unknown property ${JSON.stringify(key)} (expected ${[...new Set(allowed)].join(", ")})`);
    }
  }
  return value;
}

/** A non-empty string. */
export function readName(fields: Fields, key: string, path: string): string {
  const value = fields[key];
  if (typeof value !== "string" || value === "") {
    throw argumentError(`${path}.${key}`, `expected a non-empty string, got ${describe(value)}`);
  }
  return value;
}

/** A string (may be empty, as SQL text may not: callers check). */
export function readString(fields: Fields, key: string, path: string): string {
  const value = fields[key];
  if (typeof value !== "string") throw argumentError(`${path}.${key}`, `expected a string, got ${describe(value)}`);
  return value;
}

/** A non-empty list of distinct non-empty strings. */
export function readNames(fields: Fields, key: string, path: string): string[] {
  const value = fields[key];
  if (!Array.isArray(value) || value.length === 0) {
    throw argumentError(`${path}.${key}`, `expected a non-empty array of names, got ${describe(value)}`);
  }
  // Index loops, not map: a hole in the list is read as `undefined` (and refused), never kept.
  const names: string[] = [];
  for (let index = 0; index < value.length; index++) {
    const item: unknown = value[index];
    if (typeof item !== "string" || item === "") {
      throw argumentError(`${path}.${key}[${index}]`, `expected a non-empty string, got ${describe(item)}`);
    }
    names.push(item);
  }
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate !== undefined) throw argumentError(`${path}.${key}`, `${JSON.stringify(duplicate)} is listed twice`);
  return names;
}

/** One of `choices`, or `fallback` when absent. */
export function readChoice<T extends string>(fields: Fields, key: string, path: string, choices: readonly T[], fallback?: T): T {
  const value = fields[key];
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== "string" || !(choices as readonly string[]).includes(value)) {
    throw argumentError(`${path}.${key}`, `expected one of ${choices.map((c) => JSON.stringify(c)).join(", ")}, got ${describe(value)}`);
  }
  return value as T;
}

export function readBoolean(fields: Fields, key: string, path: string, fallback: boolean): boolean {
  const value = fields[key];
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") throw argumentError(`${path}.${key}`, `expected true or false, got ${describe(value)}`);
  return value;
}

/** A positive integer, or `undefined` when absent. `min` is the smallest allowed value. */
export function readInteger(fields: Fields, key: string, path: string, min: number): number | undefined {
  const value = fields[key];
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) {
    throw argumentError(`${path}.${key}`, `expected an integer >= ${min}, got ${describe(value)}`);
  }
  return value;
}

/** An array (absent = empty), each element read by `read`. */
export function readList<T>(fields: Fields, key: string, path: string, read: (item: unknown, path: string) => T): T[] {
  const value = fields[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw argumentError(`${path}.${key}`, `expected an array, got ${describe(value)}`);
  const list: T[] = [];
  for (let index = 0; index < value.length; index++) list.push(read(value[index], `${path}.${key}[${index}]`));
  return list;
}

/** A deep, frozen copy of a JSON value (finite numbers, plain objects and arrays only). */
export function readJson(value: unknown, path: string): JsonValue {
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw argumentError(path, `expected a finite number, got ${describe(value)}`);
    return value;
  }
  if (Array.isArray(value)) {
    const items: JsonValue[] = [];
    for (let index = 0; index < value.length; index++) items.push(readJson(value[index], `${path}[${index}]`));
    return Object.freeze(items);
  }
  if (isPlainObject(value)) {
    // fromEntries defines own properties, so a "__proto__" key stays a key.
    return Object.freeze(Object.fromEntries(Object.entries(value).map(([key, item]) => [key, readJson(item, `${path}.${key}`)])));
  }
  throw argumentError(path, `expected a JSON value, got ${describe(value)}`);
}

/** A record of strings to values read by `read`, copied with own properties only. */
export function readRecord<T>(value: unknown, path: string, read: (item: unknown, path: string) => T): Readonly<Record<string, T>> {
  if (!isPlainObject(value)) throw argumentError(path, `expected an object, got ${describe(value)}`);
  return Object.freeze(Object.fromEntries(Object.entries(value).map(([key, item]) => [key, read(item, `${path}.${key}`)])));
}
