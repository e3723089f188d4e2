import { migrationStatus, type MigrationStatusReport } from "@mig/core";
import { DEFAULT_TRACKING_TABLE } from "@mig/core/internal";
import { runCommand } from "../command-context";
import type { CheckOptions } from "../commands/check/run";
import type { CliDeps } from "../deps";
import { EXIT, type ExitCode } from "../output/exit-code";
import type { Output } from "../output/output";
import { renderTable } from "../output/render-table";
import { loadSources } from "../project/load-sources";
import type { FleetFlags } from "./fleet-flags";
import { FleetProgress } from "./fleet-progress";
import { prepareFleet } from "./prepare-fleet";
import { runFleet, type FleetOutcome } from "./run-fleet";

export interface FleetCheckOptions extends CheckOptions, FleetFlags {}

/** Where a target stands: up to date, behind (pending migrations), inconsistent (edited, missing or half-applied migrations), or not reachable. */
export type TargetCheckStatus = "up-to-date" | "behind" | "inconsistent" | "failed";

/** One target in `mig check --fleet --json`. */
export interface TargetCheck {
  readonly name: string;
  /** Reached, every migration applied, nothing inconsistent. */
  readonly ok: boolean;
  readonly status: TargetCheckStatus;
  readonly error?: { readonly code: string; readonly message: string };
  /** The last applied migration in the order `forwards` applies them (apps in `dependsOn` order, then by ID). */
  readonly lastApplied: { readonly app: string; readonly id: string } | null;
  readonly pending: number;
  readonly migrations: readonly { readonly app: string; readonly id: string; readonly applied: boolean; readonly checksumMismatch: boolean }[];
  /** Applied migrations whose file is gone. */
  readonly missingFiles: readonly { readonly app: string; readonly id: string }[];
  /** Migrations stopped part-way (databases without transactional DDL). */
  readonly partial: readonly { readonly app: string; readonly id: string; readonly statementsDone: number; readonly total: number }[];
}

function targetCheck(outcome: FleetOutcome<MigrationStatusReport>): TargetCheck {
  const report = outcome.value;
  const migrations = (report?.migrations ?? []).map((m) => ({ app: m.appName, id: m.id, applied: m.applied, checksumMismatch: m.checksumMismatch }));
  // In the order forwards applies them: apps in dependency order, each app's files by ID.
  const last = (report?.migrations ?? []).filter((m) => m.applied).at(-1);
  const missingFiles = (report?.orphans ?? []).map((o) => ({ app: o.appName, id: o.id }));
  const partial = (report?.migrations ?? []).flatMap((m) => (m.partial ? [{ app: m.appName, id: m.id, statementsDone: m.partial.statementsDone, total: m.partial.total }] : []));
  const pending = migrations.filter((m) => !m.applied).length;
  const status: TargetCheckStatus = !outcome.ok
    ? "failed"
    : migrations.some((m) => m.checksumMismatch) || missingFiles.length > 0 || partial.length > 0
      ? "inconsistent"
      : pending > 0
        ? "behind"
        : "up-to-date";
  return {
    name: outcome.name,
    ok: status === "up-to-date",
    status,
    ...(outcome.error ? { error: { code: outcome.error.code, message: outcome.error.message } } : {}),
    lastApplied: last ? { app: last.appName, id: last.id } : null,
    pending,
    migrations,
    missingFiles,
    partial,
  };
}

function problemsCell(check: TargetCheck): string {
  if (check.error) return `${check.error.code}: ${check.error.message}`;
  const edited = check.migrations.filter((m) => m.checksumMismatch);
  return [
    ...edited.map((m) => `${m.app}/${m.id} edited since applied`),
    ...check.missingFiles.map((m) => `${m.app}/${m.id} applied but its file is gone`),
    ...check.partial.map((m) => `${m.app}/${m.id} stopped at ${m.statementsDone}/${m.total}`),
  ].join("; ");
}

function printChecks(output: Output, checks: readonly TargetCheck[]): void {
  const c = output.color;
  const rows = checks.map((t) => [t.name, t.status, t.lastApplied ? `${t.lastApplied.app} ${t.lastApplied.id}` : "-", t.status === "failed" ? "-" : String(t.pending), problemsCell(t)]);
  for (const line of renderTable(["TARGET", "STATUS", "LAST APPLIED", "PENDING", "PROBLEMS"], rows)) {
    output.line(line.replace(/ (behind|inconsistent|failed) /, (all, word: string) => ` ${word === "behind" ? c.yellow(word) : c.red(word)} `));
  }
  const count = (status: TargetCheckStatus) => checks.filter((t) => t.status === status).length;
  output.line();
  output.line(`${checks.length} targets: ${count("up-to-date")} up to date, ${count("behind")} behind, ${count("inconsistent")} inconsistent, ${count("failed")} failed`);
}

/**
 * `mig check [app] --fleet [--json]`: per target, the last applied migration, how many are
 * pending, and any edited, missing or half-applied migration. Reads only. Exit 1 when any target
 * is behind, inconsistent or cannot be reached.
 */
export function run(options: FleetCheckOptions, deps: CliDeps): Promise<ExitCode> {
  return runCommand(deps, options, async (context) => {
    const fleet = await prepareFleet(context, options);
    const apps = await context.apps(options.app ?? "all");
    const sources = await loadSources(apps, deps);
    const trackingTable = fleet.loaded.config.trackingTable ?? DEFAULT_TRACKING_TABLE;
    const progress = new FleetProgress(context.output, deps, fleet.targets.length, "check");
    let outcomes: FleetOutcome<MigrationStatusReport>[];
    try {
      outcomes = await runFleet(fleet.targets, {
        concurrency: fleet.concurrency,
        resolveDialect: (spec) => context.resolveDialect(spec),
        elapsed: deps.elapsed,
        work: (_target, dialect, connection) => migrationStatus({ dialect, connection, sources, apps: apps.map((a) => a.name), trackingTable }),
        onStart: (target) => progress.start(target),
        onFinish: (outcome) => progress.finish(outcome),
      });
    } finally {
      progress.stop();
    }
    const checks = outcomes.map(targetCheck);
    if (context.output.json) context.output.result({ ok: checks.every((t) => t.ok), targets: checks });
    else printChecks(context.output, checks);
    return checks.every((t) => t.ok) ? EXIT.ok : EXIT.failed;
  });
}
