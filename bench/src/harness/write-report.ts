import { existsSync, readFileSync } from "node:fs";
import type { Environment } from "./environment";
import type { CaseReport, ReportTable } from "./report-types";

function table(t: ReportTable): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [`${t.caption}:`, "", line(t.header), line(t.header.map(() => "---")), ...t.rows.map(line)].join("\n");
}

const verdict = (met: boolean | null) => (met === null ? "not judged" : met ? "**met**" : "**missed**");

/** Where a case kept from an earlier run was measured on another machine, say which. */
function otherMachine(report: CaseReport, environment: Environment): string {
  const cpu = (machine: readonly (readonly [string, string])[] | undefined) => machine?.find(([key]) => key === "CPU")?.[1];
  const then = cpu(report.machine);
  return then !== undefined && then !== cpu(environment.machine) ? ` Measured on another machine: ${report.machine!.map(([key, value]) => `${key} ${value}`).filter((s) => /^(CPU|OS) /.test(s)).join(", ")}.` : "";
}

export interface ReportInput {
  readonly environment: Environment;
  readonly reports: readonly CaseReport[];
  readonly runs: number;
  readonly smoke: boolean;
  readonly command: string;
  /** Markdown appended as it is (the record of optimisations, before/after). */
  readonly appendixPath?: string;
}

/** BENCHMARKS.md: how it was measured, on what, the targets, then each case's tables and commands. */
export function writeReport(input: ReportInput): string {
  const out: string[] = [];
  out.push("# Benchmarks", "");
  out.push(
    "Written by `pnpm bench` (`bash scripts/bench.sh`): do not edit by hand; the record of optimisations at the end comes from `bench/notes/optimisations.md`.",
    "",
    `Generated ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC by \`${input.command}\`${input.smoke ? " (**smoke mode: tiny sizes, one run, figures meaningless**)" : ""}.`,
    "",
    "## How",
    "",
    `- Every figure is over ${input.runs} timed runs (after one untimed warm-up run of each tool; none in smoke mode): median (min–max).`,
    "- Compared tools run **alternately in the same session** (round r runs each once, the order reversed every other round), so a slow moment of the machine hits both. Ratios are drizzle-kit (or the floor) ÷ mig, on medians.",
    "- Each run is a fresh process, spawned as a user runs it (`node packages/cli/bin/mig.cjs …`, the `bin` of `@mig/cli`, `node bench/node_modules/drizzle-kit/bin.cjs …`). Wall time is measured around the spawn; CPU time (user + system, children included) and peak RSS come from GNU time (`/usr/bin/time -f '%U %S %M'`).",
    "- The machine is shared with other work (other builds and test suites ran at the same time): wall times move with its load (given per case); CPU time moves much less, and is shown beside it. Cases may have run at different times (`--cases`); each says when it finished.",
    "- What is measured is the build in `packages/*/dist` at the time (`scripts/bench.sh` rebuilds it first when a source is newer).",
    "- Schemas are generated (`bench/src/generate/`): N tables × 15 columns (serial, varchar, integer, text, bigint, smallint, boolean, numeric, double, real, timestamptz, jsonb, uuid), one FK to an earlier table, one index and one unique per table, written both as a mig tables module and as a drizzle-kit schema of the same shape.",
    "",
  );
  out.push("## Machine", "", "| | |", "| --- | --- |", ...input.environment.machine.map(([k, v]) => `| ${k} | ${v} |`), "");
  out.push("## Versions", "", "| | |", "| --- | --- |", ...input.environment.versions.map(([k, v]) => `| ${k} | ${v} |`), "");
  out.push("## Targets", "", "| case | target | measured | |", "| --- | --- | --- | --- |");
  for (const report of input.reports) for (const t of report.targets) out.push(`| ${report.id} | ${t.target} | ${t.measured} | ${verdict(t.met)} |`);
  out.push("");
  for (const report of input.reports) {
    out.push(`## Case ${report.id}: ${report.title}`, "", report.description, "");
    out.push(`Finished ${report.ranAt.slice(0, 16).replace("T", " ")} UTC, load average ${report.load.map((l) => l.toFixed(1)).join(", ")}.${otherMachine(report, input.environment)}`, "");
    for (const t of report.tables) out.push(table(t), "");
    const [blocks, lines] = [report.notes.filter((n) => n.includes("\n")), report.notes.filter((n) => !n.includes("\n"))];
    if (lines.length > 0) out.push(...lines.map((n) => `- ${n}`), "");
    for (const block of blocks) out.push(block, "");
    out.push("Commands:", "", "```sh", ...report.commands, "```", "");
  }
  if (input.appendixPath && existsSync(input.appendixPath)) out.push(readFileSync(input.appendixPath, "utf8").trim(), "");
  return out.join("\n");
}
