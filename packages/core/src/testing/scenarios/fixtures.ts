import { Snapshot } from "../../snapshot/snapshot";
import { type ColumnSpec, type TableSpec, col, schema, value } from "../schema-builders";

/** The tables most scenarios start from. */
export const ID = col("id", "serial");

export const BAND: TableSpec = {
  name: "band",
  columns: [ID, col("name", "varchar", { length: 50 }), col("popularity", "integer", { default: value(0) })],
};

export const EMPTY = Snapshot.empty();

/** `spec` with columns replaced or added (by name), in place or at the end. */
export function withColumns(spec: TableSpec, ...columns: readonly ColumnSpec[]): TableSpec {
  const replaced = spec.columns.map((c) => columns.find((n) => n.name === c.name) ?? c);
  const added = columns.filter((n) => !spec.columns.some((c) => c.name === n.name));
  return { ...spec, columns: [...replaced, ...added] };
}

export function withoutColumn(spec: TableSpec, name: string): TableSpec {
  return { ...spec, columns: spec.columns.filter((c) => c.name !== name) };
}

/** A scenario's `before`/`after` from one table spec. */
export const only = (spec: TableSpec): Snapshot => schema(spec);
