import { existsSync } from "node:fs";
import { relative } from "node:path";
import {
  diff,
  explicitRenames,
  isTable,
  isMigError,
  MigError,
  planForTargets,
  resolveCapabilities,
  type ResolvedCapabilities,
  snapshotFromTables,
  type Dialect,
  type MigProblem,
  type Operation,
  type RenameResolver,
  type Snapshot,
} from "@mig/core";
import { markOnline } from "@mig/core/dialect";
import { findBackfillQuestions } from "@mig/core/internal";
import type { ResolvedApp } from "../../config/load-config";
import type { CliDeps } from "../../deps";
import { describeLoadError } from "../../project/describe-load-error";
import { replayApp, type ReplayedApp } from "../../project/replay-app";
import { answerBackfills, backfillsFor } from "./backfill-answers";
import { answerRenames, renamesForApp } from "./rename-answers";

export interface AppPlanInput {
  readonly app: ResolvedApp;
  /** Every app of the config: the others' tables are what foreign keys may point to. */
  readonly apps: readonly ResolvedApp[];
  readonly dialect: Dialect;
  /** Every database the migrations must run on: the configured dialect first, then `targets`. */
  readonly targets: readonly Dialect[];
  readonly resolver: RenameResolver;
  readonly renames: readonly string[];
  readonly backfills: readonly string[];
  /** `new all`: flags are shared by the apps, each app takes the ones about its tables. */
  readonly shareFlags: boolean;
  /** Mark the operations online (`--online`, or `online: true` in the config). */
  readonly online?: boolean;
  /** Consent to the locking form of online changes a target refuses online (`--allow-locking`, recorded on them). */
  readonly allowLocking?: boolean;
}

/** One app's changes: the operations, or the questions nobody answered. */
export type AppPlan = (
  | {
      readonly kind: "operations";
      readonly app: ResolvedApp;
      readonly operations: readonly Operation[];
      /** Call once the file of these operations is written (the replay cache then covers it). */
      readonly written: ReplayedApp["written"];
    }
  | { readonly kind: "open"; readonly app: ResolvedApp; readonly questions: readonly MigProblem[] }
) & {
  /** The `--rename` and `--backfill` arguments this app took (for `new all`, to find the ones no app took). */
  readonly used: readonly string[];
};

/** Loads a tables module (`MIG_E_CONFIG` when the file is missing or does not load). */
export async function loadTables(app: ResolvedApp, deps: CliDeps): Promise<Record<string, unknown>> {
  const shown = relative(deps.cwd, app.tablesPath) || app.tablesPath;
  if (!existsSync(app.tablesPath)) {
    throw new MigError("MIG_E_CONFIG", `The tables module of app "${app.name}" does not exist: ${shown}`, {
      hint: "Fix apps[].tables in the config (paths are relative to the config file)",
    });
  }
  try {
    return await deps.loadModule(app.tablesPath);
  } catch (error) {
    if (error && typeof error === "object" && typeof (error as { code?: unknown }).code === "string" && (error as { code: string }).code.startsWith("MIG_E_")) throw error;
    const failure = describeLoadError(error, app.tablesPath, deps.cwd);
    throw new MigError("MIG_E_SCHEMA_INVALID", `${failure.where} cannot be loaded: ${failure.reason}`, {
      hint: "Fix the error in the tables module",
      problems: failure.problems,
      meta: failure.meta,
      cause: error,
    });
  }
}

async function externalTableNames(app: ResolvedApp, apps: readonly ResolvedApp[], deps: CliDeps): Promise<string[]> {
  const names: string[] = [];
  for (const other of apps) {
    if (other.name === app.name || !existsSync(other.tablesPath)) continue;
    const module = await loadTables(other, deps);
    for (const value of Object.values(module)) if (isTable(value)) names.push(value.name);
  }
  return names;
}

/**
 * What `new --auto` would write for one app: replay its migrations (the schema so far), take the
 * snapshot of its tables (the schema wanted), decide renames and backfills, diff, and fit the
 * operations to the dialect. Writes nothing.
 */
export async function planApp(
  input: AppPlanInput,
  deps: CliDeps,
  allowRebuild: (problems: readonly MigProblem[]) => Promise<boolean>,
): Promise<AppPlan> {
  const { app, dialect } = input;
  const targets = input.targets.length > 0 ? input.targets : [dialect];
  // Compiled while the migrations are replayed.
  deps.prepareModules?.([app.tablesPath]);
  const replayed = await replayApp(app, deps);
  const from = replayed.snapshot;
  const capabilities = resolveCapabilities(dialect.capabilities);
  const to = snapshotFor(await loadTables(app, deps), await externalTableNames(app, input.apps, deps), dialect, targets);

  const tables = new Set([...from.tableNames(), ...to.tableNames()]);
  const renameArgs = input.shareFlags ? renamesForApp(input.renames, tables) : input.renames;
  const renames = await answerRenames(from, to, input.resolver, explicitRenames(renameArgs));
  const decisions = renames.kind === "decided" ? renames.decisions : renames.assumed;
  const questions = findBackfillQuestions(from, to, decisions);
  const backfillArgs = input.shareFlags ? backfillsFor(input.backfills, questions) : input.backfills;

  const used = [...renameArgs, ...backfillArgs];
  if (renames.kind === "open") {
    const renameQuestions = (renames.error as { problems?: readonly MigProblem[] }).problems ?? [];
    const given = new Set(backfillArgs.map((arg) => arg.slice(0, arg.indexOf("="))));
    const backfillQuestions = questions
      .filter((q) => q.required && !given.has(q.key))
      .map((q): MigProblem => ({ message: `${q.question} (if the renames above are answered no)`, table: q.table, column: q.column.name }));
    return { kind: "open", app, questions: [...renameQuestions, ...backfillQuestions], used };
  }
  const backfill = await answerBackfills(questions, backfillArgs, deps);
  if (backfill.open.length > 0) return { kind: "open", app, questions: backfill.open, used };

  const diffed = diff(from, to, { renames: renames.decisions, backfill: backfill.values });
  const operations = input.online ? markOnline(diffed) : diffed;
  const { written } = replayed;
  if (operations.length === 0) return { kind: "operations", app, operations, used, written };
  return { kind: "operations", app, operations: await planForTargets(operations, targets, from, allowRebuild, input.allowLocking === true), used, written };
}

/**
 * The schema the tables describe. Names mig derives (indexes, constraints) are cut to fit the
 * strictest target, so that one file runs on all of them; a name that does not fit names it.
 */
function snapshotFor(module: Record<string, unknown>, externalTables: readonly string[], dialect: Dialect, targets: readonly Dialect[]): Snapshot {
  const capabilities = resolveCapabilities(dialect.capabilities);
  let strictest: Dialect | undefined;
  let maxIdentifierLength = capabilities.maxIdentifierLength;
  for (const target of targets) {
    const limit = resolveCapabilities(target.capabilities).maxIdentifierLength;
    if (limit < maxIdentifierLength) [strictest, maxIdentifierLength] = [target, limit];
  }
  try {
    return snapshotFromTables(module, { externalTables, maxIdentifierLength, indexMethods: capabilities.indexMethods, dialect });
  } catch (error) {
    if (!strictest || !(isMigError(error, "MIG_E_IDENTIFIER") || isMigError(error, "MIG_E_SCHEMA_INVALID"))) throw error;
    throw new MigError(error.code, error.message, {
      ...(error.problems ? { problems: error.problems } : {}),
      meta: { ...error.meta, target: strictest.name },
      hint: `Names must fit every target; ${strictest.name} allows ${maxIdentifierLength} bytes (config targets)`,
      cause: error,
    });
  }
}
