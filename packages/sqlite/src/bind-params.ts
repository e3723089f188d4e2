/**
 * Parameters as better-sqlite3 binds them. It accepts numbers, bigints, strings, buffers and
 * null only: booleans become 1/0 (SQLite has no boolean storage class),
 * `undefined` NULL, dates ISO 8601 text, plain objects and arrays JSON text.
 */
export function toSqliteParams(params: readonly unknown[]): unknown[] {
  return params.map(toSqliteValue);
}

function toSqliteValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return value;
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return value;
}
