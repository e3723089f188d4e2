import { DEFAULT_TRACKING_TABLE, migrationStatus } from "@mig/core";
import { EXIT, runCommand, type GlobalOptions } from "../../command-context";
import type { CliDeps } from "../../deps";
import type { ExitCode } from "../../output/exit-code";
import { renderTable } from "../../output/render-table";
import { loadSources } from "../../project/load-sources";
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
}

/**
 * `mig check [app]`: one row per migration file (app, ID, description, applied, edited since it
 * ran), plus applied migrations whose file is gone. Reads only. Exit 0 even when some are pending.
 */
export function run(options: CheckOptions, deps: CliDeps): Promise<ExitCode> {
  if (options.drift) return checkDrift(options, deps);
  return runCommand(deps, options, async (context) => {
    const { output } = context;
    const apps = await context.apps(options.app ?? "all");
    const sources = await loadSources(apps, deps);
    const config = (await context.config()).config;
    const report = await context.withConnection((dialect, connection) =>
      migrationStatus({ dialect, connection, sources, apps: apps.map((a) => a.name), trackingTable: config.trackingTable ?? DEFAULT_TRACKING_TABLE }),
    );
    const rows: CheckRow[] = report.migrations.map((m) => ({
      app: m.appName,
      id: m.id,
      description: m.description,
      applied: m.applied,
      checksumMismatch: m.checksumMismatch,
    }));
    if (output.json) {
      output.result(rows);
      return EXIT.ok;
    }
    const c = output.color;
    if (rows.length === 0) output.line("No migrations yet. Write one with: mig new <app> --auto");
    else {
      // A migration stopped part-way (no transactional DDL): say how far it got, statement-wise.
      const partial = new Map(report.migrations.flatMap((m) => (m.partial ? [[`${m.appName}/${m.id}`, m.partial] as const] : [])));
      const table = renderTable(
        ["APP", "MIGRATION_ID", "DESCRIPTION", "APPLIED", "CHECKSUM"],
        rows.map((r) => [
          r.app,
          r.id,
          r.description,
          partialLabel(partial.get(`${r.app}/${r.id}`)) ?? (r.applied ? "yes" : "no"),
          r.checksumMismatch ? "MISMATCH" : r.applied ? "ok" : "-",
        ]),
      );
      for (const line of table) output.line(line.replace(/ MISMATCH$/, ` ${c.red("MISMATCH")}`));
    }
    const pending = rows.filter((r) => !r.applied).length;
    const edited = rows.filter((r) => r.checksumMismatch);
    output.line();
    output.line(`${rows.length - pending} applied, ${pending} pending${edited.length ? `, ${edited.length} edited since applied` : ""}`);
    for (const row of edited) output.warn(`${row.app}/${row.id} was edited after it was applied`);
    for (const orphan of report.orphans) {
      output.warn(`${orphan.appName}/${orphan.id} is applied but its file is gone (mig clean ${orphan.appName} removes the row)`);
    }
    return EXIT.ok;
  });
}

function partialLabel(partial: { readonly direction: string; readonly statementsDone: number; readonly total: number } | undefined): string | undefined {
  if (!partial) return undefined;
  return `partial ${partial.statementsDone}/${partial.total}${partial.direction === "backwards" ? " backwards" : ""}`;
}
