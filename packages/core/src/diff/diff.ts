import { MigError, type MigProblem } from "../errors/mig-error";
import type { Operation } from "../operations/operation";
import type { JsonValue } from "../snapshot/types";
import type { TableSchema } from "../snapshot/entities";
import type { Snapshot } from "../snapshot/snapshot";
import { type DiffContext, targetKey } from "./diff-context";
import { diffTable } from "./diff-table";
import { orderByForeignKeys } from "./order-by-foreign-keys";
import { orderOperations } from "./phases";
import { findTableRenameCandidates } from "./rename-candidates";
import type { RenameDecisions } from "./rename-decisions";
import { matchSchemas } from "./schema-match";

/** The answers a diff runs with. */
export interface DiffDecisions {
  /**
   * Accepted renames (from `resolveRenames`). When absent, only the renames decided without
   * asking (same export name) are applied; every other candidate is a drop and an add.
   */
  readonly renames?: RenameDecisions;
  /** Values for existing rows, by `"table.column"` (new names); see `findBackfillQuestions`. */
  readonly backfill?: Readonly<Record<string, JsonValue>>;
}

/**
 * The operations that turn schema `from` into schema `to`, in the order they must run.
 *
 * Pure and synchronous: no I/O, no prompts, inputs untouched; the same inputs give a deep-equal
 * result. Tables and columns are matched by name after the rename decisions; indexes and
 * constraints by stored name, then by content (so renames keep their stored names). The order
 * is the phase table of `OPERATION_PHASES`, new tables in foreign-key order.
 *
 * Throws `MIG_E_DIFF` for changes it will not plan (a primary key change, a change to or from a
 * serial type, rename decisions that do not fit the schemas), and `MIG_E_NEEDS_INPUT` when a NOT
 * NULL column without a default is added to an existing table and `decisions.backfill` has no value for it.
 *
 * @example
 * ```ts
 * const renames = await resolveRenames(before, after, autoInputResolver("y"));
 * const operations = diff(before, after, { renames, backfill: { "band.founded": "2020-01-01" } });
 * ```
 */
export function diff(from: Snapshot, to: Snapshot, decisions: DiffDecisions = {}): readonly Operation[] {
  const renames = decisions.renames ?? automaticRenames(from, to);
  const match = matchSchemas(from, to, renames);
  if (match.problems.length > 0) {
    throw new MigError("MIG_E_DIFF", "The rename decisions do not fit the schemas", {
      problems: match.problems,
      hint: "Compute the decisions with resolveRenames for these two snapshots",
    });
  }
  const context: DiffContext = { match, backfill: decisions.backfill ?? {}, planned: [], refusals: [], missing: [], targets: { added: new Set(), dropped: new Set() } };

  for (const rename of renames.tables) context.planned.push({ operation: { kind: "rename_table", from: rename.from, to: rename.to }, key: [rename.from] });
  for (const pair of match.pairs) diffTable(pair, context);
  planDroppedTables(match.dropped, context);
  planCreatedTables(match.created, context);

  if (context.refusals.length > 0) throw refused(context.refusals);
  if (context.missing.length > 0) {
    throw new MigError("MIG_E_NEEDS_INPUT", `${context.missing.length} column${context.missing.length > 1 ? "s need" : " needs"} a value for existing rows`, {
      problems: context.missing.map((question) => ({ message: question.question, table: question.table, column: question.column.name })),
      meta: { questions: context.missing.map((question) => question.question), backfill: context.missing.map((question) => question.key) },
      hint: "Answer on a terminal, pass --backfill TABLE.COLUMN=VALUE, or give the column a default",
    });
  }
  return Object.freeze(orderOperations(context.planned));
}

/**
 * Drops tables dependents-first. FKs that cannot go with their table are dropped first: those
 * between dropped tables in a cycle, and those pointing at a unique constraint dropped earlier.
 */
function planDroppedTables(dropped: readonly TableSchema[], context: DiffContext): void {
  const { order, deferred } = orderByForeignKeys(dropped);
  for (const schema of dropped) {
    for (const foreignKey of schema.foreignKeys) {
      if (context.targets.dropped.has(targetKey(foreignKey.references.table, foreignKey.references.columns))) deferred.add(foreignKey);
    }
  }
  order.forEach((schema, position) => {
    for (const foreignKey of schema.foreignKeys) {
      if (deferred.has(foreignKey)) context.planned.push({ operation: { kind: "drop_foreign_key", foreignKey }, key: [schema.table.name, foreignKey.name] });
    }
    const foreignKeys = schema.foreignKeys.filter((foreignKey) => !deferred.has(foreignKey));
    context.planned.push({ operation: { kind: "drop_table", schema: copySchema(schema, foreignKeys) }, key: [order.length - position] });
  });
}

/**
 * Creates tables in FK order with their constraints. FKs that cannot be created with their table
 * are added after everything: those inside a cycle, and those pointing at a column or unique
 * constraint an existing table gains later in this diff.
 */
function planCreatedTables(created: readonly TableSchema[], context: DiffContext): void {
  const { order, deferred } = orderByForeignKeys(created);
  const added = context.targets.added;
  if (added.size > 0) {
    for (const schema of created) {
      for (const foreignKey of schema.foreignKeys) {
        const { table, columns } = foreignKey.references;
        const late = added.has(targetKey(table, columns)) || columns.some((column) => added.has(targetKey(table, [column])));
        if (late) deferred.add(foreignKey);
      }
    }
  }
  for (let position = 0; position < order.length; position++) {
    const schema = order[position] as TableSchema;
    const foreignKeys = deferred.size === 0 ? schema.foreignKeys : schema.foreignKeys.filter((foreignKey) => !deferred.has(foreignKey));
    context.planned.push({ operation: { kind: "create_table", schema: copySchema(schema, foreignKeys) }, key: [position] });
    if (foreignKeys.length === schema.foreignKeys.length) continue;
    for (const foreignKey of schema.foreignKeys) {
      if (deferred.has(foreignKey)) context.planned.push({ operation: { kind: "add_foreign_key", foreignKey }, key: [schema.table.name, foreignKey.name] });
    }
  }
}

/** A table schema of its own (the snapshot's grouped view is shared and must not leak). */
function copySchema(schema: TableSchema, foreignKeys: TableSchema["foreignKeys"]): TableSchema {
  return {
    table: schema.table,
    columns: schema.columns.slice(),
    indexes: schema.indexes.slice(),
    uniques: schema.uniques.slice(),
    checks: schema.checks.slice(),
    foreignKeys: foreignKeys.slice(),
  };
}

function automaticRenames(from: Snapshot, to: Snapshot): RenameDecisions {
  const tables = findTableRenameCandidates(from, to)
    .filter((candidate) => candidate.automatic)
    .map((candidate) => ({ from: candidate.from, to: candidate.to }));
  return { tables, columns: [] };
}

function refused(problems: readonly MigProblem[]): MigError {
  const first = problems[0]?.message ?? "";
  return new MigError("MIG_E_DIFF", problems.length === 1 ? first : `${problems.length} changes cannot be planned`, {
    problems,
    hint: "Split the change: make it by hand in a raw migration (mig new <app>) and keep the tables in step",
  });
}
