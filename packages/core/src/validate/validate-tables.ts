import { MigError, type MigProblem } from "../errors/mig-error";
import { type Table, isTable } from "../schema/table";
import { columnDefaults } from "./rules/column-defaults";
import { columnNames } from "./rules/column-names";
import { columnTypes } from "./rules/column-types";
import { constraintNames } from "./rules/constraint-names";
import { foreignKeys } from "./rules/foreign-keys";
import { identifiers } from "./rules/identifiers";
import { primaryKey } from "./rules/primary-key";
import { tableNames } from "./rules/table-names";
import { tableOptions } from "./rules/table-options";
import type { SchemaProblem, SchemaRule, SchemaRuleContext, ValidateTablesOptions } from "./schema-rule";

/** The rules `validateTables` runs, in the order their problems are listed. */
export const SCHEMA_RULES: readonly SchemaRule[] = [
  tableNames,
  columnNames,
  columnTypes,
  primaryKey,
  foreignKeys,
  columnDefaults,
  tableOptions,
  identifiers,
  constraintNames,
];

/** Every problem of the tables' definitions, in rule order; empty when they are valid. */
export function findSchemaProblems(tables: readonly Table[], options: ValidateTablesOptions = {}): SchemaProblem[] {
  const external = (options.externalTables ?? []).map((t) => (isTable(t) ? t.name : t));
  const context: SchemaRuleContext = {
    tables,
    knownTables: new Set([...tables.map((t) => t.name), ...external]),
    maxIdentifierLength: options.maxIdentifierLength ?? 63,
    indexMethods: options.indexMethods,
  };
  return SCHEMA_RULES.flatMap((rule) => rule(context));
}

/**
 * Checks table definitions before anything is written, and throws one error listing every problem
 * (each naming its table and column): `MIG_E_IDENTIFIER` when all of them are about names being
 * empty or too long, `MIG_E_SCHEMA_INVALID` otherwise.
 *
 * @example
 * ```ts
 * try {
 *   validateTables([Band, Manager], { maxIdentifierLength: 63 });
 * } catch (error) {
 *   if (isMigError(error, "MIG_E_SCHEMA_INVALID")) console.error(error.problems);
 * }
 * ```
 */
export function validateTables(tables: readonly Table[], options: ValidateTablesOptions = {}): void {
  const found = findSchemaProblems(tables, options);
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
