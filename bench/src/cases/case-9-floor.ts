import { createRequire } from "node:module";
import { join } from "node:path";
import { createBenchProject, type BenchProject } from "../generate/bench-project";
import { historyProject } from "../generate/history-project";
import { alternate, type Contender } from "../harness/alternate";
import { stamp, type BenchCase } from "../harness/case-context";
import { msRange, ratio } from "../harness/format";
import { ROOT } from "../harness/paths";
import type { TargetResult } from "../harness/report-types";
import { summarise } from "../harness/stats";
import { fromNothing, incremental } from "./generate-flows";

/** The compiled tables module of the floor, beside the TypeScript one. */
const FLOOR_MODULE = "src/tables.floor.mjs";

/** mig new --auto: at most this many times the floor (CPU medians). */
const FLOOR_FACTOR = 1.3;
/** mig new --auto: at least this many times faster than drizzle-kit (CPU medians). */
const DRIZZLE_FACTOR = 4;

interface Esbuild {
  buildSync(options: Record<string, unknown>): unknown;
}

/**
 * Compiles the project's `src/tables.ts` to an ES module (untimed), with esbuild, the compiler
 * mig itself uses: the floor imports it, and `@mig/core` with it, natively.
 */
function compileTables(project: BenchProject): void {
  const esbuild = createRequire(join(ROOT, "packages/cli/package.json"))("esbuild") as Esbuild;
  esbuild.buildSync({ entryPoints: [project.path("src/tables.ts")], outfile: project.path(FLOOR_MODULE), format: "esm", platform: "node", target: "node20", bundle: false, logLevel: "silent" });
}

/** `node -e 0` and a fresh `node` importing the compiled tables module (with `@mig/core`). */
function floors(project: BenchProject): Contender[] {
  return [
    { name: "node -e 0", command: process.execPath, args: ["-e", "0"], cwd: project.dir },
    { name: "floor", command: process.execPath, args: [project.path(FLOOR_MODULE)], cwd: project.dir },
  ];
}

interface Scenario {
  readonly label: string;
  readonly n: number;
  readonly h: 0 | 1;
}

/**
 * Case 9: the floor of `mig new --auto`: what it costs to start Node and load the user's tables
 * module already compiled, side by side with `node -e 0`, `mig new --auto` and `drizzle-kit
 * generate`, from nothing and with one added column (H = 1), N = 500 and 2000.
 */
export const case9: BenchCase = async (context) => {
  const scenarios: Scenario[] = context.smoke
    ? [{ label: "from nothing", n: 5, h: 0 }, { label: "one added column (H = 1)", n: 5, h: 1 }]
    : [500, 2000].flatMap((n) => [{ label: "from nothing", n, h: 0 as const }, { label: "one added column (H = 1)", n, h: 1 as const }]);
  const runs = context.smoke ? context.runs : Math.max(context.runs, 9);
  const rows: string[][] = [];
  const targets: TargetResult[] = [];
  for (const scenario of scenarios) {
    const { n, h, label } = scenario;
    context.log(`case 9: N = ${n}, ${label}`);
    const dir = context.workDir(`case-9-n${n}-h${h}`);
    let contenders: Contender[];
    let project: BenchProject;
    if (h === 0) {
      project = createBenchProject(dir, n);
      contenders = fromNothing(project);
    } else {
      const setup = await historyProject(dir, n, 1, context.log);
      project = setup.project;
      project.writeSchema({ ...setup.schema, added: true });
      contenders = incremental(setup);
    }
    compileTables(project);
    const samples = alternate([...floors(project), ...contenders], { runs, warmup: context.warmup, log: context.log });
    const cpu = (name: string) => summarise(samples.get(name)!.map((s) => s.cpuMs));
    const wall = (name: string) => summarise(samples.get(name)!.map((s) => s.wallMs));
    const [nodeC, floorC, migC, drizzleC] = ["node -e 0", "floor", "mig", "drizzle-kit"].map(cpu) as [ReturnType<typeof cpu>, ReturnType<typeof cpu>, ReturnType<typeof cpu>, ReturnType<typeof cpu>];
    const [floorW, migW, drizzleW] = ["floor", "mig", "drizzle-kit"].map(wall) as [ReturnType<typeof wall>, ReturnType<typeof wall>, ReturnType<typeof wall>];
    rows.push([
      String(n), label,
      msRange(nodeC), msRange(floorC), msRange(migC), msRange(drizzleC),
      ratio(migC.median, floorC.median), ratio(drizzleC.median, migC.median),
      `${ratio(migW.median, floorW.median)} / ${ratio(drizzleW.median, migW.median)}`,
    ]);
    targets.push({
      target: `N = ${n}, ${label}: \`mig new --auto\` within ${FLOOR_FACTOR}× of the floor (CPU)`,
      met: context.smoke ? null : migC.median / floorC.median <= FLOOR_FACTOR,
      measured: `${ratio(migC.median, floorC.median)} (${Math.round(migC.median)} vs ${Math.round(floorC.median)} ms)`,
    });
    targets.push({
      target: `N = ${n}, ${label}: \`mig new --auto\` at least ${DRIZZLE_FACTOR}× faster than drizzle-kit (CPU)`,
      met: context.smoke ? null : drizzleC.median / migC.median >= DRIZZLE_FACTOR,
      measured: `${ratio(drizzleC.median, migC.median)} (CPU), ${ratio(drizzleW.median, migW.median)} (wall)`,
    });
  }
  return {
    id: "9",
    title: "the floor of `mig new --auto`: Node importing the compiled tables module",
    description:
      "The floor is a fresh `node` importing the tables module already compiled to JavaScript (by esbuild, untimed, as an ES module), and with it `@mig/core`: " +
      "what any tool that reads a TypeScript schema in a fresh Node process pays before doing anything with it. " +
      "Side by side in one session with `node -e 0`, `mig new --auto` and `drizzle-kit generate`, from nothing (as case 1) and with one added column on a history of one migration (as case 2, H = 1). " +
      `Figures are CPU time (user + system, children included), which moves much less than wall time with the load of the shared machine; ${runs} timed runs each after a warm-up. ` +
      "GNU time counts only children that are waited for: esbuild's service, which compiles mig's tables module here (each run is a fresh edit) and outlives the process, is not counted (~80–100 ms at N = 500, see the record of optimisations); wall time has it.",
    commands: [`cd bench/.work/case-9-n<N>-h<0|1>`, "node -e 0", `node ${FLOOR_MODULE}`, "node packages/cli/bin/mig.cjs new bench --auto", "node bench/node_modules/drizzle-kit/bin.cjs generate"],
    tables: [
      {
        caption: "CPU time in ms, median (min–max); mig ÷ floor and drizzle-kit ÷ mig on CPU medians; the same two ratios on wall medians",
        header: ["N", "run", "node -e 0", "floor", "mig new --auto", "drizzle-kit generate", "mig ÷ floor", "drizzle-kit ÷ mig", "wall: mig ÷ floor / drizzle-kit ÷ mig"],
        rows,
      },
    ],
    targets,
    notes: [],
    ...stamp(),
  };
};
