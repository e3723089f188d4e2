import {
  type Dialect,
  type Operation,
  type Snapshot,
  autoInputResolver,
  diff,
  explicitRenames,
  planForTargets,
  resolveRenames,
} from "@mig/core";
import { findBackfillQuestions, parseBackfillArguments } from "@mig/core/internal";

export interface AutoMigrationInput {
  readonly dialect: Dialect;
  /** The schema of the app's migrations (replayed). */
  readonly from: Snapshot;
  /** The schema of its tables. */
  readonly to: Snapshot;
  /** `--rename OLD=NEW` arguments; every other rename question is answered no (`--auto-input n`). */
  readonly renames?: readonly string[];
  /** `--backfill TABLE.COLUMN=VALUE` arguments. */
  readonly backfill?: readonly string[];
  /** `--allow-rebuild`. */
  readonly allowRebuild?: boolean;
}

/**
 * The operations `mig new --auto --rename … --auto-input n --backfill … [--allow-rebuild]` writes,
 * through core's public API in the CLI's order: rename decisions, backfill values, `diff`, and
 * `planForTargets` (core's planner for the dialect, with consent to rebuilds where allowed).
 * Refusals are thrown as the CLI throws them (`MIG_E_UNSUPPORTED`, `MIG_E_DIFF`, `MIG_E_NEEDS_INPUT`).
 */
export async function planAutoMigration(input: AutoMigrationInput): Promise<readonly Operation[]> {
  const { dialect, from, to } = input;
  const renames = await resolveRenames(from, to, autoInputResolver("n"), explicitRenames(input.renames ?? []));
  const questions = findBackfillQuestions(from, to, renames);
  const backfill = parseBackfillArguments(questions, input.backfill ?? []);
  const operations = diff(from, to, { renames, backfill });
  if (operations.length === 0) return operations;
  // The same planner `mig new` runs: logical operations, consent recorded where a rebuild is needed.
  return planForTargets(operations, [dialect], from, async () => input.allowRebuild === true);
}
