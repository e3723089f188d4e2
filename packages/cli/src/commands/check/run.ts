import { migrationStatus } from "@mig/core";
import { DEFAULT_TRACKING_TABLE, planPending } from "@mig/core/internal";
import { EXIT, runCommand, type GlobalOptions } from "../../command-context";
import type { CliDeps } from "../../deps";
import type { ExitCode } from "../../output/exit-code";
import { renderTable } from "../../output/render-table";
import { loadSources } from "../../project/load-sources";
import { configAllowsRebuild } from "../run-options";
import { inconsistencies } from "./inconsistencies";
import { checkDrift } from "./check-drift";

export interface CheckOptions extends GlobalOptions {
  /** One app; default every app. */
  readonly app?: string | undefined;
  /** Compare the live schema with the applied migrations instead (exit 1 on drift). */
  readonly drift?: boolean | undefined;
}

/** One row of `mig check --json`. */
export interface CheckRow {
  readonly app: string;
  readonly id: string;
  readonly description: string;
  readonly applied: boolean;
  readonly checksumMismatch: boolean;
  /** Applied, and its file is gone (the row has no file, so `description` is empty). */
  readonly fileMissing?: true;
  /** Stopped part-way on a database without transactional DDL. */
  readonly partial?: { readonly direction: "forwards" | "backwards"; readonly statementsDone: number; readonly total: number };
}

/**
 * `mig check [app]`: one row per migration file (app, ID, description, applied, edited since it
 * ran), plus applied migrations whose file is gone. Reads only. Exit 0 when every applied
 * migration matches its file, even when some are pending; exit 1 (`EXIT.failed`) on any of
 * `inconsistencies`, or on a pending migration this database would refuse (planned as `forwards`
 * plans it: an operation it cannot do, or a rebuild without consent), so that CI can gate on it.
 */
export function run(options: CheckOptions, deps: CliDeps): Promise<ExitCode> {
  if (options.drift) return checkDrift(options, deps);
  return runCommand(deps, options, async (context) => {
    const { output } = context;
    const apps = await context.apps(options.app ?? "all");
    const sources = await loadSources(apps, deps);
    const config = (await context.config()).config;
    const { report, refused } = await context.withConnection(async (dialect, connection) => {
      const base = { dialect, connection, sources, apps: apps.map((a) => a.name), trackingTable: config.trackingTable ?? DEFAULT_TRACKING_TABLE };
      const status = await migrationStatus(base);
      // Pending migrations are planned for this database as forwards would plan them (the one
      // planner, same consent): one that would be refused is reported now, not at deploy time.
      const pending = new Set(status.migrations.filter((m) => !m.applied).map((m) => `${m.appName}\u0000${m.id}`));
      const plans = await planPending(base, sources.filter((s) => pending.has(`${s.appName}\u0000${s.id}`)), { allowRebuild: configAllowsRebuild(config.allowRebuild, dialect) });
      const cannot = plans.flatMap((p) => (p.ok ? [] : [`${p.appName}/${p.id} cannot run on ${dialect.name}: ${p.error?.problems?.map((q) => q.message).join("; ") || p.error?.message}${p.error?.hint ? ` (${p.error.hint})` : ""}`]));
      return { report: status, refused: cannot };
    });
    const rows: CheckRow[] = report.migrations.map((m) => ({
      app: m.appName,
      id: m.id,
      description: m.description,
      applied: m.applied,
      checksumMismatch: m.checksumMismatch,
      ...(m.partial ? { partial: { direction: m.partial.direction, statementsDone: m.partial.statementsDone, total: m.partial.total } } : {}),
    }));
    const problems = [...inconsistencies(report), ...refused];
    const exitCode = problems.length > 0 ? EXIT.failed : EXIT.ok;
    if (output.json) {
      const orphans = report.orphans.map((o): CheckRow => ({ app: o.appName, id: o.id, description: "", applied: true, checksumMismatch: false, fileMissing: true }));
      output.result([...rows, ...orphans]);
      return exitCode;
    }
    const c = output.color;
    if (rows.length === 0) output.line("No migrations yet. Write one with: mig new <app> --auto");
    else {
      const table = renderTable(
        ["APP", "MIGRATION_ID", "DESCRIPTION", "APPLIED", "CHECKSUM"],
        rows.map((r) => [
          r.app,
          r.id,
          r.description,
          // A migration stopped part-way (no transactional DDL): how far it got, statement-wise.
          partialLabel(r.partial) ?? (r.applied ? "yes" : "no"),
          r.checksumMismatch ? "MISMATCH" : r.applied ? "ok" : "-",
        ]),
      );
      for (const line of table) output.line(line.replace(/ MISMATCH$/, ` ${c.red("MISMATCH")}`));
    }
    const pending = rows.filter((r) => !r.applied).length;
    const edited = rows.filter((r) => r.checksumMismatch);
    output.line();
    output.line(`${rows.length - pending} applied, ${pending} pending${edited.length ? `, ${edited.length} edited since applied` : ""}`);
    for (const problem of problems) output.warn(problem);
    return exitCode;
  });
}

function partialLabel(partial: { readonly direction: string; readonly statementsDone: number; readonly total: number } | undefined): string | undefined {
  if (!partial) return undefined;
  return `partial ${partial.statementsDone}/${partial.total}${partial.direction === "backwards" ? " backwards" : ""}`;
}
