import { MigError } from "../errors/mig-error";
import { isNarrowingChange } from "./is-narrowing-change";
import { type NamedEntityOperation, type Operation, type SchemaOperation, consentOf } from "./operation";
import { restorePlaceholder } from "./restore-placeholder";

/**
 * The operation that undoes `operation`, built only from what the operation carries.
 *
 * A `backfill` is dropped (it only matters going the way it was planned for), except that a dropped
 * NOT NULL column without a default comes back with a placeholder value (`restorePlaceholder`); an inverted alter is
 * marked `lossy` when its type change narrows (reversing integer → bigint loses what only fits a
 * bigint). A consent (`allowRebuild`, `online`) carries over to the inverse. Raw functions have no inverse:
 * a migration's raw-backwards function is its own operation.
 *
 * @example
 * ```ts
 * invertOperation({ kind: "rename_table", from: "band", to: "group" });
 * // { kind: "rename_table", from: "group", to: "band" }
 * ```
 */
export function invertOperation(operation: SchemaOperation): SchemaOperation;
export function invertOperation(operation: Operation): SchemaOperation {
  const inverse = inverseOf(operation);
  // Consent holds both ways: going backwards needs the same rebuild, and is online too.
  const consent = consentOf(operation);
  return consent ? ({ ...inverse, ...consent } as SchemaOperation) : inverse;
}

/** Adding and dropping one index or constraint undo each other. */
const OPPOSITE_KIND = {
  add_index: "drop_index", drop_index: "add_index", add_unique: "drop_unique", drop_unique: "add_unique",
  add_check: "drop_check", drop_check: "add_check", add_foreign_key: "drop_foreign_key", drop_foreign_key: "add_foreign_key",
} as const satisfies Record<NamedEntityOperation["kind"], NamedEntityOperation["kind"]>;

function inverseOf(operation: Operation): SchemaOperation {
  switch (operation.kind) {
    case "create_table":
      return { kind: "drop_table", schema: operation.schema };
    case "drop_table":
      return { kind: "create_table", schema: operation.schema };
    case "rename_table":
      return { kind: "rename_table", from: operation.to, to: operation.from };
    case "add_column":
      return { kind: "drop_column", table: operation.table, column: operation.column };
    case "drop_column": {
      // A NOT NULL column without a default needs a value for the rows that exist when it comes back.
      const backfill = restorePlaceholder(operation.column);
      return { kind: "add_column", table: operation.table, column: operation.column, ...(backfill === undefined ? {} : { backfill }) };
    }
    case "rename_column":
      return { kind: "rename_column", table: operation.table, from: operation.to, to: operation.from };
    case "alter_column":
      return {
        kind: "alter_column",
        table: operation.table,
        from: operation.to,
        to: operation.from,
        ...(isNarrowingChange(operation.to, operation.from) ? { lossy: true } : {}),
      };
    case "rebuild_table": {
      // Columns the rebuild dropped come back like a reversed drop_column: a NOT NULL one without
      // a default gets a placeholder for the rows that exist (`restorePlaceholder`).
      const kept = new Set(Object.values(operation.columnMap));
      const backfill = Object.fromEntries(operation.from.columns.flatMap((column) => {
        const value = kept.has(column.name) ? undefined : restorePlaceholder(column);
        return value === undefined ? [] : [[column.name, value]];
      }));
      return {
        kind: "rebuild_table",
        from: operation.to,
        to: operation.from,
        columnMap: Object.freeze(Object.fromEntries(Object.entries(operation.columnMap).map(([to, from]) => [from, to]))),
        ...(Object.keys(backfill).length > 0 ? { backfill: Object.freeze(backfill) } : {}),
      };
    }
    case "raw":
      throw new MigError("MIG_E_INTERNAL", "A raw function has no inverse; record its reverse with addRawBackwards()");
    default: {
      // Adds and drops of an index or constraint: the opposite kind, carrying the same entity (consent is added back by the caller).
      const { kind, allowRebuild: _rebuild, online: _online, allowLocking: _locking, ...carried } = operation;
      return { kind: OPPOSITE_KIND[kind], ...carried } as NamedEntityOperation;
    }
  }
}
