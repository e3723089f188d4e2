import { createBenchProject } from "../generate/bench-project";
import { alternate } from "../harness/alternate";
import { stamp, type BenchCase } from "../harness/case-context";
import { mbRange, msRange, ratio } from "../harness/format";
import type { TargetResult } from "../harness/report-types";
import { summarise } from "../harness/stats";
import { DRIZZLE_GENERATE, fromNothing, MIG_NEW } from "./generate-flows";

/** Case 1: `mig new --auto` from nothing vs `drizzle-kit generate`, N = 100, 500, 2000. */
export const case1: BenchCase = async (context) => {
  const sizes = context.smoke ? [5] : [100, 500, 2000];
  const rows: string[][] = [];
  const targets: TargetResult[] = [];
  for (const n of sizes) {
    context.log(`case 1: N = ${n}`);
    const project = createBenchProject(context.workDir(`case-1-n${n}`), n);
    const samples = alternate(fromNothing(project), { runs: context.runs, warmup: context.warmup, log: context.log });
    const m = samples.get("mig")!;
    const d = samples.get("drizzle-kit")!;
    const [mw, dw] = [summarise(m.map((s) => s.wallMs)), summarise(d.map((s) => s.wallMs))];
    const [mc, dc] = [summarise(m.map((s) => s.cpuMs)), summarise(d.map((s) => s.cpuMs))];
    rows.push([
      String(n),
      msRange(mw), msRange(dw), ratio(dw.median, mw.median),
      msRange(mc), msRange(dc), ratio(dc.median, mc.median),
      mbRange(summarise(m.map((s) => s.rssMb))), mbRange(summarise(d.map((s) => s.rssMb))),
    ]);
    if (n === 500 || n === 2000) {
      targets.push({
        target: `N = ${n}: mig at least 5× faster than drizzle-kit`,
        met: context.smoke ? null : dw.median / mw.median >= 5,
        measured: `${ratio(dw.median, mw.median)} (wall), ${ratio(dc.median, mc.median)} (CPU)`,
      });
    }
  }
  return {
    id: "1",
    title: "`mig new --auto` from nothing vs `drizzle-kit generate`",
    description:
      "An empty migrations folder and a schema of N tables (15 columns of mixed types, an FK to an earlier table, an index and a unique each). " +
      "Each run removes the tool's output folder and rewrites its schema module (a fresh edit, so neither tool's transform cache holds it), then writes the first migration.",
    commands: [`cd bench/.work/case-1-n<N>`, MIG_NEW.display, DRIZZLE_GENERATE.display],
    tables: [
      {
        caption: "Wall-clock and CPU time in ms, median (min–max); ratio = drizzle-kit ÷ mig; peak RSS in MB",
        header: ["N", "mig wall", "drizzle-kit wall", "ratio (wall)", "mig CPU", "drizzle-kit CPU", "ratio (CPU)", "mig peak MB", "drizzle-kit peak MB"],
        rows,
      },
    ],
    targets,
    notes: [],
    ...stamp(),
  };
};
