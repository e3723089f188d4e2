import { type ColumnTypeSpec, quoteIdentifierWith, schemaOfTable } from "@mig/core/dialect";
import { postgresTypeMapper } from "../postgres-type-mapper";

/**
 * Where a PostgreSQL enum type lives: in the schema of the table whose column uses it. A column
 * of `"music"."band"` has the type `"music"."mood"`, created, altered, dropped and introspected
 * there; a table of the connection's schema keeps the bare `"mood"` (found by the search path, as
 * migration files written before schemas existed expect). Tables in two schemas that name the
 * same enum therefore have two types, one per schema, each with its own labels.
 */
export function enumTypeRef(q: (name: string) => string, table: string, name: string): string {
  const schema = schemaOfTable(table);
  return schema === undefined ? q(name) : `${q(schema)}.${q(name)}`;
}

/** Type names in DDL: the emitter's identifier rule without its length check, which the emitter applies (as the type mapper). */
const quoteTypeName = quoteIdentifierWith('"');

/**
 * A column's type in DDL: the type mapper's, but for an enum of a column of a table in a named
 * schema, which is that schema's type (`"music"."mood"`). `spec` is a column entity (it carries
 * `table`) where the emitter renders one.
 */
export function postgresColumnType(spec: ColumnTypeSpec & { readonly table?: string }): string {
  if (spec.type === "enum" && spec.table !== undefined) return enumTypeRef(quoteTypeName, spec.table, spec.enumName ?? "");
  return postgresTypeMapper.toNative(spec);
}
