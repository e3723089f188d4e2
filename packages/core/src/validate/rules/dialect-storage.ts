import { type ResolvedCapabilities, resolveCapabilities } from "../../dialect/capabilities";
import { isNonFiniteDefault } from "../../schema/normalise-default";
import type { ColumnTypeSpec } from "../../snapshot/entities";
import type { Table, TableColumn } from "../../schema/table";
import type { SchemaProblem, SchemaRule } from "../schema-rule";
import { factsOf } from "../schema-rule";

const DECIMAL = /^-?(\d+)(?:\.(\d+))?$/;

/**
 * What the dialect's storage cannot hold, found before anything is written: a serial that is not
 * the table's whole primary key where the dialect says it must be (`serialPrimaryKeyOnly`), and a
 * numeric default with more digits than the type the dialect stores (`types.canonical`: MySQL's
 * `numeric()` is DECIMAL(10,0), which would store `1.2` as `1` without a word).
 * Also a type the dialect's capability flags do not offer (`interval`, `enums`, `arrays` without
 * a JSON fallback) and a NaN or Infinity default where `nonFiniteNumbers` is false.
 * Runs only when the options name a dialect.
 */
export const dialectStorage: SchemaRule = (context) => {
  const dialect = context.dialect;
  if (dialect === undefined) return [];
  const facts = factsOf(context);
  const capabilities = resolveCapabilities(dialect.capabilities);
  const serialKeyOnly = capabilities.serialPrimaryKeyOnly;
  const problems: SchemaProblem[] = [];
  for (const table of context.tables as readonly Table[]) {
    const key = facts.primaryKey(table);
    for (const column of table.columnList as readonly TableColumn[]) {
      const type = facts.columnType(table, column);
      if (!type.ok) continue;
      const at = { table: table.name, column: column.name };
      const serial = type.value.type === "serial" || type.value.type === "bigserial";
      if (serial && serialKeyOnly && !(key.length === 1 && key[0] === column)) {
        problems.push({ message: `A ${type.value.type} column must be the table's whole primary key on ${dialect.name}; use integer() or bigint() here, or make it the primary key`, ...at });
      }
      const unsupported = typeProblem(type.value, capabilities, dialect.name);
      if (unsupported !== undefined) problems.push({ message: unsupported, ...at });
      if (!capabilities.nonFiniteNumbers && column.definition.default !== undefined) {
        const value = facts.columnDefault(table, column, type.value);
        if (value.ok && isNonFiniteDefault(value.value, type.value)) {
          problems.push({ message: `Default ${String((value.value as { value: unknown }).value)} cannot be stored in a ${type.value.type} column on ${dialect.name}, which has no NaN or Infinity; give a finite default`, ...at });
        }
      }
      if (type.value.type !== "numeric" || column.definition.default === undefined) continue;
      const value = facts.columnDefault(table, column, type.value);
      if (!value.ok || value.value?.kind !== "value" || typeof value.value.value !== "string") continue;
      const stored = dialect.types.canonical?.(type.value) ?? type.value;
      if (stored.precision === undefined) continue;
      const problem = decimalOverflow(value.value.value, stored.precision, stored.scale ?? 0);
      if (problem) {
        problems.push({ message: `Default ${value.value.value} cannot be stored exactly in ${dialect.name}'s ${dialect.types.toNative(stored)}: ${problem}; give the column a precision and scale that hold it`, ...at });
      }
    }
  }
  return problems;
};

/** Why the dialect cannot store a column of this type, from its capability flags, or undefined when it can. */
function typeProblem(spec: ColumnTypeSpec, capabilities: ResolvedCapabilities, dialect: string): string | undefined {
  switch (spec.type) {
    case "interval":
      return capabilities.interval ? undefined : `${dialect} has no interval type; store the span as an integer of seconds (or months and seconds), or as text in ISO 8601 form`;
    case "enum":
      return capabilities.enums === false ? `${dialect} has no enum support in mig; use varchar() with a check constraint` : undefined;
    case "array":
      if (capabilities.arrays) return spec.element === undefined ? undefined : typeProblem(spec.element, capabilities, dialect);
      return spec.fallback === "json" ? undefined : `${dialect} has no array type; write array(..., { fallback: "json" }) to store it as a JSON array there, or use a table of its own`;
    default:
      return undefined;
  }
}

/** Why `text` (a decimal) does not fit DECIMAL(precision, scale) exactly, or undefined when it does. */
function decimalOverflow(text: string, precision: number, scale: number): string | undefined {
  const match = DECIMAL.exec(text);
  if (!match) return undefined;
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  const whole = match[1]!.replace(/^0+/, "");
  if (fraction.length > scale) return `it has ${fraction.length} digit${fraction.length === 1 ? "" : "s"} after the point, the type keeps ${scale}`;
  if (whole.length > precision - scale) return `it has ${whole.length} digits before the point, the type keeps ${precision - scale}`;
  return undefined;
}
