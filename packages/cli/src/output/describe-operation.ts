import type { Operation } from "@mig/core";

/** One short line per operation, for the summary of `new` and data-loss warnings. */
export function describeOperation(operation: Operation): string {
  switch (operation.kind) {
    case "create_table":
      return `create table ${operation.schema.table.name}`;
    case "drop_table":
      return `drop table ${operation.schema.table.name}`;
    case "rename_table":
      return `rename table ${operation.from} to ${operation.to}`;
    case "add_column":
      return `add column ${operation.table}.${operation.column.name}`;
    case "drop_column":
      return `drop column ${operation.table}.${operation.column.name}`;
    case "rename_column":
      return `rename column ${operation.table}.${operation.from} to ${operation.to}`;
    case "alter_column":
      return `alter column ${operation.table}.${operation.to.name}${operation.lossy ? " (narrowing)" : ""}`;
    case "add_index":
      return `add index ${operation.index.name} on ${operation.index.table}`;
    case "drop_index":
      return `drop index ${operation.index.name} on ${operation.index.table}`;
    case "add_unique":
      return `add unique ${operation.unique.name} on ${operation.unique.table}`;
    case "drop_unique":
      return `drop unique ${operation.unique.name} on ${operation.unique.table}`;
    case "add_check":
      return `add check ${operation.check.name} on ${operation.check.table}`;
    case "drop_check":
      return `drop check ${operation.check.name} on ${operation.check.table}`;
    case "add_foreign_key":
      return `add foreign key ${operation.foreignKey.name} on ${operation.foreignKey.table}`;
    case "drop_foreign_key":
      return `drop foreign key ${operation.foreignKey.name} on ${operation.foreignKey.table}`;
    case "rebuild_table":
      return `rebuild table ${operation.to.table.name} (copy into a new table)`;
    case "raw":
      return operation.direction === "forwards" ? "raw function" : "raw function (backwards)";
  }
}

/** What is lost when a destructive operation runs: `table band`, `column band.name`. */
export function describeLoss(operation: Operation): string {
  switch (operation.kind) {
    case "drop_table":
      return `table ${operation.schema.table.name} and its rows`;
    case "drop_column":
      return `column ${operation.table}.${operation.column.name} and its values`;
    case "alter_column":
      return `values of ${operation.table}.${operation.to.name} that do not fit its new type`;
    case "rebuild_table": {
      const kept = new Set(Object.values(operation.columnMap));
      const left = operation.from.columns.filter((column) => !kept.has(column.name)).map((column) => `${operation.from.table.name}.${column.name}`);
      return `column${left.length === 1 ? "" : "s"} ${left.join(", ")} and ${left.length === 1 ? "its" : "their"} values (the rebuild of ${operation.from.table.name} leaves ${left.length === 1 ? "it" : "them"} out)`;
    }
    default:
      return describeOperation(operation);
  }
}
