import { MigError, type MigProblem } from "../errors/mig-error";
import { type Table, isTable, tableRef } from "../schema/table";
import { TableFacts } from "../schema/table-facts";
import type { SchemaProblem, SchemaRuleContext, ValidateTablesOptions } from "./schema-rule";
import { SCHEMA_RULES } from "./schema-rules";

/** Every problem of the tables' definitions, in rule order, the rules sharing `facts`. */
export function schemaProblems(tables: readonly Table[], options: ValidateTablesOptions, facts: TableFacts): SchemaProblem[] {
  const external = (options.externalTables ?? []).map((t) => (isTable(t) ? tableRef(t) : t));
  const context: SchemaRuleContext = {
    tables,
    knownTables: new Set([...tables.map(tableRef), ...external]),
    maxIdentifierLength: options.maxIdentifierLength ?? 63,
    indexMethods: options.indexMethods,
    dialect: options.dialect,
    facts,
  };
  return SCHEMA_RULES.flatMap((rule) => rule(context));
}

/** The facts `schemaProblems` and `checkTables` take for these options. */
export function factsFor(options: ValidateTablesOptions): TableFacts {
  return new TableFacts(options.maxIdentifierLength ?? 63);
}

/** `validateTables` with the rules sharing `facts` (which the caller may go on using). */
export function checkTables(tables: readonly Table[], options: ValidateTablesOptions, facts: TableFacts): void {
  const found = schemaProblems(tables, options, facts);
  if (found.length === 0) return;
  const problems = found.map(toMigProblem);
  const code = found.every((p) => p.identifier) ? "MIG_E_IDENTIFIER" : "MIG_E_SCHEMA_INVALID";
  const first = problems[0] as MigProblem;
  const where = [first.table, first.column].filter((part) => part !== undefined).join(".");
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""})` : "";
  throw new MigError(code, `Invalid table definition${where ? ` ${where}` : ""}: ${first.message}${more}`, {
    hint: "Fix the tables listed; nothing was written.",
    problems,
  });
}

function toMigProblem(problem: SchemaProblem): MigProblem {
  return {
    message: problem.message,
    ...(problem.table === undefined ? {} : { table: problem.table }),
    ...(problem.column === undefined ? {} : { column: problem.column }),
  };
}
