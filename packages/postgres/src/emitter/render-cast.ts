import type { ColumnTypeSpec, TypeName } from "@mig/core/dialect";
import { storageType } from "../postgres-type-mapper";
import { postgresColumnType } from "./enum-type-ref";

const NUMBERS: ReadonlySet<TypeName> = new Set(["integer", "bigint", "smallint", "serial", "bigserial", "real", "doublePrecision", "numeric"]);
const STRINGS: ReadonlySet<TypeName> = new Set(["varchar", "text", "char"]);

/**
 * The `USING` expression of `ALTER COLUMN ... TYPE`:
 * how the values of `expression`, of type `from`, become values of type `to`.
 *
 * @example
 * ```ts
 * renderPostgresCast('"n"', { type: "varchar", length: 10 }, { type: "integer" }); // '"n"::INTEGER'
 * renderPostgresCast('"b"', { type: "integer" }, { type: "boolean" });            // '"b" <> 0'
 * ```
 */
export function renderPostgresCast(expression: string, from: ColumnTypeSpec, to: ColumnTypeSpec): string {
  const source = storageType(from).type;
  const target = storageType(to);
  // An enum's values convert through their labels: enum → other enum, number, ... as text first
  // (a label that is not in the new type fails the migration, which then changes nothing).
  if (source === "enum" && !STRINGS.has(target.type)) return `${expression}::text::${postgresColumnType(target)}`;
  // bytea → text: decode the bytes as UTF-8 text rather than printing them as '\x...'.
  if (source === "bytea" && STRINGS.has(target.type)) return `convert_from(${expression}, 'UTF8')`;
  // Text and varchar targets: no explicit cast. The column's own value is then converted with an
  // assignment cast, which fails on a value too long for VARCHAR(n); an explicit `::VARCHAR(n)`
  // would silently truncate it. Every type has an assignment cast to text.
  if (STRINGS.has(target.type)) return expression;
  // text → bytea: the text's UTF-8 bytes (a plain cast would read backslash escapes).
  if (STRINGS.has(source) && target.type === "bytea") return `convert_to(${expression}, 'UTF8')`;
  // Numbers → boolean: only int4 has a cast to boolean; a comparison works for every number type
  // (0 is false, anything else true, NULL stays NULL).
  if (NUMBERS.has(source) && target.type === "boolean") return `${expression} <> 0`;
  // boolean → numbers: only boolean → int4 exists (true → 1, false → 0); go through it.
  if (source === "boolean" && NUMBERS.has(target.type)) {
    return target.type === "integer" ? `${expression}::INTEGER` : `${expression}::INTEGER::${postgresColumnType(target)}`;
  }
  // Everything else, e.g. varchar → integer ('42' → 42; a non-numeric string fails the migration
  // and, DDL being transactional, changes nothing), json → jsonb, timestamp → timestamptz
  // (read in the session's TimeZone).
  return `${expression}::${postgresColumnType(target)}`;
}
