import { MigError, type MigProblem } from "../errors/mig-error";
import type { JsonValue } from "../snapshot/types";
import type { BackfillQuestion } from "./backfill-questions";
import { parseBackfillValue } from "./parse-backfill-value";

/**
 * Turns `--backfill TABLE.COLUMN=VALUE` arguments into the `backfill` decisions of `diff`,
 * converting each value to its column's type. Throws `MIG_E_USAGE` listing every argument that
 * is malformed, names no backfill question, repeats one, or holds an invalid value.
 *
 * @example
 * ```ts
 * const backfill = parseBackfillArguments(findBackfillQuestions(before, after, renames), ["band.founded=2020-01-01"]);
 * diff(before, after, { renames, backfill });
 * ```
 */
export function parseBackfillArguments(questions: readonly BackfillQuestion[], args: readonly string[]): Readonly<Record<string, JsonValue>> {
  const byKey = new Map(questions.map((question) => [question.key, question]));
  const values: Record<string, JsonValue> = {};
  const problems: MigProblem[] = [];
  for (const arg of args) {
    const at = arg.indexOf("=");
    const key = at < 0 ? "" : arg.slice(0, at);
    const question = byKey.get(key);
    if (at < 0 || !question) {
      problems.push({ message: at < 0 ? `--backfill ${arg}: expected TABLE.COLUMN=VALUE` : `--backfill ${arg}: ${key} needs no backfill value` });
      continue;
    }
    if (key in values) {
      problems.push({ message: `--backfill ${arg}: ${key} is given twice`, table: question.table, column: question.column.name });
      continue;
    }
    try {
      values[key] = parseBackfillValue(question.column, arg.slice(at + 1));
    } catch (error) {
      if (!(error instanceof MigError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) {
    throw new MigError("MIG_E_USAGE", `Invalid --backfill argument${problems.length > 1 ? "s" : ""}`, {
      problems,
      hint: "Write --backfill TABLE.COLUMN=VALUE for a NOT NULL column without a default added to an existing table",
    });
  }
  return values;
}
