import type { MigrationResult, RunnerEvent, RunResult } from "@mig/core";
import type { Statement } from "@mig/core/dialect";
import type { CliDeps } from "../deps";
import { exitCodeFor, type ExitCode } from "./exit-code";
import { formatDuration } from "./format-duration";
import type { Output } from "./output";

/** Prints one line per migration as the runner finishes it: status, app/ID, description, duration. */
export function progressPrinter(output: Output): (event: RunnerEvent) => void {
  const c = output.color;
  const started = new Map<string, { description: string; fake: boolean }>();
  return (event) => {
    if (event.type === "lock-wait") output.note(`${c.dim("waiting:")} ${event.message}`);
    // The dialect says it holds no migration lock (`lockKind: "none"`): say so once, before anything runs.
    if (event.type === "lock-acquired" && event.lock === "none") output.warn("this database takes no migration lock: do not run two mig processes against it at once");
    if (event.type === "migration-start") started.set(`${event.appName}/${event.id}`, { description: event.description, fake: event.fake });
    if (event.type !== "migration-finish") return;
    const start = started.get(`${event.appName}/${event.id}`);
    const description = start?.description;
    const mark = event.status === "applied" ? c.green("✓") : event.status === "failed" ? c.red("✗") : c.dim("-");
    const verb = event.direction === "backwards" ? "reversed" : "applied";
    const what = event.status !== "applied" ? event.status : start?.fake ? "recorded without running (fake)" : verb;
    const about = description ? ` ${description}` : "";
    output.line(`${mark} ${event.appName} ${event.id}${about} ${c.dim(`${what} in ${formatDuration(event.durationMs)}`)}`);
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** `params` of a statement as a trailing SQL comment, so a preview shows what is bound. */
function withParams(statement: Statement): string {
  const sql = statement.sql.trimEnd().replace(/;$/, "");
  return statement.params?.length ? `${sql}; -- params: ${JSON.stringify(statement.params)}` : `${sql};`;
}

/** The SQL of a preview, migration by migration. */
export function printPreview(output: Output, result: RunResult): void {
  for (const migration of result.migrations) {
    output.line(`-- ${migration.appName} ${migration.id}${migration.description ? `: ${migration.description}` : ""}`);
    if (migration.separateSteps) output.line("-- runs step by step (online): each step commits on its own and is recorded, so a stopped run resumes after it");
    let where: Statement["transaction"];
    for (const statement of migration.statements ?? []) {
      if (migration.separateSteps && statement.transaction !== where) {
        where = statement.transaction;
        output.line(where === "none" ? "-- outside a transaction:" : "-- each in a transaction of its own:");
      }
      for (const repair of statement.repair ?? []) {
        output.line(`${withParams(repair)}${repair.onlyIf ? ` -- only if: ${repair.onlyIf.sql}${repair.onlyIf.params?.length ? ` -- params: ${JSON.stringify(repair.onlyIf.params)}` : ""}` : ""}`);
      }
      output.line(withParams(statement));
    }
    if (migration.rawFunctions) output.line(`-- ${plural(migration.rawFunctions, "raw function")} not run in a preview`);
    output.line();
  }
  output.line(`Preview only: nothing was changed (${plural(result.migrations.length, "migration")})`);
}

/** The end of a run: a summary line; the JSON document with `--json`. */
export function printSummary(output: Output, result: RunResult, deps: CliDeps, startedAt: number): void {
  const done = result.migrations.filter((m) => m.status === "applied");
  if (output.json) {
    output.result(runJson(result));
    return;
  }
  if (result.preview) return;
  const verb = result.direction === "forwards" ? (done.some((m) => m.fake) ? "Recorded" : "Applied") : "Reversed";
  const total = formatDuration(deps.elapsed() - startedAt);
  if (result.ok) output.line(`${verb} ${plural(done.length, "migration")} in ${total}`);
  else {
    const skipped = result.migrations.filter((m) => m.status === "skipped").length;
    output.line(`${verb} ${plural(done.length, "migration")}, 1 failed${skipped ? `, ${skipped} not run` : ""} (${total})`);
  }
}

/**
 * What happened to a migration, as `--json` says it (the `MigrationStatus` schema of the README):
 * `applied` / `reversed` (ran, in the run's direction), `faked` (recorded without running),
 * `planned` (a preview: would run), `failed`, `not-run` (an earlier one failed), `done-elsewhere`
 * (another process applied or reversed it meanwhile).
 */
export type JsonMigrationStatus = "applied" | "reversed" | "faked" | "planned" | "failed" | "not-run" | "done-elsewhere";

function jsonStatus(result: RunResult, migration: MigrationResult): JsonMigrationStatus {
  if (migration.status === "failed") return "failed";
  if (result.preview) return "planned";
  if (migration.concurrent) return "done-elsewhere";
  if (migration.status === "skipped") return "not-run";
  if (migration.fake) return "faked";
  return result.direction === "backwards" ? "reversed" : "applied";
}

/** The `--json` document of `forwards` and `backwards` (the `RunResult` schema of the README). */
export function runJson(result: RunResult, migrations: readonly MigrationResult[] = result.migrations): Record<string, unknown> {
  return { direction: result.direction, preview: result.preview, ok: result.ok, migrations: migrations.map((m) => toJson(result, m)) };
}

function toJson(result: RunResult, migration: MigrationResult): Record<string, unknown> {
  return {
    app: migration.appName,
    id: migration.id,
    description: migration.description,
    status: jsonStatus(result, migration),
    durationMs: Math.round(migration.durationMs),
    ...(migration.fake ? { fake: true } : {}),
    ...(migration.statements ? { statements: migration.statements } : {}),
    ...(migration.statementsTotal !== undefined ? { statementsRun: migration.statementsRun ?? 0, statementsTotal: migration.statementsTotal } : {}),
  };
}

/**
 * A run that did not complete: the summary and the coded error (with `--json`, only the error,
 * its `meta.migrations` saying what happened to each migration). Returns the exit code.
 */
export function reportFailure(output: Output, result: RunResult, deps: CliDeps, startedAt: number): ExitCode {
  const error = result.error;
  if (!error) return 1;
  if (output.json) {
    output.error({ code: error.code, message: error.message, hint: error.hint, problems: error.problems, meta: { ...error.meta, migrations: result.migrations.map((m) => toJson(result, m)) } });
  } else {
    if (!result.preview && result.migrations.some((m) => m.status !== "skipped")) printSummary(output, result, deps, startedAt);
    const partial = result.migrations.find((m) => m.status === "failed" && m.statementsTotal !== undefined && (m.statementsRun ?? 0) > 0);
    if (partial) {
      output.warn(
        `${partial.appName} ${partial.id} stopped after ${partial.statementsRun} of ${partial.statementsTotal} steps (it ran step by step: no transactional DDL, or online steps); ` +
          "the progress is recorded: fix the cause and run the same command again to resume",
      );
    }
    output.error(error);
  }
  return exitCodeFor(error.code);
}
