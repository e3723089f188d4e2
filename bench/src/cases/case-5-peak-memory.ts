import { createBenchProject } from "../generate/bench-project";
import { historyProject } from "../generate/history-project";
import { alternate, type Contender } from "../harness/alternate";
import { stamp, type BenchCase } from "../harness/case-context";
import { mbRange, msRange, ratio } from "../harness/format";
import type { TargetResult } from "../harness/report-types";
import { summarise } from "../harness/stats";
import { DRIZZLE_GENERATE, fromNothing, incremental, MIG_NEW } from "./generate-flows";

/** Case 5: peak memory of case 1 (from nothing) and case 2 (one added column) at N = 2000. */
export const case5: BenchCase = async (context) => {
  const n = context.smoke ? 10 : 2000;
  const rows: string[][] = [];
  const targets: TargetResult[] = [];
  const measure = (label: string, contenders: Contender[]) => {
    const samples = alternate(contenders, { runs: context.runs, warmup: context.warmup, log: context.log });
    const m = samples.get("mig")!;
    const d = samples.get("drizzle-kit")!;
    const [mr, dr] = [summarise(m.map((s) => s.rssMb)), summarise(d.map((s) => s.rssMb))];
    const [mw, dw] = [summarise(m.map((s) => s.wallMs)), summarise(d.map((s) => s.wallMs))];
    rows.push([label, mbRange(mr), mbRange(dr), msRange(mw), msRange(dw), ratio(dw.median, mw.median)]);
    targets.push({ target: `${label}: mig peak memory under 150 MB`, met: context.smoke ? null : mr.max < 150, measured: `${mr.max.toFixed(0)} MB at most (drizzle-kit ${dr.max.toFixed(0)} MB)` });
    return { mw, dw };
  };
  context.log(`case 5: N = ${n}, from nothing`);
  measure(`case 1 (from nothing), N = ${n}`, fromNothing(createBenchProject(context.workDir(`case-5-n${n}-new`), n)));
  context.log(`case 5: N = ${n}, one added column, H = 2`);
  const setup = await historyProject(context.workDir(`case-5-n${n}-h2`), n, 2, context.log);
  const { mw, dw } = measure(`case 2 (one added column, H = 2), N = ${n}`, incremental(setup));
  targets.push({ target: `case 2 at N = ${n}: mig at least 5× faster than drizzle-kit`, met: context.smoke ? null : dw.median / mw.median >= 5, measured: `${ratio(dw.median, mw.median)} (wall)` });
  return {
    id: "5",
    title: `peak memory of cases 1 and 2 at N = ${n}`,
    description: "Peak resident set size (GNU time's maximum RSS, the whole process) of the same runs as cases 1 and 2, at N = 2000 tables (case 2 with a history of 2 migrations).",
    commands: [`cd bench/.work/case-5-n${n}-new   # and case-5-n${n}-h2`, MIG_NEW.display, DRIZZLE_GENERATE.display],
    tables: [
      {
        caption: "Peak RSS in MB and wall-clock time in ms, median (min–max); ratio = drizzle-kit ÷ mig (wall)",
        header: ["run", "mig peak MB", "drizzle-kit peak MB", "mig wall", "drizzle-kit wall", "ratio (wall)"],
        rows,
      },
    ],
    targets,
    notes: [],
    ...stamp(),
  };
};
