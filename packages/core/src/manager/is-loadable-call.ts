import { ARRAY_ELEMENT_TYPES, FOREIGN_KEY_ACTIONS, INDEX_METHODS, TYPE_NAMES } from "../schema/types";
import { CONSENT_KEYS } from "../operations/operation";
import type { ManagerCall } from "./manager-calls";

/*
 * A fast, conservative form of the manager's argument checks (`callToOperation`, with the readers
 * of read-entities.ts and read-arguments.ts), for the serialiser, which checks every call it
 * writes. `true` only when the manager surely accepts the argument: the same rules on the shapes
 * `operationToCall` writes, with no copies, no paths, no freezing. `false` when it finds a problem
 * or a shape it does not handle (a method other than table, column, index and constraint calls;
 * a property set to `undefined`): the caller then runs `callToOperation` itself, which is exact
 * and names the problem.
 *
 * Keep it in step with the readers: a rule added there must be added here (or make this return
 * `false` for what it touches). is-loadable-call.test.ts checks that every argument this accepts
 * the manager accepts too, on valid arguments and on arguments broken field by field.
 */

type Fields = Readonly<Record<string, unknown>>;

const TYPES: ReadonlySet<unknown> = new Set(TYPE_NAMES);
const ELEMENT_TYPES: ReadonlySet<unknown> = new Set(ARRAY_ELEMENT_TYPES);
const METHODS: ReadonlySet<unknown> = new Set(INDEX_METHODS);
const ACTIONS: ReadonlySet<unknown> = new Set(FOREIGN_KEY_ACTIONS);

/**
 * Whether `callToOperation(call.method, call.argument)` surely succeeds. `false` means "not
 * proven", not "refused".
 *
 * @example
 * ```ts
 * const call = operationToCall(operation);
 * if (!isLoadableCall(call)) callToOperation(call.method, call.argument); // throws the exact error, if any
 * ```
 */
export function isLoadableCall(call: ManagerCall): boolean {
  const argument: unknown = call.argument;
  // A consent is checked by the exact reader (rare: only consented operations carry one).
  if (isPlain(argument) && CONSENT_KEYS.some((key) => key in argument)) return false;
  switch (call.method) {
    case "addTable":
    case "dropTable":
      return isTable(argument);
    case "addColumn":
      return isPlain(argument) && isName(argument.table) && isColumn(argument, true, ADD_COLUMN);
    case "dropColumn":
      return isPlain(argument) && isName(argument.table) && isColumn(argument, true, DROP_COLUMN);
    case "alterColumn":
      return isAlterColumn(argument);
    case "addIndex":
    case "dropIndex":
      return isPlain(argument) && isName(argument.table) && isIndex(argument, true);
    case "addConstraint":
    case "dropConstraint":
      return isConstraint(argument);
    default:
      return false;
  }
}

function isPlain(value: unknown): value is Fields {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** `readName`: a non-empty string. */
function isName(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}

/** `readNames`: a non-empty array of distinct non-empty strings. */
function isNames(value: unknown): value is readonly string[] {
  if (!Array.isArray(value) || value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const name: unknown = value[i];
    if (!isName(name)) return false;
    for (let j = 0; j < i; j++) if (value[j] === name) return false;
  }
  return true;
}

/** `readInteger`: absent, or a safe integer >= min. */
function isInteger(value: unknown, min: number): boolean {
  return value === undefined || (typeof value === "number" && Number.isSafeInteger(value) && value >= min);
}

/** `readJson`: finite numbers, strings, booleans, null, arrays and plain objects of those. */
function isJson(value: unknown): boolean {
  if (value === null || typeof value === "boolean" || typeof value === "string") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!isJson(value[i])) return false;
    return true;
  }
  if (!isPlain(value)) return false;
  for (const key of Object.keys(value)) if (!isJson(value[key])) return false;
  return true;
}

/** `readDefault` (absent and null are handled by the caller). */
function isDefault(value: unknown): boolean {
  if (!isPlain(value)) return false;
  for (const key in value) if (key !== "kind" && key !== "value" && key !== "sql") return false;
  switch (value.kind) {
    case "value":
      return "value" in value && !("sql" in value) && isJson(value.value);
    case "sql":
      return !("value" in value) && typeof value.sql === "string" && value.sql.trim() !== "";
    case "now":
    case "random":
      return !("value" in value) && !("sql" in value);
    default:
      return false;
  }
}

/** Keys a column argument may have besides its own: none, `table`, `table` and `backfill`. */
const NO_EXTRA = 0;
const DROP_COLUMN = 1;
const ADD_COLUMN = 2;

/** `readColumn` (`named`) or `readColumnState`; `extra` says which other keys the call allows. */
function isColumn(value: Fields, named: boolean, extra: number): boolean {
  for (const key in value) {
    const item = value[key];
    switch (key) {
      case "name":
        if (!named) return false;
        break;
      case "type":
      case "length":
      case "precision":
      case "scale":
      case "enumName":
      case "values":
      case "element":
      case "fallback":
        break;
      case "nullable":
        if (item !== undefined && typeof item !== "boolean") return false;
        break;
      case "default":
        if (item != null && !isDefault(item)) return false;
        break;
      case "table":
        if (extra === NO_EXTRA) return false;
        break;
      case "backfill":
        if (extra !== ADD_COLUMN || (item !== undefined && !isJson(item))) return false;
        break;
      default:
        return false;
    }
  }
  if (named && !isName(value.name)) return false;
  return isType(value, TYPES);
}

/** The type part of `readColumnState` (`readTypeParameters`): a type the reader knows, with the parameters it takes. */
function isType(value: Fields, types: ReadonlySet<unknown>): boolean {
  const { type, length, precision, scale, enumName, values, element, fallback } = value;
  if (type === "enum") {
    if (enumName !== undefined && !isName(enumName)) return false;
    if (!isNames(values)) return false;
  } else if (enumName !== undefined || values !== undefined) return false;
  if (type === "array") {
    if (!isPlain(element)) return false;
    for (const key in element) if (key !== "type" && key !== "length" && key !== "precision" && key !== "scale") return false;
    if (!isType(element, ELEMENT_TYPES)) return false;
    if (fallback !== undefined && fallback !== "json") return false;
  } else if (element !== undefined || fallback !== undefined) return false;
  if (!types.has(type) || !isInteger(length, 1) || !isInteger(precision, 1) || !isInteger(scale, 0)) return false;
  if (length !== undefined && type !== "varchar" && type !== "char") return false;
  if ((precision !== undefined || scale !== undefined) && type !== "numeric") return false;
  return scale === undefined || (precision !== undefined && (scale as number) <= (precision as number));
}

function isAlterColumn(argument: unknown): boolean {
  if (!isPlain(argument)) return false;
  for (const key in argument) {
    switch (key) {
      case "table":
      case "name":
      case "from":
      case "to":
        break;
      case "backfill":
        if (argument.backfill !== undefined && !isJson(argument.backfill)) return false;
        break;
      case "lossy":
        if (argument.lossy !== undefined && typeof argument.lossy !== "boolean") return false;
        break;
      default:
        return false;
    }
  }
  const { from, to } = argument;
  return isName(argument.table) && isName(argument.name) && isPlain(from) && isColumn(from, false, NO_EXTRA) && isPlain(to) && isColumn(to, false, NO_EXTRA);
}

/** `readIndex`; `table`: the argument may carry the table name (addIndex). */
function isIndex(value: unknown, table: boolean): boolean {
  if (!isPlain(value)) return false;
  for (const key in value) {
    if (key !== "name" && key !== "columns" && key !== "method" && !(table && key === "table")) return false;
  }
  return isName(value.name) && isNames(value.columns) && (value.method === undefined || METHODS.has(value.method));
}

/** Keys a constraint argument may have besides its own: `kind` and `table` (add/dropConstraint). */
function isExtraKey(key: string, constraint: boolean): boolean {
  return constraint && (key === "kind" || key === "table");
}

function isUnique(value: unknown, constraint: boolean): boolean {
  if (!isPlain(value)) return false;
  for (const key in value) if (key !== "name" && key !== "columns" && !isExtraKey(key, constraint)) return false;
  return isName(value.name) && isNames(value.columns);
}

function isCheck(value: unknown, constraint: boolean): boolean {
  if (!isPlain(value)) return false;
  for (const key in value) if (key !== "name" && key !== "sql" && !isExtraKey(key, constraint)) return false;
  return isName(value.name) && typeof value.sql === "string" && value.sql.trim() !== "";
}

function isForeignKey(value: unknown, constraint: boolean): boolean {
  if (!isPlain(value)) return false;
  for (const key in value) {
    if (key !== "name" && key !== "columns" && key !== "references" && key !== "onDelete" && key !== "onUpdate" && !isExtraKey(key, constraint)) return false;
  }
  const { columns, references } = value;
  if (!isName(value.name) || !isNames(columns) || !isPlain(references)) return false;
  for (const key in references) if (key !== "table" && key !== "columns") return false;
  if (!isName(references.table) || !isNames(references.columns) || references.columns.length !== columns.length) return false;
  return (value.onDelete === undefined || ACTIONS.has(value.onDelete)) && (value.onUpdate === undefined || ACTIONS.has(value.onUpdate));
}

function isConstraint(argument: unknown): boolean {
  if (!isPlain(argument) || !isName(argument.table)) return false;
  switch (argument.kind) {
    case "unique":
      return isUnique(argument, true);
    case "check":
      return isCheck(argument, true);
    case "foreign_key":
      return isForeignKey(argument, true);
    default:
      return false;
  }
}

/** `readTable`, with its consistency checks. */
function isTable(value: unknown): boolean {
  if (!isPlain(value)) return false;
  for (const key in value) {
    switch (key) {
      case "name":
      case "className":
      case "primaryKey":
      case "columns":
      case "indexes":
      case "uniques":
      case "checks":
      case "foreignKeys":
        break;
      default:
        return false;
    }
  }
  const { columns, primaryKey } = value;
  if (!isName(value.name) || (value.className !== undefined && !isName(value.className)) || !isNames(primaryKey)) return false;
  if (!Array.isArray(columns) || columns.length === 0) return false;
  const names = new Set<string>();
  for (let i = 0; i < columns.length; i++) {
    const column: unknown = columns[i];
    if (!isPlain(column) || !isColumn(column, true, NO_EXTRA)) return false;
    const name = column.name as string;
    if (names.has(name)) return false;
    names.add(name);
  }
  if (!allIn(primaryKey, names)) return false;
  return (
    isGroup(value.indexes, names, isTableIndex) &&
    isGroup(value.uniques, names, isTableUnique) &&
    isGroup(value.checks, names, isTableCheck) &&
    isGroup(value.foreignKeys, names, isTableForeignKey)
  );
}

const isTableIndex = (item: unknown): boolean => isIndex(item, false);
const isTableUnique = (item: unknown): boolean => isUnique(item, false);
const isTableCheck = (item: unknown): boolean => isCheck(item, false);
const isTableForeignKey = (item: unknown): boolean => isForeignKey(item, false);

function allIn(list: readonly string[], names: ReadonlySet<string>): boolean {
  for (let i = 0; i < list.length; i++) if (!names.has(list[i] as string)) return false;
  return true;
}

/** A table's indexes, uniques, checks or foreign keys: absent or an array; distinct names; columns of the table. */
function isGroup(value: unknown, columns: ReadonlySet<string>, isEntity: (item: unknown) => boolean): boolean {
  if (value === undefined) return true;
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (!isEntity(item)) return false;
    const entity = item as { readonly name: string; readonly columns?: readonly string[] };
    for (let j = 0; j < i; j++) if ((value[j] as { readonly name: string }).name === entity.name) return false;
    if (entity.columns !== undefined && !allIn(entity.columns, columns)) return false;
  }
  return true;
}
