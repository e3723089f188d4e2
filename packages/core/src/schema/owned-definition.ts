/**
 * Passed to the `ColumnBuilder` constructor with a definition made just now that nobody else
 * holds, so that it is frozen as it is instead of copied first. Internal to the schema module:
 * a definition from anywhere else is always copied.
 */
export const OWNED: unique symbol = Symbol("mig.column.owned");
