import type { BenchColumn, BenchTable } from "./bench-schema";

const FACTORIES = ["serial", "varchar", "integer", "text", "bigint", "smallint", "boolean", "numeric", "doublePrecision", "real", "timestamptz", "jsonb", "uuid", "foreignKey"] as const;

function columnCode(column: BenchColumn, tables: readonly BenchTable[]): string {
  let code: string;
  if (column.references !== undefined) code = `foreignKey(() => ${tables[column.references]!.constant})`;
  else if (column.kind === "varchar") code = `varchar({ length: ${column.length} })`;
  else if (column.kind === "numeric") code = `numeric({ precision: ${column.precision}, scale: ${column.scale} })`;
  else code = `${column.kind}()`;
  if (column.primaryKey) code += ".primaryKey()";
  if (column.nullable) code += ".nullable()";
  if (column.default === "zero") code += ".default(0)";
  if (column.default === "one") code += ".default(1)";
  if (column.default === "true") code += ".default(true)";
  if (column.default === "now") code += ".defaultNow()";
  if (column.unique) code += ".unique()";
  if (column.index) code += ".index()";
  return code;
}

/** The schema as a mig tables module (`export const T0001 = table("t_0001", { … })`). */
export function migTablesModule(tables: readonly BenchTable[]): string {
  const lines = [`import { table, ${FACTORIES.join(", ")} } from "@mig/core";`, ""];
  for (const table of tables) {
    lines.push(`export const ${table.constant} = table(${JSON.stringify(table.name)}, {`);
    for (const column of table.columns) lines.push(`  ${column.name}: ${columnCode(column, tables)},`);
    lines.push("});", "");
  }
  return lines.join("\n");
}
