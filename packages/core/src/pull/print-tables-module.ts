import type { ColumnEntity, ColumnTypeSpec, IndexEntity, UniqueEntity } from "../snapshot/entities";
import { splitTableName } from "../schema/qualified-table-name";
import { deriveName, MAX_DERIVED_NAME_LENGTH } from "../snapshot/derive-name";
import type { Snapshot } from "../snapshot/snapshot";
import { printKey, printLiteral, printString } from "../serialise/print-literal";
import { type LeftOut, type PlannedTable, planTablesModule } from "./tables-module-plan";

export interface PrintTablesModuleOptions {
  /** The dialect's longest identifier: names derived as the DSL derives them are left out. Default 63. */
  readonly maxIdentifierLength?: number;
  /** A comment put at the top (a line each). */
  readonly header?: readonly string[];
}

export interface PrintedTablesModule {
  readonly text: string;
  /** What the DSL cannot say (for raw steps). */
  readonly leftOut: readonly LeftOut[];
}

/**
 * The column factories, by type: `varchar({ length: 100 })`, `numeric({ precision: 5, scale: 2 })`,
 * `enumeration("mood", ["sad", "ok"])` (named after the column where the dialect keeps no enum
 * name), `array(integer())`, ... Adds the factories it uses to `imports`.
 */
function factory(column: ColumnTypeSpec & { readonly name?: string }, imports: Set<string>): string {
  const name = FACTORY_NAMES[column.type] ?? column.type;
  imports.add(name);
  if (column.type === "varchar" || column.type === "char") return `${name}({ length: ${column.length} })`;
  if (column.type === "numeric" && column.precision !== undefined) {
    return `numeric({ precision: ${column.precision}${column.scale === undefined ? "" : `, scale: ${column.scale}`} })`;
  }
  if (column.type === "enum") {
    return `enumeration(${printString(column.enumName ?? column.name ?? "enum")}, [${(column.values ?? []).map(printString).join(", ")}])`;
  }
  if (column.type === "array" && column.element !== undefined) {
    return `array(${factory(column.element, imports)}${column.fallback === undefined ? "" : `, { fallback: ${printString(column.fallback)} }`})`;
  }
  return `${name}()`;
}

/** Factories named otherwise than their type. */
const FACTORY_NAMES: Partial<Record<string, string>> = { enum: "enumeration" };

/**
 * A tables module in mig's DSL for a schema read from a database (`mig pull`): one exported
 * `table(...)` per table, FK targets first, then by name; columns in their order with type,
 * nullability, default, primary key, single-column uniques, indexes and foreign keys; composite
 * keys, uniques, indexes and checks as table options. Names are written only where they differ
 * from the ones the DSL derives. What the DSL cannot say is left out and returned in `leftOut`.
 * Same snapshot, same text.
 *
 * @example
 * ```ts
 * const { text, leftOut } = printTablesModule(await introspector.introspect(connection));
 * ```
 */
export function printTablesModule(snapshot: Snapshot, options: PrintTablesModuleOptions = {}): PrintedTablesModule {
  const plan = planTablesModule(snapshot);
  const maxLength = Math.min(options.maxIdentifierLength ?? 63, MAX_DERIVED_NAME_LENGTH);
  const leftOutKeys = new Set(plan.leftOut.map((l) => l.entity));
  const imports = new Set<string>(["table"]);
  const defined = new Set<string>();
  const exportOf = new Map(plan.tables.map((t) => [t.schema.table.name, t.exportName]));
  const keys = new Map(snapshot.tables().map((t) => [t.table.name, t.table.primaryKey]));
  let annotated = false;
  const blocks = plan.tables.map((planned) => {
    const printed = printTable(planned, { maxLength, leftOut: leftOutKeys as ReadonlySet<unknown>, imports, defined, exportOf, keys });
    if (printed.annotated) annotated = true;
    defined.add(planned.schema.table.name);
    return printed.text;
  });
  const names = [...imports].sort();
  const header = (options.header ?? []).map((line) => `// ${line}`);
  const importLine = `import { ${names.join(", ")}${annotated ? ", type Table" : ""} } from "@mig/core";`;
  return { text: [...header, ...(header.length ? [""] : []), importLine, "", blocks.join("\n\n"), ""].join("\n"), leftOut: plan.leftOut };
}

interface PrintContext {
  readonly maxLength: number;
  readonly leftOut: ReadonlySet<unknown>;
  readonly imports: Set<string>;
  /** Tables already written above (a reference to a later one is annotated, TS7022). */
  readonly defined: ReadonlySet<string>;
  readonly exportOf: ReadonlyMap<string, string>;
  /** Primary keys by table. */
  readonly keys: ReadonlyMap<string, readonly string[]>;
}

function isSingleKey(key: readonly string[] | undefined, column: string): boolean {
  return key !== undefined && key.length === 1 && key[0] === column;
}

function printTable(planned: PlannedTable, context: PrintContext): { text: string; annotated: boolean } {
  const { schema, foreignKeys } = planned;
  // A table of a named schema is printed by its plain name with the schema option.
  const ref = schema.table.name;
  const { name, schema: databaseSchema } = splitTableName(ref);
  const derive = (columns: readonly string[], suffix: string) => deriveName([name, ...columns], suffix, context.maxLength);
  const singleKey = schema.table.primaryKey.length === 1 ? schema.table.primaryKey[0] : undefined;
  // The first single-column unique and index of a column go on the column; the rest are options.
  const columnUnique = new Map<string, UniqueEntity>();
  const columnIndex = new Map<string, IndexEntity>();
  const uniques: UniqueEntity[] = [];
  const indexes: IndexEntity[] = [];
  for (const unique of schema.uniques) {
    if (context.leftOut.has(unique)) continue;
    if (unique.columns.length === 1 && !columnUnique.has(unique.columns[0]!)) columnUnique.set(unique.columns[0]!, unique);
    else uniques.push(unique);
  }
  for (const index of schema.indexes) {
    if (context.leftOut.has(index)) continue;
    if (index.columns.length === 1 && !columnIndex.has(index.columns[0]!)) columnIndex.set(index.columns[0]!, index);
    else indexes.push(index);
  }
  let annotated = false;
  const lines: string[] = [];
  for (const column of schema.columns) {
    if (planned.leftOutColumns.has(column.name)) continue;
    const fk = foreignKeys.get(column.name);
    let text: string;
    if (fk) {
      context.imports.add("foreignKey");
      const self = fk.references.table === ref;
      const later = !self && !context.defined.has(fk.references.table);
      if (later) annotated = true;
      const target = self ? `"self"` : `(${later ? "): Table" : ")"} => ${context.exportOf.get(fk.references.table)}`;
      const fkOptions: string[] = [];
      if (fk.onDelete !== "no action") fkOptions.push(`onDelete: ${printString(fk.onDelete)}`);
      if (fk.onUpdate !== "no action") fkOptions.push(`onUpdate: ${printString(fk.onUpdate)}`);
      if (!isSingleKey(context.keys.get(fk.references.table), fk.references.columns[0]!)) fkOptions.push(`column: ${printString(fk.references.columns[0]!)}`);
      if (fk.name !== derive([column.name], "fkey")) fkOptions.push(`name: ${printString(fk.name)}`);
      text = `foreignKey(${target}${fkOptions.length ? `, { ${fkOptions.join(", ")} }` : ""})`;
    } else {
      text = factory(column, context.imports);
    }
    if (column.name === singleKey) text += ".primaryKey()";
    if (column.nullable) text += ".nullable()";
    text += printDefault(column);
    const unique = columnUnique.get(column.name);
    if (unique) text += unique.name === derive([column.name], "key") ? ".unique()" : `.unique({ name: ${printString(unique.name)} })`;
    const index = columnIndex.get(column.name);
    if (index) text += printIndexModifier(index, derive([column.name], "idx"));
    lines.push(`  ${printKey(column.name)}: ${text},`);
  }
  const tableOptions: string[] = [];
  if (databaseSchema !== undefined) tableOptions.push(`schema: ${printString(databaseSchema)}`);
  if (schema.table.primaryKey.length > 1) tableOptions.push(`primaryKey: ${printLiteral(schema.table.primaryKey)}`);
  if (uniques.length > 0) {
    tableOptions.push(`unique: [${uniques.map((u) => (u.name === derive(u.columns, "key") ? printLiteral(u.columns) : `{ columns: ${printLiteral(u.columns)}, name: ${printString(u.name)} }`)).join(", ")}]`);
  }
  if (indexes.length > 0) {
    const printed = indexes.map((i) => {
      const parts = [`columns: ${printLiteral(i.columns)}`];
      if (i.method !== "btree") parts.push(`method: ${printString(i.method)}`);
      if (i.name !== derive(i.columns, "idx")) parts.push(`name: ${printString(i.name)}`);
      return `{ ${parts.join(", ")} }`;
    });
    tableOptions.push(`indexes: [${printed.join(", ")}]`);
  }
  const checks = schema.checks.filter((c) => !context.leftOut.has(c));
  if (checks.length > 0) {
    const printed = checks.map((c, i) => (c.name === deriveName([name, String(i + 1)], "check", context.maxLength) ? `{ sql: ${printString(c.sql)} }` : `{ name: ${printString(c.name)}, sql: ${printString(c.sql)} }`));
    tableOptions.push(`checks: [\n    ${printed.join(",\n    ")},\n  ]`);
  }
  const optionsText = tableOptions.length ? `, {\n  ${tableOptions.join(",\n  ")},\n}` : "";
  return { text: `export const ${planned.exportName} = table(${printString(name)}, {\n${lines.join("\n")}\n}${optionsText});`, annotated };
}

function printIndexModifier(index: IndexEntity, derived: string): string {
  const parts: string[] = [];
  if (index.method !== "btree") parts.push(`method: ${printString(index.method)}`);
  if (index.name !== derived) parts.push(`name: ${printString(index.name)}`);
  return parts.length ? `.index({ ${parts.join(", ")} })` : ".index()";
}

function printDefault(column: ColumnEntity): string {
  const value = column.default;
  if (value === null) return "";
  switch (value.kind) {
    case "now":
      return ".defaultNow()";
    case "random":
      return ".defaultRandom()";
    case "sql":
      return `.defaultSql(${printString(value.sql)})`;
    case "value":
      return `.default(${printLiteral(value.value)})`;
  }
}
