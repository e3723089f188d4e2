import { ARRAY_ELEMENT_TYPES, FOREIGN_KEY_ACTIONS, INDEX_METHODS, TYPE_NAMES, type ColumnDefault, type TypeName } from "../schema/types";
import type {
  CheckEntity,
  ColumnEntity,
  ColumnTypeSpec,
  Entity,
  ForeignKeyEntity,
  IndexEntity,
  TableEntity,
  TableSchema,
  UniqueEntity,
} from "../snapshot/entities";
import {
  argumentError,
  readBoolean,
  readChoice,
  readInteger,
  readJson,
  readList,
  readName,
  readNames,
  readObject,
  readString,
  type Fields,
} from "./read-arguments";

/*
 * Manager arguments → snapshot entities (checked, copied, frozen, with defaults filled in and
 * absent type parameters omitted).
 */

export const COLUMN_STATE_KEYS = ["type", "length", "precision", "scale", "enumName", "values", "element", "fallback", "nullable", "default"] as const;
const TYPE_KEYS = ["type", "length", "precision", "scale", "enumName", "values", "element", "fallback"] as const;
export const COLUMN_KEYS = ["name", ...COLUMN_STATE_KEYS] as const;

export function readDefault(value: unknown, path: string): ColumnDefault | null {
  if (value === undefined || value === null) return null;
  const fields = readObject(value, path, ["kind", "value", "sql"]);
  const kind = readChoice(fields, "kind", path, ["value", "now", "random", "sql"]);
  const extra = (allowed: string): void => {
    for (const key of ["value", "sql"]) {
      if (key !== allowed && key in fields) throw argumentError(path, `a "${kind}" default has no "${key}"`);
    }
  };
  extra(kind === "value" ? "value" : kind === "sql" ? "sql" : "");
  if (kind === "value") {
    if (!("value" in fields)) throw argumentError(path, `a "value" default needs "value"`);
    return Object.freeze({ kind, value: readJson(fields.value, `${path}.value`) });
  }
  if (kind === "sql") {
    const sql = readString(fields, "sql", path);
    if (sql.trim() === "") throw argumentError(`${path}.sql`, "expected SQL text, got an empty string");
    return Object.freeze({ kind, sql });
  }
  return Object.freeze({ kind });
}

/** Reads a column's type, parameters, nullability and default from already-checked fields. */
export function readColumnState(fields: Fields, table: string, name: string, path: string): ColumnEntity {
  const type = readChoice(fields, "type", path, TYPE_NAMES);
  // Assignments, not spreads: this runs for every column of every table.
  const column: { -readonly [K in keyof ColumnEntity]: ColumnEntity[K] } = { entity: "column", table, name, type, nullable: false, default: null };
  readTypeParameters(fields, type, path, column);
  column.nullable = readBoolean(fields, "nullable", path, false);
  column.default = fields.default == null ? null : readDefault(fields.default, `${path}.default`);
  return Object.freeze(column);
}

/** Reads the parameters of `type` (only those it takes) into `target`. */
function readTypeParameters(fields: Fields, type: TypeName, path: string, target: { -readonly [K in keyof ColumnTypeSpec]?: ColumnTypeSpec[K] }): void {
  const length = readInteger(fields, "length", path, 1);
  const precision = readInteger(fields, "precision", path, 1);
  const scale = readInteger(fields, "scale", path, 0);
  if (length !== undefined && type !== "varchar" && type !== "char") throw argumentError(`${path}.length`, `only varchar and char have a length, not ${type}`);
  if ((precision !== undefined || scale !== undefined) && type !== "numeric") {
    throw argumentError(`${path}.${precision !== undefined ? "precision" : "scale"}`, `only numeric has a precision and scale, not ${type}`);
  }
  if (scale !== undefined && (precision === undefined || scale > precision)) {
    throw argumentError(`${path}.scale`, "a scale needs a precision at least as large");
  }
  if (length !== undefined) target.length = length;
  if (precision !== undefined) target.precision = precision;
  if (scale !== undefined) target.scale = scale;
  const only = (key: string, owner: TypeName): void => {
    if (key in fields && fields[key] !== undefined && type !== owner) throw argumentError(`${path}.${key}`, `only ${owner} has ${key}, not ${type}`);
  };
  only("enumName", "enum");
  only("values", "enum");
  only("element", "array");
  only("fallback", "array");
  if (type === "enum") {
    if (fields.enumName !== undefined) target.enumName = readName(fields, "enumName", path);
    target.values = Object.freeze(readNames(fields, "values", path));
  }
  if (type === "array") {
    const elementPath = `${path}.element`;
    const element = readObject(fields.element, elementPath, TYPE_KEYS);
    const elementType = readChoice(element, "type", elementPath, ARRAY_ELEMENT_TYPES);
    const spec: { -readonly [K in keyof ColumnTypeSpec]: ColumnTypeSpec[K] } = { type: elementType };
    readTypeParameters(element, elementType, elementPath, spec);
    target.element = Object.freeze(spec);
    if (fields.fallback !== undefined) target.fallback = readChoice(fields, "fallback", path, ["json"] as const);
  }
}

const COLUMN_KEY_SET: ReadonlySet<string> = new Set(COLUMN_KEYS);

export function readColumn(value: unknown, table: string, path: string, extraKeys: readonly string[] = []): ColumnEntity {
  const fields = readObject(value, path, extraKeys.length === 0 ? COLUMN_KEY_SET : [...COLUMN_KEYS, ...extraKeys]);
  return readColumnState(fields, table, readName(fields, "name", path), path);
}

export function readIndex(value: unknown, table: string, path: string, extraKeys: readonly string[] = []): IndexEntity {
  const fields = readObject(value, path, ["name", "columns", "method", ...extraKeys]);
  return Object.freeze({
    entity: "index",
    table,
    name: readName(fields, "name", path),
    columns: Object.freeze(readNames(fields, "columns", path)),
    method: readChoice(fields, "method", path, INDEX_METHODS, "btree"),
  });
}

export function readUnique(value: unknown, table: string, path: string, extraKeys: readonly string[] = []): UniqueEntity {
  const fields = readObject(value, path, ["name", "columns", ...extraKeys]);
  return Object.freeze({ entity: "unique", table, name: readName(fields, "name", path), columns: Object.freeze(readNames(fields, "columns", path)) });
}

export function readCheck(value: unknown, table: string, path: string, extraKeys: readonly string[] = []): CheckEntity {
  const fields = readObject(value, path, ["name", "sql", ...extraKeys]);
  const sql = readString(fields, "sql", path);
  if (sql.trim() === "") throw argumentError(`${path}.sql`, "expected SQL text, got an empty string");
  return Object.freeze({ entity: "check", table, name: readName(fields, "name", path), sql });
}

export function readForeignKey(value: unknown, table: string, path: string, extraKeys: readonly string[] = []): ForeignKeyEntity {
  const fields = readObject(value, path, ["name", "columns", "references", "onDelete", "onUpdate", ...extraKeys]);
  const columns = readNames(fields, "columns", path);
  const target = readObject(fields.references, `${path}.references`, ["table", "columns"]);
  const references = Object.freeze({
    table: readName(target, "table", `${path}.references`),
    columns: Object.freeze(readNames(target, "columns", `${path}.references`)),
  });
  if (references.columns.length !== columns.length) {
    throw argumentError(`${path}.references.columns`, `expected ${columns.length} column(s), as many as "columns"`);
  }
  return Object.freeze({
    entity: "foreign_key",
    table,
    name: readName(fields, "name", path),
    columns: Object.freeze(columns),
    references,
    onDelete: readChoice(fields, "onDelete", path, FOREIGN_KEY_ACTIONS, "no action"),
    onUpdate: readChoice(fields, "onUpdate", path, FOREIGN_KEY_ACTIONS, "no action"),
  });
}

/** A whole table (`addTable`, `dropTable`, both sides of `rebuildTable`), checked for consistency. */
export function readTable(value: unknown, path: string): TableSchema {
  const fields = readObject(value, path, ["name", "className", "primaryKey", "columns", "indexes", "uniques", "checks", "foreignKeys"]);
  const name = readName(fields, "name", path);
  const className = fields.className === undefined ? undefined : readName(fields, "className", path);
  const table: TableEntity = Object.freeze({
    entity: "table",
    name,
    primaryKey: Object.freeze(readNames(fields, "primaryKey", path)),
    ...(className === undefined ? {} : { className }),
  });
  const columns = readList(fields, "columns", path, (item, at) => readColumn(item, name, at));
  if (columns.length === 0) throw argumentError(`${path}.columns`, "a table needs at least one column");
  const schema: TableSchema = Object.freeze({
    table,
    columns: Object.freeze(columns),
    indexes: Object.freeze(readList(fields, "indexes", path, (item, at) => readIndex(item, name, at))),
    uniques: Object.freeze(readList(fields, "uniques", path, (item, at) => readUnique(item, name, at))),
    checks: Object.freeze(readList(fields, "checks", path, (item, at) => readCheck(item, name, at))),
    foreignKeys: Object.freeze(readList(fields, "foreignKeys", path, (item, at) => readForeignKey(item, name, at))),
  });
  checkTableConsistency(schema, path);
  return schema;
}

function checkTableConsistency(schema: TableSchema, path: string): void {
  const known = new Set<string>();
  for (const column of schema.columns) {
    if (known.has(column.name)) throw argumentError(`${path}.columns`, `column ${JSON.stringify(column.name)} is defined twice`);
    known.add(column.name);
  }
  mustExist(schema, known, schema.table.primaryKey, path, "primaryKey");
  checkGroup(schema, known, schema.indexes, path, "indexes");
  checkGroup(schema, known, schema.uniques, path, "uniques");
  checkGroup(schema, known, schema.checks, path, "checks");
  checkGroup(schema, known, schema.foreignKeys, path, "foreignKeys");
}

/** Names used once in the group; the columns each entity names are the table's. Paths are made only for an error. */
function checkGroup(schema: TableSchema, known: ReadonlySet<string>, entities: readonly (Entity & { readonly name: string })[], path: string, key: string): void {
  for (let index = 0; index < entities.length; index++) {
    const entity = entities[index] as Entity & { readonly name: string };
    for (let other = 0; other < index; other++) {
      if ((entities[other] as { readonly name: string }).name === entity.name) {
        throw argumentError(`${path}.${key}[${index}].name`, `${JSON.stringify(entity.name)} is used twice`);
      }
    }
    if ("columns" in entity) mustExist(schema, known, entity.columns, path, `${key}[${index}].columns`);
  }
}

function mustExist(schema: TableSchema, known: ReadonlySet<string>, columns: readonly string[], path: string, at: string): void {
  for (const column of columns) {
    if (!known.has(column)) throw argumentError(`${path}.${at}`, `column ${JSON.stringify(column)} is not a column of table ${JSON.stringify(schema.table.name)}`);
  }
}
