import { type ColumnDefault, type ColumnEntity, type ColumnTypeSpec, type Entity, Snapshot, type TypeName } from "@mig/core/dialect";
import { postgresEmitter } from "../emitter/postgres-emitter";
import { parsePostgresDefault } from "../introspect/parse-default";
import { isSerial, postgresTypeMapper } from "../postgres-type-mapper";
import { canonicalValue } from "./canonical-value";
import { normalisePostgresCheck } from "./normalise-check";

/**
 * A default as PostgreSQL would report it: rendered the way the emitter writes it, then read back
 * the way the introspector reads it, its value in PostgreSQL's own spelling ({@link canonicalValue}).
 */
function normaliseDefault(column: ColumnEntity): ColumnDefault | null {
  if (!column.default || isSerial(column)) return null;
  let parsed: ColumnDefault | null;
  try {
    parsed = parsePostgresDefault(postgresEmitter.hooks.renderDefault(column.default, column), column);
  } catch {
    return column.default;
  }
  if (parsed?.kind === "value") return { kind: "value", value: canonicalValue(parsed.value, column) };
  // A raw SQL default is an expression like a check's: `lower('ABC')` is stored as `lower('ABC'::text)`.
  if (parsed?.kind === "sql") return { kind: "sql", sql: normalisePostgresCheck(parsed.sql) };
  return parsed;
}

/**
 * The snapshot as PostgreSQL stores it, to compare an intended snapshot with an introspected one:
 * types through the type mapper's canonical form, defaults as the introspector reads them back,
 * check expressions through {@link normalisePostgresCheck}. Idempotent, and the introspector's output is
 * already in this form.
 */
export function normalisePostgresSnapshot(snapshot: Snapshot): Snapshot {
  const types = new Map<string, TypeName>();
  for (const e of snapshot.entities) if (e.kind === "column") types.set(`${e.table}\0${e.name}`, e.type);
  return Snapshot.fromEntities(
    snapshot.entities.map((entity): Entity => {
      if (entity.kind === "column") {
        const { type, length, precision, scale, enumName, values, element, fallback, ...rest } = entity;
        const spec: ColumnTypeSpec = {
          type,
          ...(length !== undefined ? { length } : {}),
          ...(precision !== undefined ? { precision } : {}),
          ...(scale !== undefined ? { scale } : {}),
          ...(enumName !== undefined ? { enumName } : {}),
          ...(values !== undefined ? { values } : {}),
          ...(element !== undefined ? { element } : {}),
          ...(fallback !== undefined ? { fallback } : {}),
        };
        const column: ColumnEntity = { ...rest, ...(postgresTypeMapper.canonical?.(spec) ?? spec) };
        return { ...column, default: normaliseDefault(column) };
      }
      if (entity.kind === "check") {
        return { ...entity, sql: normalisePostgresCheck(entity.sql, (name) => types.get(`${entity.table}\0${name}`)) };
      }
      return entity;
    }),
  );
}
