import { type ColumnDefault, type ColumnEntity, type Entity, Snapshot, type TypeMapper } from "@mig/core/dialect";
import { canonicalDefaultValue } from "./mysql-default";
import { normaliseMysqlExpression } from "./normalise-expression";
import { parseDefaultExpression } from "./reported-default";

function canonicalDefault(column: ColumnEntity): ColumnDefault | null {
  const value = column.default;
  if (value === null) return null;
  switch (value.kind) {
    case "value":
      // A nullable column's DEFAULT NULL is reported like no default at all.
      return value.value === null ? null : { kind: "value", value: canonicalDefaultValue(column, value.value) };
    case "sql":
      return parseDefaultExpression(value.sql, column);
    default:
      return value;
  }
}

/**
 * A snapshot as MySQL / MariaDB store it, so that an introspected schema and an intended one
 * compare equal: types through the type mapper's `canonical` (timestamptz → timestamp, jsonb → json,
 * DECIMAL → DECIMAL(10,0), ...), defaults in the form the server reports them, check expressions in
 * one spelling (see `normaliseMysqlExpression`), and no `className` (the database cannot hold it).
 */
export function normaliseMysqlSnapshot(snapshot: Snapshot, types: TypeMapper): Snapshot {
  const canonical = types.canonical ?? ((spec) => spec);
  return Snapshot.fromEntities(
    snapshot.entities.map((entity): Entity => {
      switch (entity.kind) {
        case "table": {
          const { className: _className, ...table } = entity;
          return table;
        }
        case "column": {
          const { length: _l, precision: _p, scale: _s, type: _t, enumName: _n, values: _v, element: _e, fallback: _f, ...rest } = entity;
          const typed = { ...rest, ...canonical(entity) };
          // AUTO_INCREMENT columns have no DEFAULT.
          const isSerial = typed.type === "serial" || typed.type === "bigserial";
          return { ...typed, default: isSerial ? null : canonicalDefault(typed) };
        }
        case "check":
          return { ...entity, sql: normaliseMysqlExpression(entity.sql) };
        default:
          return entity;
      }
    }),
  );
}
