import type { MigrationResult, RunResult } from "@mig/core";
import { EXIT, type ExitCode } from "../output/exit-code";
import { formatDuration } from "../output/format-duration";
import type { Output } from "../output/output";
import { renderTable } from "../output/render-table";
import type { FleetOutcome } from "./run-fleet";

/** What a run did to one target. */
export type TargetRunStatus = "applied" | "reversed" | "preview" | "unchanged" | "failed";

function statusOf(outcome: FleetOutcome<RunResult>): TargetRunStatus {
  const result = outcome.value;
  if (!outcome.ok || !result) return "failed";
  if (result.nothingToDo) return "unchanged";
  if (result.preview) return "preview";
  return result.direction === "forwards" ? "applied" : "reversed";
}

const doneOf = (result: RunResult | undefined): MigrationResult[] => (result && !result.preview ? result.migrations.filter((m) => m.status === "applied") : []);

function resultCell(outcome: FleetOutcome<RunResult>, direction: string): string {
  const status = statusOf(outcome);
  const count = doneOf(outcome.value).length;
  switch (status) {
    case "failed":
      return count > 0 ? `FAILED after ${count}` : "FAILED";
    case "unchanged":
      return direction === "forwards" ? "up to date" : "nothing to reverse";
    case "preview":
      return `would ${direction === "forwards" ? "apply" : "reverse"} ${outcome.value?.migrations.length ?? 0}`;
    default:
      return `${status} ${count}`;
  }
}

/** The migration a target ended on in this run: the failed one, else the last one run. */
function lastCell(outcome: FleetOutcome<RunResult>): string {
  const migrations = outcome.value?.migrations ?? [];
  const failed = migrations.find((m) => m.status === "failed");
  const last = failed ?? (outcome.value?.preview ? migrations.at(-1) : doneOf(outcome.value).at(-1));
  return last ? `${last.appName} ${last.id}` : "-";
}

function targetJson(outcome: FleetOutcome<RunResult>): Record<string, unknown> {
  const error = outcome.error;
  return {
    name: outcome.name,
    ok: outcome.ok,
    status: statusOf(outcome),
    ...(error ? { error: { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) } } : {}),
    migrations: (outcome.value?.migrations ?? []).map((m) => ({
      app: m.appName,
      id: m.id,
      description: m.description,
      status: m.status,
      durationMs: Math.round(m.durationMs),
      ...(m.fake ? { fake: true } : {}),
      ...(m.statementsTotal !== undefined ? { statementsRun: m.statementsRun ?? 0, statementsTotal: m.statementsTotal } : {}),
    })),
    durationMs: Math.round(outcome.durationMs),
  };
}

/**
 * The end of a fleet run: with `--json` one document (`{ direction, preview, ok, summary,
 * targets: [{ name, ok, status, error?, migrations, durationMs }] }`); otherwise a table of every
 * target, the failed ones with their error, and a summary line. Exit 1 when any target failed.
 */
export function reportFleetRun(output: Output, outcomes: readonly FleetOutcome<RunResult>[], options: { direction: "forwards" | "backwards"; preview: boolean; durationMs: number }): ExitCode {
  const counts = { applied: 0, reversed: 0, preview: 0, unchanged: 0, failed: 0 } satisfies Record<TargetRunStatus, number>;
  for (const outcome of outcomes) counts[statusOf(outcome)]++;
  const ok = counts.failed === 0;
  if (output.json) {
    output.result({
      direction: options.direction,
      preview: options.preview,
      ok,
      summary: { targets: outcomes.length, ...counts, durationMs: Math.round(options.durationMs) },
      targets: outcomes.map(targetJson),
    });
    return ok ? EXIT.ok : EXIT.failed;
  }
  const c = output.color;
  const table = renderTable(
    ["TARGET", "RESULT", "LAST", "TIME"],
    outcomes.map((o) => [o.name, resultCell(o, options.direction), lastCell(o), formatDuration(o.durationMs)]),
  );
  for (const line of table) output.line(line.includes(" FAILED") ? line.replace(/ FAILED/, ` ${c.red("FAILED")}`) : line);
  const failed = outcomes.filter((o) => !o.ok);
  if (failed.length > 0) {
    output.line();
    output.line(c.red(`Failed targets (${failed.length}):`));
    for (const outcome of failed) {
      output.line(`  ${outcome.name}: ${outcome.error ? `${outcome.error.code}: ${outcome.error.message}` : "failed"}`);
      const partial = outcome.value?.migrations.find((m) => m.status === "failed" && m.statementsTotal !== undefined && (m.statementsRun ?? 0) > 0);
      if (partial) output.line(`    stopped after ${partial.statementsRun} of ${partial.statementsTotal} steps of ${partial.appName} ${partial.id}: the progress is recorded, a rerun resumes it`);
    }
    const hint = failed.find((o) => o.error?.hint)?.error?.hint;
    if (hint) output.line(`${c.dim("hint:")} ${hint}`);
    output.line(`${c.dim("hint:")} fix the cause and run the same command again: targets that are done are not touched`);
  }
  output.line();
  const changed = options.direction === "forwards" ? `${counts.applied} applied` : `${counts.reversed} reversed`;
  const parts = options.preview ? [`${counts.preview} with work to do`] : [changed];
  parts.push(`${counts.unchanged} ${options.direction === "forwards" ? "up to date" : "with nothing to reverse"}`, `${counts.failed} failed`);
  output.line(`${outcomes.length} targets: ${parts.join(", ")} (${formatDuration(options.durationMs)})${options.preview ? "; preview only: nothing was changed" : ""}`);
  return ok ? EXIT.ok : EXIT.failed;
}
