import { type ColumnDefault, type ColumnEntity, type ColumnTypeSpec, type Entity, Snapshot, type TypeName } from "@mig/core";
import { postgresEmitter } from "../emitter/postgres-emitter";
import { parseDefault } from "../introspect/parse-default";
import { isSerial, postgresTypeMapper } from "../postgres-type-mapper";
import { normaliseCheck } from "./normalise-check";

/** A numeric literal written with the column's scale, as PostgreSQL stores it (`12.5` in NUMERIC(5,2) → `12.50`). */
function withScale(value: string, scale: number | undefined): string {
  const match = /^(-?\d+)(?:\.(\d*))?$/.exec(value.trim());
  if (!match || scale === undefined) return value;
  const digits = match[2] ?? "";
  if (digits.length > scale) return value;
  return scale === 0 ? match[1]! : `${match[1]}.${digits.padEnd(scale, "0")}`;
}

/**
 * A default as PostgreSQL would report it: rendered the way the emitter writes it, then read back
 * the way the introspector reads it. A date-only timestamp gains its midnight.
 */
function normaliseDefault(column: ColumnEntity): ColumnDefault | null {
  if (!column.default || isSerial(column)) return null;
  let parsed: ColumnDefault | null;
  try {
    parsed = parseDefault(postgresEmitter.hooks.renderDefault(column.default, column), column);
  } catch {
    return column.default;
  }
  if (parsed?.kind !== "value" || typeof parsed.value !== "string") return parsed;
  if (column.type === "numeric") return { kind: "value", value: withScale(parsed.value, column.scale) };
  if ((column.type === "timestamp" || column.type === "timestamptz") && /^\d{4}-\d{2}-\d{2}$/.test(parsed.value)) {
    return { kind: "value", value: `${parsed.value} 00:00:00` };
  }
  return parsed;
}

/**
 * The snapshot as PostgreSQL stores it, to compare an intended snapshot with an introspected one:
 * types through the type mapper's canonical form, defaults as the introspector reads them back,
 * check expressions through {@link normaliseCheck}. Idempotent, and the introspector's output is
 * already in this form.
 */
export function normaliseSnapshot(snapshot: Snapshot): Snapshot {
  const types = new Map<string, TypeName>();
  for (const e of snapshot.entities) if (e.entity === "column") types.set(`${e.table}\0${e.name}`, e.type);
  return Snapshot.fromEntities(
    snapshot.entities.map((entity): Entity => {
      if (entity.entity === "column") {
        const { type, length, precision, scale, ...rest } = entity;
        const spec: ColumnTypeSpec = {
          type,
          ...(length !== undefined ? { length } : {}),
          ...(precision !== undefined ? { precision } : {}),
          ...(scale !== undefined ? { scale } : {}),
        };
        const column: ColumnEntity = { ...rest, ...(postgresTypeMapper.canonical?.(spec) ?? spec) };
        return { ...column, default: normaliseDefault(column) };
      }
      if (entity.entity === "check") {
        return { ...entity, sql: normaliseCheck(entity.sql, (name) => types.get(`${entity.table}\0${name}`)) };
      }
      return entity;
    }),
  );
}
