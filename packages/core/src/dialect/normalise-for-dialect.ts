import { type ColumnEntity, type ColumnTypeSpec, type Entity, TYPE_PARAMETER_KEYS } from "../snapshot/entities";
import { type ResolvedCapabilities, resolveCapabilities } from "./capabilities";
import { Snapshot } from "../snapshot/snapshot";
import type { Dialect } from "./dialect";

/**
 * The snapshot as `dialect` stores it: its own `normalise`, or else every column type passed
 * through `types.canonical` (without one: `jsonb` stored as `json` and `timestamptz` as
 * `timestamp` where the capability flags say the database has no such type). Export names (`className`) are dropped: a database does not know them.
 * Applied to both sides, it makes an intended and an introspected schema comparable.
 */
export function normaliseForDialect(dialect: Dialect, snapshot: Snapshot): Snapshot {
  const columnType = dialect.types.canonical ?? flagFallback(resolveCapabilities(dialect.capabilities));
  const canonical = (entity: Entity): Entity => {
    if (entity.kind === "table" && entity.className !== undefined) {
      const { className: _ignored, ...rest } = entity;
      return rest;
    }
    if (entity.kind === "column") return withType(entity, columnType(entity));
    return entity;
  };
  const normalised = dialect.normalise ? dialect.normalise(snapshot) : Snapshot.fromEntities(snapshot.entities.map(canonical));
  return Snapshot.fromEntities(normalised.entities.map((e) => (e.kind === "table" ? canonical(e) : e)));
}

/** The stored form of a column type by the capability flags alone. */
function flagFallback(capabilities: ResolvedCapabilities): (column: ColumnEntity) => ColumnTypeSpec {
  return (column) => storedTypeByFlags(column, capabilities);
}

/**
 * The type a dialect stores for `spec`, by its capability flags: `jsonb` as `json` and
 * `timestamptz` as `timestamp` where the database has no such type, an enum without its name
 * where enums are inline or checks (the database keeps no name), an array with the JSON fallback
 * as `json` where there are no arrays. Dialects with a `types.canonical` call it for these.
 */
export function storedTypeByFlags(spec: ColumnTypeSpec, capabilities: ResolvedCapabilities): ColumnTypeSpec {
  if (spec.type === "jsonb" && !capabilities.jsonb) return { type: "json" };
  if (spec.type === "timestamptz" && !capabilities.timestamptz) return { type: "timestamp" };
  if (spec.type === "enum" && capabilities.enums !== "named" && spec.enumName !== undefined) {
    return spec.values === undefined ? { type: "enum" } : { type: "enum", values: spec.values };
  }
  if (spec.type === "array" && !capabilities.arrays && spec.fallback === "json") return { type: "json" };
  return spec;
}

/** The column with `type` (and only its parameters) in place of its own. */
function withType(column: ColumnEntity, type: ColumnTypeSpec): ColumnEntity {
  if (type === column) return column;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(column)) {
    if (key === "nullable") Object.assign(result, type);
    if (key !== "type" && !(TYPE_PARAMETER_KEYS as readonly string[]).includes(key) && value !== undefined) result[key] = value;
  }
  return result as unknown as ColumnEntity;
}
