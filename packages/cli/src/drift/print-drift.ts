import type { DriftReport } from "@mig/core/internal";
import type { Output } from "../output/output";

/** `mig check --drift` for people: one line per difference, then what was not compared. */
export function printDrift(output: Output, report: DriftReport): void {
  const c = output.color;
  if (report.differences.length === 0) output.line(c.green("No drift: the database is what its applied migrations made"));
  else {
    output.line(`${c.red("Drift")}: the database differs from its applied migrations in ${report.differences.length} place${report.differences.length === 1 ? "" : "s"}`);
    for (const d of report.differences) output.line(`  ${d.change === "extra" ? "+" : d.change === "missing" ? "-" : "~"} ${d.message}`);
  }
  for (const object of report.notCompared) output.note(`not compared: ${object.kind} ${object.table}${object.kind === "table" ? "" : `.${object.name}`} (${object.reason})`);
}

/** `mig check --drift --json`: `{ drift, differences, notCompared }`. */
export function driftJson(report: DriftReport): unknown {
  return {
    drift: report.differences.length > 0,
    differences: report.differences.map(({ change, entity, table, name, aspects, expected, actual, message }) => ({ change, entity, table, name, aspects, expected, actual, message })),
    notCompared: report.notCompared.map(({ kind, table, name, reason }) => ({ kind, table, name, reason })),
  };
}
