import type { BenchColumn, BenchTable } from "./bench-schema";

const IMPORTS = ["pgTable", "serial", "varchar", "integer", "text", "bigint", "smallint", "boolean", "numeric", "doublePrecision", "real", "timestamp", "jsonb", "uuid", "index", "unique"] as const;

function builder(column: BenchColumn): string {
  const name = JSON.stringify(column.name);
  switch (column.kind) {
    case "varchar": return `varchar(${name}, { length: ${column.length} })`;
    case "numeric": return `numeric(${name}, { precision: ${column.precision}, scale: ${column.scale} })`;
    case "bigint": return `bigint(${name}, { mode: "number" })`;
    case "timestamptz": return `timestamp(${name}, { withTimezone: true })`;
    default: return `${column.kind}(${name})`;
  }
}

function columnCode(column: BenchColumn, tables: readonly BenchTable[]): string {
  let code = builder(column);
  if (column.primaryKey) code += ".primaryKey()";
  else if (!column.nullable) code += ".notNull()";
  if (column.default === "zero") code += ".default(0)";
  if (column.default === "one") code += ".default(1)";
  if (column.default === "true") code += ".default(true)";
  if (column.default === "now") code += ".defaultNow()";
  if (column.references !== undefined) code += `.references((): AnyPgColumn => ${tables[column.references]!.constant}.id)`;
  return code;
}

/**
 * The same schema as a drizzle-kit (PostgreSQL) schema module: the same tables, columns, types,
 * nullability, defaults, foreign keys, and the index and unique under mig's names.
 */
export function drizzleSchemaModule(tables: readonly BenchTable[]): string {
  const lines = [`import { ${IMPORTS.join(", ")}, type AnyPgColumn } from "drizzle-orm/pg-core";`, ""];
  for (const table of tables) {
    lines.push(`export const ${table.constant} = pgTable(${JSON.stringify(table.name)}, {`);
    for (const column of table.columns) lines.push(`  ${column.name}: ${columnCode(column, tables)},`);
    const constraints: string[] = [];
    for (const column of table.columns) {
      if (column.index) constraints.push(`index(${JSON.stringify(`${table.name}_${column.name}_idx`)}).on(t.${column.name})`);
      if (column.unique) constraints.push(`unique(${JSON.stringify(`${table.name}_${column.name}_key`)}).on(t.${column.name})`);
    }
    lines.push(`}, (t) => [${constraints.join(", ")}]);`, "");
  }
  return lines.join("\n");
}
