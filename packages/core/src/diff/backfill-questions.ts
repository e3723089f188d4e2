import type { ColumnEntity } from "../snapshot/entities";
import type { Snapshot } from "../snapshot/snapshot";
import { NO_RENAMES, type RenameDecisions } from "./rename-decisions";
import { type SchemaMatch, matchSchemas } from "./schema-match";

/**
 * A column whose existing rows need a value:
 * - `added`: a NOT NULL column without a default added to an existing table. Required: the diff
 *   refuses to plan without a value (`MIG_E_NEEDS_INPUT`).
 * - `made_not_null`: a nullable column becoming NOT NULL. Optional: without a value the change
 *   fails at run time if the table holds NULLs; with one, NULLs are replaced first.
 */
export interface BackfillQuestion {
  /** `"table.column"`, new names: the key of `decisions.backfill` and of `--backfill`. */
  readonly key: string;
  readonly table: string;
  readonly column: ColumnEntity;
  readonly reason: "added" | "made_not_null";
  readonly required: boolean;
  readonly question: string;
}

/**
 * The backfill questions of a diff, in table then column order. `decisions` are the rename
 * decisions the diff will run with (a column added to a renamed table still needs a value).
 *
 * @example
 * ```ts
 * findBackfillQuestions(before, after, renames).map((q) => q.key); // ["band.founded"]
 * ```
 */
export function findBackfillQuestions(from: Snapshot, to: Snapshot, decisions: RenameDecisions = NO_RENAMES): readonly BackfillQuestion[] {
  return backfillQuestionsOf(matchSchemas(from, to, decisions));
}

export function backfillQuestionsOf(match: SchemaMatch): BackfillQuestion[] {
  const questions: BackfillQuestion[] = [];
  for (const pair of match.pairs) {
    const table = pair.to.table.name;
    const perTable: { question: BackfillQuestion; position: number }[] = [];
    for (const { column, position } of pair.added) {
      if (needsBackfill(column)) perTable.push({ question: backfillQuestion(table, column, "added"), position });
    }
    for (const { from, to, position } of pair.columns) {
      if (from.nullable && !to.nullable) perTable.push({ question: backfillQuestion(table, to, "made_not_null"), position });
    }
    perTable.sort((a, b) => a.position - b.position);
    for (const { question } of perTable) questions.push(question);
  }
  return questions;
}

/** A NOT NULL column without a default, which existing rows cannot fill by themselves. */
export function needsBackfill(column: ColumnEntity): boolean {
  // serial and bigserial fill themselves from their sequence.
  return !column.nullable && column.default === null && column.type !== "serial" && column.type !== "bigserial";
}

export function backfillQuestion(table: string, column: ColumnEntity, reason: BackfillQuestion["reason"]): BackfillQuestion {
  const key = `${table}.${column.name}`;
  const question =
    reason === "added"
      ? `Column ${key} is NOT NULL and has no default: what value should existing rows get?`
      : `Column ${key} becomes NOT NULL: what value should replace existing NULLs? (empty: none)`;
  return { key, table, column, reason, required: reason === "added", question };
}
