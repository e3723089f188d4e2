import type { Table } from "../schema/table";
import { checkTables, factsFor, schemaProblems } from "./check-tables";
import type { SchemaProblem, ValidateTablesOptions } from "./schema-rule";

export { SCHEMA_RULES } from "./schema-rules";

/** Every problem of the tables' definitions, in rule order; empty when they are valid. */
export function findSchemaProblems(tables: readonly Table[], options: ValidateTablesOptions = {}): SchemaProblem[] {
  return schemaProblems(tables, options, factsFor(options));
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
  checkTables(tables, options, factsFor(options));
}
