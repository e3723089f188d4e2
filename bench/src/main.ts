/**
 * The benchmark harness: `pnpm bench` (all cases, BENCHMARKS.md at the root), or
 * `scripts/bench.sh --smoke` (tiny sizes, one run, report in bench/.results/). Options:
 * `--cases 1,4` runs some cases only (the report keeps the last full results of the others, kept in
 * git in bench/results/, each case stamped with when and on what it ran), `--cases report` only
 * rewrites BENCHMARKS.md, `--runs N` (default 5), `--rows N` (the table size of case 8; default
 * 1,000,000, 2,000 in smoke mode).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { case1 } from "./cases/case-1-new-from-nothing";
import { case2 } from "./cases/case-2-new-with-history";
import { case3 } from "./cases/case-3-forwards";
import { case4 } from "./cases/case-4-cold-start";
import { case5 } from "./cases/case-5-peak-memory";
import { case6 } from "./cases/case-6-in-process";
import { case7 } from "./cases/case-7-fleet";
import { case8 } from "./cases/case-8-online";
import { case9 } from "./cases/case-9-floor";
import { caseContext, type BenchCase } from "./harness/case-context";
import { describeEnvironment } from "./harness/environment";
import { RECORDED, RESULTS, ROOT, BENCH } from "./harness/paths";
import type { CaseReport } from "./harness/report-types";
import { writeReport } from "./harness/write-report";

const CASES: Record<string, BenchCase> = { "1": case1, "2": case2, "3": case3, "4": case4, "5": case5, "6": case6, "7": case7, "8": case8, "9": case9 };
/** The order the cases run in. */
const ORDER = ["1", "4", "9", "5", "2", "3", "6", "7", "8"];

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function stored(id: string): CaseReport | undefined {
  const path = join(RECORDED, `case-${id}.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as CaseReport) : undefined;
}

async function main(): Promise<void> {
  const smoke = process.argv.includes("--smoke");
  const runs = Number(option("--runs") ?? (smoke ? 1 : 5));
  const selected = (option("--cases")?.split(",") ?? ORDER).filter((id) => CASES[id]);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const environment = describeEnvironment();
  const rows = option("--rows");
  if (rows !== undefined && !(Number.isInteger(Number(rows)) && Number(rows) > 0)) throw new Error(`--rows must be a positive whole number, got ${rows}`);
  const context = caseContext(runs, smoke, log, rows === undefined ? undefined : Number(rows));
  const reports: CaseReport[] = [];
  mkdirSync(RESULTS, { recursive: true });
  mkdirSync(RECORDED, { recursive: true });
  for (const id of ORDER.filter((i) => selected.includes(i))) {
    log(`== case ${id}`);
    const report: CaseReport = { ...(await CASES[id]!(context)), machine: environment.machine };
    reports.push(report);
    if (smoke) writeFileSync(join(RESULTS, `case-${id}.smoke.json`), `${JSON.stringify(report, null, 2)}\n`);
    else writeFileSync(join(RECORDED, `case-${id}.json`), `${JSON.stringify(report, null, 2)}\n`);
  }
  const command = ["pnpm bench", ...process.argv.slice(2)].join(" ");
  // With --cases, the other cases keep their last full results (each case says when it ran).
  const all = (smoke ? reports : ORDER.map((id) => reports.find((r) => r.id === id) ?? stored(id)).filter((r): r is CaseReport => r !== undefined))
    .slice()
    .sort((a, b) => a.id.localeCompare(b.id));
  const markdown = writeReport({ environment, reports: all, runs, smoke, command, appendixPath: join(BENCH, "notes/optimisations.md") });
  const target = smoke ? join(RESULTS, "BENCHMARKS.smoke.md") : join(ROOT, "BENCHMARKS.md");
  writeFileSync(target, markdown);
  log(`wrote ${target}`);
  for (const report of reports) for (const t of report.targets) log(`case ${report.id}: ${t.target}: ${t.measured} — ${t.met === null ? "not judged" : t.met ? "met" : "MISSED"}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
