import { cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { alternate, type Contender } from "../harness/alternate";
import { stamp, type BenchCase } from "../harness/case-context";
import { ms, msRange, ratio } from "../harness/format";
import { ROOT } from "../harness/paths";
import { runChecked } from "../harness/run-measured";
import { summarise } from "../harness/stats";
import { mig } from "../harness/tools";

const PLAYGROUND = join(ROOT, "apps/playground");

/**
 * A copy of the playground (its config, tables and migration history) inside bench/, so that its
 * database is a file of the copy and `@mig/*` resolves to the workspace, migrated once.
 */
function playgroundCopy(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(PLAYGROUND, "mig.config.ts"), join(dir, "mig.config.ts"));
  cpSync(join(PLAYGROUND, "src"), join(dir, "src"), { recursive: true });
  cpSync(join(PLAYGROUND, "package.json"), join(dir, "package.json"));
  const forwards = mig("forwards", "all");
  runChecked(forwards.command, forwards.args, { cwd: dir, env: { DATABASE_URL: undefined } });
  return dir;
}

/** Case 4: cold start of the CLI, `mig --version` and `mig check` on the playground, vs `node -e 0`. */
export const case4: BenchCase = async (context) => {
  if (!existsSync(join(PLAYGROUND, "mig.config.ts"))) throw new Error("apps/playground/mig.config.ts is missing");
  const dir = playgroundCopy(context.workDir("case-4-playground"));
  const version = mig("--version");
  const check = mig("check");
  const env = { DATABASE_URL: undefined };
  const contenders: Contender[] = [
    { name: "node -e 0", command: process.execPath, args: ["-e", "0"], cwd: dir, env },
    { name: "mig --version", ...version, cwd: dir, env, check: (r) => { if (!/^\d+\.\d+\.\d+/.test(r.stdout)) throw new Error(`mig --version printed ${r.stdout}`); } },
    { name: "mig check", ...check, cwd: dir, env, check: (r) => { if (!/music/.test(r.stdout)) throw new Error(`mig check printed ${r.stdout}`); } },
  ];
  const runs = context.smoke ? context.runs : Math.max(context.runs, 10);
  const samples = alternate(contenders, { runs, warmup: context.warmup, log: context.log });
  const node = summarise(samples.get("node -e 0")!.map((s) => s.wallMs));
  const rows = contenders.map((c) => {
    const s = samples.get(c.name)!;
    const wall = summarise(s.map((x) => x.wallMs));
    return [`\`${c.name}\``, msRange(wall), msRange(summarise(s.map((x) => x.cpuMs))), ms(wall.median - node.median), ratio(wall.median, node.median)];
  });
  const versionWall = summarise(samples.get("mig --version")!.map((s) => s.wallMs));
  const checkWall = summarise(samples.get("mig check")!.map((s) => s.wallMs));
  return {
    id: "4",
    title: "cold start: `mig --version` and `mig check` on the playground, vs `node -e 0`",
    description:
      "Fresh processes. `mig check` runs on a copy of `apps/playground` (two apps, music and shop, with their migration history, applied to its SQLite database once before timing): it loads the config, the dialect and every migration file, opens the database and reads the tracking table.",
    commands: [`cd bench/.work/case-4-playground   # a copy of apps/playground, migrated once`, `node -e 0`, version.display, check.display],
    tables: [
      {
        caption: `Wall-clock and CPU time in ms over ${runs} runs, median (min–max); "over node" = median wall minus that of \`node -e 0\``,
        header: ["command", "wall", "CPU", "over node", "× node"],
        rows,
      },
    ],
    targets: [
      { target: "`mig --version` under 100 ms", met: context.smoke ? null : versionWall.median < 100, measured: `${ms(versionWall.median)} ms (node -e 0: ${ms(node.median)} ms)` },
      {
        target: "`mig check` on the playground within 1.5× of `node -e 0` (wall)",
        met: context.smoke ? null : checkWall.median <= 1.5 * node.median,
        measured: `${ratio(checkWall.median, node.median)} (${ms(checkWall.median)} vs ${ms(node.median)} ms)`,
      },
    ],
    notes: [],
    ...stamp(),
  };
};
