import { type ColumnDefault, type ColumnEntity, type Entity, Snapshot } from "@mig/core/dialect";
import { canonicalHex } from "./sqlite-literals";
import { sqliteTypeMapper } from "./sqlite-type-mapper";

/**
 * The snapshot as SQLite stores it, so that it compares equal to what the introspector reads:
 * types through `sqliteTypeMapper.canonical` (timestamptz → timestamp, jsonb → json,
 * bigserial → serial), literal defaults as SQLite gives them back (booleans of a boolean column
 * stay booleans, elsewhere they are 1/0; numbers 0/1 of a boolean column are booleans; bytea as
 * lowercase hex).
 *
 * @example
 * ```ts
 * normaliseSqliteSnapshot(snapshot).column("event", "at")?.type; // "timestamp" (was "timestamptz")
 * ```
 */
export function normaliseSqliteSnapshot(snapshot: Snapshot): Snapshot {
  return Snapshot.fromEntities(snapshot.entities.map(normaliseEntity));
}

function normaliseEntity(entity: Entity): Entity {
  if (entity.kind !== "column") return entity;
  const { length: _length, precision: _precision, scale: _scale, enumName: _enumName, values: _values, element: _element, fallback: _fallback, ...rest } = entity;
  const spec = sqliteTypeMapper.canonical?.(entity) ?? entity;
  const column: ColumnEntity = { ...rest, ...spec };
  return { ...column, default: column.type === "serial" ? null : normaliseDefault(column.default, column) };
}

function normaliseDefault(value: ColumnDefault | null, column: ColumnEntity): ColumnDefault | null {
  if (value?.kind !== "value") return value;
  const literal = value.value;
  if (column.type === "boolean" && (literal === 0 || literal === 1)) return { kind: "value", value: literal === 1 };
  if (column.type !== "boolean" && column.type !== "json" && typeof literal === "boolean") return { kind: "value", value: literal ? 1 : 0 };
  if (column.type === "bytea" && typeof literal === "string") return { kind: "value", value: canonicalHex(literal) };
  return value;
}
