import { argumentError, describe, isPlainObject, readJson, type Fields } from "./read-arguments";

/*
 * The building blocks of the migration-file format (call-formats.ts). A codec describes one value
 * of a file once; the reader, the fast loadability check and the writer are derived from it, so
 * they cannot disagree.
 */

/**
 * One value of a migration file. `context` is what an entity takes from the call around it (the
 * table it belongs to).
 */
export interface Codec<T> {
  /** Checks a literal and copies it (frozen); `MIG_E_MIGRATION_FILE` naming the field at `path`. */
  read(literal: unknown, path: string, context?: unknown): T;
  /** Fast, no copies: `true` only when `read` surely succeeds. */
  accepts(literal: unknown): boolean;
  /** The literal a file holds for `value`. */
  write(value: T): unknown;
}

/** A codec whose value is written as it is read (names, numbers, choices). */
function leaf<T>(check: (literal: unknown) => string | undefined): Codec<T> {
  return {
    read(literal, path) {
      const problem = check(literal);
      if (problem !== undefined) throw argumentError(path, problem);
      return literal as T;
    },
    accepts: (literal) => check(literal) === undefined,
    write: (value) => value,
  };
}

const isName = (value: unknown): value is string => typeof value === "string" && value !== "";

/** A non-empty string. */
export const NAME: Codec<string> = leaf((value) => (isName(value) ? undefined : `expected a non-empty string, got ${describe(value)}`));

/** SQL text: a string with more than blanks. */
export const SQL: Codec<string> = leaf((value) =>
  typeof value !== "string" ? `expected a string, got ${describe(value)}` : value.trim() === "" ? "expected SQL text, got an empty string" : undefined);

export const BOOLEAN: Codec<boolean> = leaf((value) => (typeof value === "boolean" ? undefined : `expected true or false, got ${describe(value)}`));

/** A safe integer, at least `min`. */
export function integer(min: number): Codec<number> {
  return leaf((value) => (typeof value === "number" && Number.isSafeInteger(value) && value >= min ? undefined : `expected an integer >= ${min}, got ${describe(value)}`));
}

/** One of `choices`. */
export function choice<T extends string>(choices: readonly T[]): Codec<T> {
  const known: ReadonlySet<unknown> = new Set(choices);
  return leaf((value) => (known.has(value) ? undefined : `expected one of ${choices.map((c) => JSON.stringify(c)).join(", ")}, got ${describe(value)}`));
}

/** A non-empty list of distinct names (column names). */
export const NAMES: Codec<readonly string[]> = {
  read(literal, path) {
    if (!Array.isArray(literal) || literal.length === 0) throw argumentError(path, `expected a non-empty array of names, got ${describe(literal)}`);
    // Index loops, not map: a hole in the list is read as `undefined` (and refused), never kept.
    const names: string[] = [];
    for (let index = 0; index < literal.length; index++) names.push(NAME.read(literal[index], `${path}[${index}]`));
    const duplicate = names.find((name, index) => names.indexOf(name) !== index);
    if (duplicate !== undefined) throw argumentError(path, `${JSON.stringify(duplicate)} is listed twice`);
    return Object.freeze(names);
  },
  accepts(literal) {
    if (!Array.isArray(literal) || literal.length === 0) return false;
    for (let i = 0; i < literal.length; i++) {
      const name: unknown = literal[i];
      if (!isName(name)) return false;
      for (let j = 0; j < i; j++) if (literal[j] === name) return false;
    }
    return true;
  },
  write: (value) => value,
};

/** Any JSON value (finite numbers, plain objects and arrays only): a backfill, a default's value. */
export const JSON_VALUE: Codec<import("../snapshot/types").JsonValue> = {
  read: (literal, path) => readJson(literal, path),
  accepts: isJson,
  write: (value) => value,
};

function isJson(value: unknown): boolean {
  if (value === null || typeof value === "boolean" || typeof value === "string") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!isJson(value[i])) return false;
    return true;
  }
  if (!isPlainObject(value)) return false;
  for (const key of Object.keys(value)) if (!isJson(value[key])) return false;
  return true;
}

/** A list (each item read with the same context). */
export function list<T>(item: Codec<T>): Codec<readonly T[]> {
  return {
    read(literal, path, context) {
      if (!Array.isArray(literal)) throw argumentError(path, `expected an array, got ${describe(literal)}`);
      const items: T[] = [];
      for (let index = 0; index < literal.length; index++) items.push(item.read(literal[index], `${path}[${index}]`, context));
      return Object.freeze(items);
    },
    accepts(literal) {
      if (!Array.isArray(literal)) return false;
      for (let i = 0; i < literal.length; i++) if (!item.accepts(literal[i])) return false;
      return true;
    },
    write: (value) => value.map((entry) => item.write(entry)),
  };
}

/** A record of names to values (a rebuild's column map and backfill). */
export function record<T>(item: Codec<T>): Codec<Readonly<Record<string, T>>> {
  return {
    read(literal, path, context) {
      if (!isPlainObject(literal)) throw argumentError(path, `expected an object, got ${describe(literal)}`);
      // fromEntries defines own properties, so a "__proto__" key stays a key.
      return Object.freeze(Object.fromEntries(Object.entries(literal).map(([key, value]) => [key, item.read(value, `${path}.${key}`, context)])));
    },
    accepts(literal) {
      if (!isPlainObject(literal)) return false;
      for (const key of Object.keys(literal)) if (!item.accepts(literal[key])) return false;
      return true;
    },
    write: (value) => Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, item.write(entry)])),
  };
}

/**
 * A field of an object literal. Absent (or `undefined`): `fallback` when there is one, else the
 * field is left out of the value (`optional`) or refused (`required`). Written unless `omit`
 * says the value is the documented default.
 */
export interface Field<T> {
  readonly codec: Codec<T>;
  readonly absent: "required" | "optional" | "fallback";
  readonly fallback?: T;
  omit?(value: T): boolean;
}

export const required = <T>(codec: Codec<T>): Field<T> => ({ codec, absent: "required" });
export const optional = <T>(codec: Codec<T>): Field<T> => ({ codec, absent: "optional" });
/** Absent means `fallback`; written only when it differs, unless `always` (FK actions are always written). */
export function withDefault<T>(codec: Codec<T>, fallback: T, always = false): Field<T> {
  return { codec, absent: "fallback", fallback, ...(always ? {} : { omit: (value: T) => value === fallback }) };
}
/** A list that may be left out when empty (and is, when written). */
export const optionalList = <T>(item: Codec<T>): Field<readonly T[]> => ({ codec: list(item), absent: "fallback", fallback: Object.freeze([]), omit: (value) => value.length === 0 });

export type Fields_<T> = { readonly [K in keyof T]-?: Field<T[K]> };

/** A rule across fields: the problem (`at`: the field it is reported on) or `undefined`. Runs on read values and on literals alike. */
export type Rule = (value: Fields) => { readonly at: string; readonly message: string } | undefined;

export interface ObjectOptions {
  readonly rules?: readonly Rule[];
  /** The field whose value is the context of the fields after it (a table's `name`). */
  readonly context?: string;
}

/** An object literal with exactly these fields (an unknown key is an error: a typo like `nulable` is never ignored). */
export function object<T extends object>(fields: Fields_<T>, options: ObjectOptions = {}): Codec<T> & { readonly fields: Fields_<T> } {
  // Names and fields side by side, walked by index: every column of every table read, checked
  // or written goes through these loops (an iterator of entries cost more than their bodies).
  const names = Object.keys(fields);
  const list = Object.values(fields) as Field<unknown>[];
  const keys: ReadonlySet<string> = new Set(names);
  const rules = options.rules ?? [];
  return {
    fields,
    read(literal, path, context) {
      if (!isPlainObject(literal)) throw argumentError(path, `expected an object, got ${describe(literal)}`);
      for (const key of Object.keys(literal)) {
        if (!keys.has(key)) throw argumentError(path, `unknown property ${JSON.stringify(key)} (expected ${[...keys].join(", ")})`);
      }
      const value: Record<string, unknown> = {};
      let inner = context;
      for (let i = 0; i < names.length; i++) {
        const key = names[i] as string;
        const field = list[i] as Field<unknown>;
        const given = literal[key];
        if (given === undefined && field.absent !== "required") {
          if (field.absent === "fallback") value[key] = field.fallback;
        } else {
          value[key] = field.codec.read(given, `${path}.${key}`, inner);
        }
        if (key === options.context) inner = value[key];
      }
      for (let i = 0; i < rules.length; i++) {
        const problem = (rules[i] as Rule)(value);
        if (problem !== undefined) throw argumentError(`${path}.${problem.at}`, problem.message);
      }
      return Object.freeze(value) as T;
    },
    accepts(literal) {
      if (!isPlainObject(literal)) return false;
      for (const key in literal) if (!keys.has(key)) return false;
      for (let i = 0; i < names.length; i++) {
        const field = list[i] as Field<unknown>;
        const given = literal[names[i] as string];
        if (given === undefined ? field.absent === "required" : !field.codec.accepts(given)) return false;
      }
      for (let i = 0; i < rules.length; i++) if ((rules[i] as Rule)(literal) !== undefined) return false;
      return true;
    },
    write(value) {
      // Assignments, not spreads: this runs for every column of every table written.
      const literal: Record<string, unknown> = {};
      const source = value as Record<string, unknown>;
      for (let i = 0; i < names.length; i++) {
        const key = names[i] as string;
        const field = list[i] as Field<unknown>;
        const item = source[key];
        if (item === undefined || (field.omit !== undefined && field.omit(item))) continue;
        literal[key] = field.codec.write(item);
      }
      return literal;
    },
  };
}

/** A codec whose value is built from another's (`to` after reading, `from` before writing). */
export function mapped<L, T>(inner: Codec<L>, to: (value: L, context: unknown) => T, from: (value: T) => L): Codec<T> {
  return {
    read: (literal, path, context) => to(inner.read(literal, path, context), context),
    accepts: (literal) => inner.accepts(literal),
    write: (value) => inner.write(from(value)),
  };
}

/** One of several object shapes, told apart by `key` (a column default's `kind`). */
export function union<T extends object>(key: string, shapes: Readonly<Record<string, Codec<T>>>): Codec<T> {
  const kinds = choice(Object.keys(shapes));
  return {
    read(literal, path, context) {
      if (!isPlainObject(literal)) throw argumentError(path, `expected an object, got ${describe(literal)}`);
      const kind = kinds.read(literal[key], `${path}.${key}`);
      return (shapes[kind] as Codec<T>).read(literal, path, context);
    },
    accepts: (literal) => isPlainObject(literal) && kinds.accepts(literal[key]) && (shapes[literal[key] as string] as Codec<T>).accepts(literal),
    write: (value) => (shapes[(value as Record<string, string>)[key] as string] as Codec<T>).write(value),
  };
}

/** `null` or a value of `inner`. */
export function nullable<T>(inner: Codec<T>): Codec<T | null> {
  return {
    read: (literal, path, context) => (literal === null ? null : inner.read(literal, path, context)),
    accepts: (literal) => literal === null || inner.accepts(literal),
    write: (value) => (value === null ? null : inner.write(value)),
  };
}
