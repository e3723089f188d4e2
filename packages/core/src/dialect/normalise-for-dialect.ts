import type { ColumnEntity, ColumnTypeSpec, Entity } from "../snapshot/entities";
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
    if (entity.entity === "table" && entity.className !== undefined) {
      const { className: _ignored, ...rest } = entity;
      return rest;
    }
    if (entity.entity === "column") return { ...entity, ...columnType(entity) };
    return entity;
  };
  const normalised = dialect.normalise ? dialect.normalise(snapshot) : Snapshot.fromEntities(snapshot.entities.map(canonical));
  return Snapshot.fromEntities(normalised.entities.map((e) => (e.entity === "table" ? canonical(e) : e)));
}

/** The stored form of a column type by the `jsonb` and `timestamptz` flags alone. */
function flagFallback(capabilities: ResolvedCapabilities): (column: ColumnEntity) => Partial<ColumnTypeSpec> {
  return (column) => {
    if (column.type === "jsonb" && !capabilities.jsonb) return { type: "json" };
    if (column.type === "timestamptz" && !capabilities.timestamptz) return { type: "timestamp" };
    return {};
  };
}
