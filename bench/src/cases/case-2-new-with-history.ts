import { historyProject } from "../generate/history-project";
import { alternate, type Failure } from "../harness/alternate";

/** Timed runs of drizzle-kit at H = 1000 (no warm-up). */
const DRIZZLE_RUNS_AT_H1000 = 3;
import { stamp, type BenchCase } from "../harness/case-context";
import { mbRange, ms, msRange, ratio } from "../harness/format";
import type { TargetResult } from "../harness/report-types";
import { summarise } from "../harness/stats";
import { DRIZZLE_GENERATE, incremental, MIG_NEW } from "./generate-flows";

/** Case 2: one added column on top of a history of H migrations, N = 500, vs drizzle-kit with the same history. */
export const case2: BenchCase = async (context) => {
  const n = context.smoke ? 5 : 500;
  const histories = context.smoke ? [1, 3] : [1, 200, 1000];
  const rows: string[][] = [];
  const targets: TargetResult[] = [];
  const migMedian = new Map<number, number>();
  const notes: string[] = [];
  for (const h of histories) {
    context.log(`case 2: N = ${n}, H = ${h}`);
    const long = h >= 1000 && !context.smoke;
    const setup = await historyProject(context.workDir(`case-2-n${n}-h${h}`), n, h, context.log, long);
    if (setup.drizzleFailure) notes.push(`At H = ${h} drizzle-kit already failed writing the history's last migration (untimed): \`${setup.drizzleFailure.slice(0, 200)}\`.`);
    // drizzle-kit reads every snapshot of its history (1.8 MB each at N = 500): at H = 1000 one
    // run takes minutes and gigabytes, so it gets fewer runs, and a crash is reported, not fatal.
    const failures = new Map<string, Failure>();
    const samples = alternate(incremental(setup, long ? { maxRuns: DRIZZLE_RUNS_AT_H1000, mayFail: true } : {}), { runs: context.runs, warmup: context.warmup, log: context.log }, failures);
    const m = samples.get("mig")!;
    const d = samples.get("drizzle-kit")!;
    const failed = failures.get("drizzle-kit");
    if (long) notes.push(`At H = ${h} drizzle-kit ran ${d.length} timed run${d.length === 1 ? "" : "s"} without warm-up (each takes minutes); mig ran ${m.length} after a warm-up.`);
    if (failed) notes.push(`At H = ${h} drizzle-kit failed after ${ms(failed.wallMs)} ms at ${failed.rssMb.toFixed(0)} MB: \`${failed.message.slice(0, 200)}\`.`);
    const [mw, dw] = [summarise(m.map((s) => s.wallMs)), summarise(d.map((s) => s.wallMs))];
    const [mc, dc] = [summarise(m.map((s) => s.cpuMs)), summarise(d.map((s) => s.cpuMs))];
    migMedian.set(h, mw.median);
    rows.push([
      String(h),
      msRange(mw), failed && d.length === 0 ? `failed (${failed.message.slice(0, 60)})` : msRange(dw), ratio(dw.median, mw.median),
      msRange(mc), msRange(dc), ratio(dc.median, mc.median),
      mbRange(summarise(m.map((s) => s.rssMb))), mbRange(summarise(d.map((s) => s.rssMb))),
    ]);
    targets.push({
      target: `N = ${n}, H = ${h}: mig at least 5× faster than drizzle-kit`,
      met: context.smoke ? null : failed && d.length === 0 ? true : dw.median / mw.median >= 5,
      measured: `${ratio(dw.median, mw.median)} (wall), ${ratio(dc.median, mc.median)} (CPU)`,
    });
  }
  const [first, last] = [histories[0]!, histories[histories.length - 1]!];
  const growth = migMedian.get(last)! / migMedian.get(first)!;
  targets.push({
    target: `mig flat in the history: H = ${last} within 1.5× of H = ${first}`,
    met: context.smoke ? null : growth <= 1.5,
    measured: `${growth.toFixed(2)}× (${ms(migMedian.get(last)!)} ms vs ${ms(migMedian.get(first)!)} ms)`,
  });
  return {
    id: "2",
    title: "one added column with a history of H migrations (`mig new --auto` vs `drizzle-kit generate`)",
    description:
      `N = ${n} tables; each tool has a history of H migrations: the first creates the tables, each later one adds a nullable integer column. ` +
      "Both histories are generated (mig's with core's own serialiser, drizzle-kit's as SQL + chained full snapshots + journal) except their last migration, which each tool writes itself, untimed: " +
      "that proves the generated ones are exactly what the tool writes (it finds only that one change), and leaves mig's replay cache as a previous `mig new` leaves it (covering all but that last file). " +
      "Each run starts from there with the schema edited to add one column, and must write a migration adding it.",
    commands: [`cd bench/.work/case-2-n${n}-h<H>`, MIG_NEW.display, DRIZZLE_GENERATE.display],
    tables: [
      {
        caption: "Wall-clock and CPU time in ms, median (min–max); ratio = drizzle-kit ÷ mig; peak RSS in MB",
        header: ["H", "mig wall", "drizzle-kit wall", "ratio (wall)", "mig CPU", "drizzle-kit CPU", "ratio (CPU)", "mig peak MB", "drizzle-kit peak MB"],
        rows,
      },
    ],
    targets,
    notes,
    ...stamp(),
  };
};
