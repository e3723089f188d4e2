import {
  type Dialect,
  type MigProblem,
  type Operation,
  type Snapshot,
  MigError,
  autoInputResolver,
  diff,
  explicitRenames,
  findBackfillQuestions,
  isMigError,
  parseBackfillArguments,
  planForDialect,
  resolveCapabilities,
  resolveRenames,
} from "@mig/core";

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
 * through core's public API in the CLI's order: rename decisions, backfill values, `diff`,
 * `planForDialect` (first without rebuilds, then with them where allowed and offered), and one
 * emit of every operation without a connection, so that an emitter's refusal is found before
 * anything is written. Refusals are thrown as the CLI throws them (`MIG_E_UNSUPPORTED`,
 * `MIG_E_DIFF`, `MIG_E_NEEDS_INPUT`).
 */
export async function planAutoMigration(input: AutoMigrationInput): Promise<readonly Operation[]> {
  const { dialect, from, to } = input;
  const renames = await resolveRenames(from, to, autoInputResolver("n"), explicitRenames(input.renames ?? []));
  const questions = findBackfillQuestions(from, to, renames);
  const backfill = parseBackfillArguments(questions, input.backfill ?? []);
  const operations = diff(from, to, { renames, backfill });
  if (operations.length === 0) return operations;
  const capabilities = resolveCapabilities(dialect.capabilities);
  try {
    return fitToDialect(operations, dialect, from, false);
  } catch (error) {
    if (!isMigError(error, "MIG_E_UNSUPPORTED") || !capabilities.rebuildTable || !input.allowRebuild) throw error;
    return fitToDialect(operations, dialect, from, true);
  }
}

function fitToDialect(operations: readonly Operation[], dialect: Dialect, from: Snapshot, allowRebuild: boolean): readonly Operation[] {
  const planned = planForDialect(operations, resolveCapabilities(dialect.capabilities), { allowRebuild, from });
  const problems: MigProblem[] = [];
  for (const operation of planned) {
    if (operation.kind === "raw") continue;
    try {
      dialect.emitter.emit(operation);
    } catch (error) {
      problems.push({ message: `${operation.kind}: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  if (problems.length > 0) {
    throw new MigError("MIG_E_UNSUPPORTED", `${dialect.name} cannot run ${problems.length} operation(s) of this migration`, { problems });
  }
  return planned;
}
