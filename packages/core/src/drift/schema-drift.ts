import type { Dialect } from "../dialect/dialect";
import { normaliseForDialect } from "../dialect/normalise-for-dialect";
import type { ColumnEntity, ColumnTypeSpec, Entity, EntityKind } from "../snapshot/entities";
import { entityKey } from "../snapshot/entities";
import type { Snapshot } from "../snapshot/snapshot";

/** What changed about an entity that both sides have. */
export type DriftAspect = "type" | "nullability" | "default" | "primary key" | "columns" | "method" | "expression" | "references" | "actions";

/** One difference between the schema the applied migrations add up to and the live one. */
export interface DriftDifference {
  /** `extra`: only in the database; `missing`: only in the migrations; `changed`: in both, not the same. */
  readonly change: "extra" | "missing" | "changed";
  readonly entity: EntityKind;
  readonly table: string;
  /** The column, index or constraint name (absent for a table). */
  readonly name?: string;
  /** For `changed`: what differs. */
  readonly aspects?: readonly DriftAspect[];
  /** As the migrations say (absent for `extra`). */
  readonly expected?: Entity;
  /** As the database has it (absent for `missing`). */
  readonly actual?: Entity;
  /** One line for people: `column band.country: only in the database`. */
  readonly message: string;
}

const WORDS: Readonly<Record<EntityKind, string>> = {
  table: "table",
  column: "column",
  index: "index",
  unique: "unique constraint",
  check: "check constraint",
  foreign_key: "foreign key",
};

/**
 * Every difference between `expected` (the schema of the applied migrations) and `actual` (the
 * introspected database), both first put in the form the dialect stores (`normaliseForDialect`),
 * so that how a database spells a type or a default is never a difference. A table only on one
 * side is one difference, not one per column. Pure; ordered like the snapshots (by table, then
 * entity). Empty when the database is what the migrations made.
 *
 * @example
 * ```ts
 * const differences = schemaDrift(dialect, replayMigrations(applied), await introspector.introspect(connection));
 * for (const d of differences) console.log(d.message); // "column band.country: only in the database"
 * ```
 */
export function schemaDrift(dialect: Dialect, expected: Snapshot, actual: Snapshot): DriftDifference[] {
  const want = normaliseForDialect(dialect, expected);
  const got = normaliseForDialect(dialect, actual);
  const differences: DriftDifference[] = [];
  const missingTables = new Set(want.tableNames().filter((t) => got.table(t) === undefined));
  const extraTables = new Set(got.tableNames().filter((t) => want.table(t) === undefined));
  const tableOf = (entity: Entity) => (entity.kind === "table" ? entity.name : entity.table);
  for (const entity of want.entities) {
    const table = tableOf(entity);
    if (missingTables.has(table)) {
      if (entity.kind === "table") differences.push(difference("missing", entity, undefined));
      continue;
    }
    const other = got.get(entityKey(entity));
    if (other === undefined) differences.push(difference("missing", entity, undefined));
    else {
      const aspects = changedAspects(entity, other);
      if (aspects.length > 0) differences.push(difference("changed", entity, other, aspects));
    }
  }
  for (const entity of got.entities) {
    const table = tableOf(entity);
    if (extraTables.has(table) ? entity.kind === "table" : !want.has(entityKey(entity))) differences.push(difference("extra", undefined, entity));
  }
  return differences;
}

function difference(change: DriftDifference["change"], expected: Entity | undefined, actual: Entity | undefined, aspects: readonly DriftAspect[] = []): DriftDifference {
  const entity = (expected ?? actual) as Entity;
  const table = entity.kind === "table" ? entity.name : entity.table;
  const name = entity.kind === "table" ? undefined : entity.name;
  const label = `${WORDS[entity.kind]} ${name === undefined ? table : `${table}.${name}`}`;
  const message =
    change === "extra" ? `${label}: only in the database`
    : change === "missing" ? `${label}: in the migrations, not in the database`
    : `${label}: ${aspects.map((a) => describeAspect(a, expected as Entity, actual as Entity)).join(", ")}`;
  return {
    change,
    entity: entity.kind,
    table,
    ...(name === undefined ? {} : { name }),
    ...(aspects.length > 0 ? { aspects } : {}),
    ...(expected ? { expected } : {}),
    ...(actual ? { actual } : {}),
    message,
  };
}

const json = (value: unknown) => JSON.stringify(value);

function changedAspects(expected: Entity, actual: Entity): DriftAspect[] {
  const aspects: DriftAspect[] = [];
  const differs = (a: unknown, b: unknown) => json(a) !== json(b);
  switch (expected.kind) {
    case "table":
      if (differs(expected.primaryKey, (actual as typeof expected).primaryKey)) aspects.push("primary key");
      break;
    case "column": {
      const other = actual as ColumnEntity;
      if (differs(typeSpec(expected), typeSpec(other))) aspects.push("type");
      if (expected.nullable !== other.nullable) aspects.push("nullability");
      if (differs(expected.default, other.default)) aspects.push("default");
      break;
    }
    case "index": {
      const other = actual as typeof expected;
      if (differs(expected.columns, other.columns)) aspects.push("columns");
      if (expected.method !== other.method) aspects.push("method");
      break;
    }
    case "unique":
      if (differs(expected.columns, (actual as typeof expected).columns)) aspects.push("columns");
      break;
    case "check":
      if (expected.sql !== (actual as typeof expected).sql) aspects.push("expression");
      break;
    case "foreign_key": {
      const other = actual as typeof expected;
      if (differs(expected.columns, other.columns)) aspects.push("columns");
      if (differs(expected.references, other.references)) aspects.push("references");
      if (expected.onDelete !== other.onDelete || expected.onUpdate !== other.onUpdate) aspects.push("actions");
      break;
    }
  }
  return aspects;
}

function typeSpec(column: ColumnTypeSpec): string {
  if (column.type === "enum") return `enum${column.enumName === undefined ? "" : ` ${column.enumName}`}(${(column.values ?? []).map((v) => JSON.stringify(v)).join(",")})`;
  if (column.type === "array") return `${column.element === undefined ? "?" : typeSpec(column.element)}[]${column.fallback === undefined ? "" : ` or ${column.fallback}`}`;
  return `${column.type}(${[column.length, column.precision, column.scale].filter((v) => v !== undefined).join(",")})`;
}

function describeAspect(aspect: DriftAspect, expected: Entity, actual: Entity): string {
  const pair = (a: string, b: string) => `${aspect} changed (migrations: ${a}, database: ${b})`;
  if (expected.kind === "column" && actual.kind === "column") {
    if (aspect === "type") return pair(typeSpec(expected), typeSpec(actual));
    if (aspect === "nullability") return pair(expected.nullable ? "NULL" : "NOT NULL", actual.nullable ? "NULL" : "NOT NULL");
    if (aspect === "default") return pair(describeDefault(expected), describeDefault(actual));
  }
  if (expected.kind === "table" && actual.kind === "table") return pair(expected.primaryKey.join(", "), actual.primaryKey.join(", "));
  if (expected.kind === "check" && actual.kind === "check") return pair(expected.sql, actual.sql);
  return `${aspect} changed`;
}

function describeDefault(column: ColumnEntity): string {
  const value = column.default;
  if (value === null) return "none";
  if (value.kind === "value") return json(value.value);
  if (value.kind === "sql") return value.sql;
  return value.kind;
}
