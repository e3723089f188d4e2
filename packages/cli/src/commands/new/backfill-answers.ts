import { isMigError, type JsonValue, type MigProblem } from "@mig/core";
import { parseBackfillArguments, parseBackfillValue, type BackfillQuestion } from "@mig/core/internal";
import type { CliDeps } from "../../deps";

export interface BackfillOutcome {
  readonly values: Readonly<Record<string, JsonValue>>;
  /** Required questions nobody answered (no flag, no TTY). */
  readonly open: readonly MigProblem[];
}

/**
 * Values for existing rows: `--backfill` first, then a prompt on a TTY (checked against the
 * column's type, asked again until valid); without a TTY a required question stays open.
 * Optional ones (a column becoming NOT NULL) are asked on a TTY only; empty means none.
 */
export async function answerBackfills(questions: readonly BackfillQuestion[], args: readonly string[], deps: CliDeps): Promise<BackfillOutcome> {
  const values: Record<string, JsonValue> = { ...parseBackfillArguments(questions, args) };
  const open: MigProblem[] = [];
  for (const question of questions) {
    if (question.key in values) continue;
    if (!deps.stdinIsTTY) {
      if (question.required) open.push({ message: question.question, table: question.table, column: question.column.name });
      continue;
    }
    const answer = await deps.prompter.text(question.question, {
      validate: (text) => {
        if (text === "" && !question.required) return undefined;
        try {
          parseBackfillValue(question.column, text);
          return undefined;
        } catch (error) {
          return isMigError(error) ? (error.problems[0]?.message ?? error.message) : String(error);
        }
      },
    });
    if (answer === undefined || (answer === "" && !question.required)) {
      if (question.required) open.push({ message: question.question, table: question.table, column: question.column.name });
      continue;
    }
    values[question.key] = parseBackfillValue(question.column, answer);
  }
  return { values, open };
}

/** The `--backfill` arguments that answer one of `questions` (for `new all`). */
export function backfillsFor(args: readonly string[], questions: readonly BackfillQuestion[]): string[] {
  const keys = new Set(questions.map((q) => q.key));
  return args.filter((arg) => keys.has(arg.slice(0, Math.max(0, arg.indexOf("=")))));
}
