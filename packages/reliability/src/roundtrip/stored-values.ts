import { type Dialect, resolveCapabilities } from "@mig/core";
import { type ColumnTypeSpec, storedTypeByFlags } from "@mig/core/dialect";

/**
 * The per-storage hook of the row values: the type a dialect stores a column type as (its
 * `types.canonical`, else its capability flags), and the parameter a generated value is written
 * as there. An array is a JavaScript array where the dialect has arrays (the driver writes an
 * array literal) and JSON text where it stores the `{ fallback: "json" }` form; what is read back
 * is compared through `comparable` (row-values.ts), which reads both forms as one. Asking the
 * dialect, never its name, keeps this right for any dialect the profiles are built from.
 */
export function storedType(dialect: Dialect, spec: ColumnTypeSpec): ColumnTypeSpec {
  return dialect.types.canonical?.(spec) ?? storedTypeByFlags(spec, resolveCapabilities(dialect.capabilities));
}

/** The query parameter that writes `value` (from `rowValue`) into a column of type `spec` on `dialect`. */
export function writtenValue(dialect: Dialect, spec: ColumnTypeSpec, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (spec.type === "array" && storedType(dialect, spec).type !== "array") return JSON.stringify(value);
  return value;
}
