import type { MigrationStatusReport } from "@mig/core";

/**
 * What makes `mig check` exit 1, one line each: an applied migration whose file was edited since
 * it ran, an applied migration whose file is gone, a migration that stopped part-way. Pending
 * migrations are not among them: they are what `forwards` is for.
 */
export function inconsistencies(report: MigrationStatusReport): string[] {
  return [
    ...report.migrations.filter((m) => m.checksumMismatch).map((m) => `${m.appName}/${m.id} was edited after it was applied`),
    ...report.orphans.map((o) => `${o.appName}/${o.id} is applied but its file is gone (mig clean ${o.appName} removes the row)`),
    ...report.migrations.flatMap((m) =>
      m.partial
        ? [`${m.appName}/${m.id} stopped part-way ${m.partial.direction} (${m.partial.statementsDone} of ${m.partial.total} steps): run mig ${m.partial.direction} ${m.appName} to finish it`]
        : [],
    ),
  ];
}
