import { type Entity } from "../snapshot/entities";
import { Snapshot } from "../snapshot/snapshot";
import type { Dialect } from "./dialect";

/**
 * The snapshot as `dialect` stores it: its own `normalise`, or else every column type passed
 * through `types.canonical`. Export names (`className`) are dropped: a database does not know them.
 * Applied to both sides, it makes an intended and an introspected schema comparable.
 */
export function normaliseForDialect(dialect: Dialect, snapshot: Snapshot): Snapshot {
  const canonical = (entity: Entity): Entity => {
    if (entity.entity === "table" && entity.className !== undefined) {
      const { className: _ignored, ...rest } = entity;
      return rest;
    }
    if (entity.entity === "column" && dialect.types.canonical) return { ...entity, ...dialect.types.canonical(entity) };
    return entity;
  };
  const normalised = dialect.normalise ? dialect.normalise(snapshot) : Snapshot.fromEntities(snapshot.entities.map(canonical));
  return Snapshot.fromEntities(normalised.entities.map((e) => (e.entity === "table" ? canonical(e) : e)));
}
