import { type ResolvedCapabilities, resolveCapabilities } from "../dialect/capabilities";
import type { Dialect } from "../dialect/dialect";
import { MigError, type MigProblem } from "../errors/mig-error";
import type { IndexEntity } from "../snapshot/entities";
import type { SchemaOperation } from "../operations/operation";

/**
 * What a dialect refuses among `operations`, per its capability flags: one problem per operation,
 * naming it. Empty when the dialect can run them all.
 */
export function unsupportedOperations(operations: readonly SchemaOperation[], dialect: Dialect): MigProblem[] {
  const capabilities = resolveCapabilities(dialect.capabilities);
  return operations.flatMap((operation) => problemsOf(operation, capabilities, dialect.name));
}

/** Throws `MIG_E_UNSUPPORTED` naming every operation `dialect` cannot run. */
export function assertSupported(operations: readonly SchemaOperation[], dialect: Dialect, context: string): void {
  const problems = unsupportedOperations(operations, dialect);
  if (problems.length === 0) return;
  throw new MigError(
    "MIG_E_UNSUPPORTED",
    `${context}: ${dialect.name} cannot ${problems.length === 1 ? "run this operation" : `run ${problems.length} operations`}: ${problems.map((p) => p.message).join("; ")}`,
    {
      hint: dialect.capabilities.rebuildTable
        ? "Generate the migration again and allow a table rebuild (--allow-rebuild)."
        : "Change the migration so that it only uses what this dialect supports.",
      problems,
      meta: { dialect: dialect.name },
    },
  );
}

function problemsOf(operation: SchemaOperation, can: ResolvedCapabilities, dialect: string): MigProblem[] {
  const refuse = (message: string, table: string, column?: string): MigProblem[] => [
    { message: `${message} (${dialect}: ${operation.kind} is unsupported)`, table, ...(column ? { column } : {}) },
  ];
  const method = (index: IndexEntity): MigProblem[] =>
    can.indexMethods.includes(index.method) ? [] : refuse(`index "${index.name}" uses method ${index.method}`, index.table);
  switch (operation.kind) {
    case "create_table":
      return operation.schema.indexes.flatMap(method);
    case "alter_column":
      return can.autoAlter ? [] : refuse(`alter column "${operation.table}"."${operation.from.name}"`, operation.table, operation.from.name);
    case "drop_column":
      return can.dropColumn ? [] : refuse(`drop column "${operation.table}"."${operation.column.name}"`, operation.table, operation.column.name);
    case "rename_column":
      return can.renameColumn ? [] : refuse(`rename column "${operation.table}"."${operation.from}"`, operation.table, operation.from);
    case "add_index":
      return method(operation.index);
    case "add_unique":
    case "drop_unique":
      return can.alterConstraints ? [] : refuse(`${operation.kind.replace("_", " ")} "${operation.unique.name}" on "${operation.unique.table}"`, operation.unique.table);
    case "add_check":
    case "drop_check":
      return can.alterConstraints ? [] : refuse(`${operation.kind.replace("_", " ")} "${operation.check.name}" on "${operation.check.table}"`, operation.check.table);
    case "add_foreign_key":
    case "drop_foreign_key":
      return can.alterConstraints
        ? []
        : refuse(`${operation.kind.replace(/_/g, " ")} "${operation.foreignKey.name}" on "${operation.foreignKey.table}"`, operation.foreignKey.table);
    case "rebuild_table":
      return can.rebuildTable ? [] : refuse(`rebuild table "${operation.from.table.name}"`, operation.from.table.name);
    case "drop_table":
    case "rename_table":
    case "add_column":
    case "drop_index":
      return [];
  }
}
