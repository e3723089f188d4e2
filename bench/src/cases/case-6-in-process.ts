import { join } from "node:path";
import { stamp, type BenchCase } from "../harness/case-context";
import { BENCH, ROOT } from "../harness/paths";
import { runMeasured } from "../harness/run-measured";

interface Script {
  readonly file: string;
  readonly title: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

/**
 * The in-process benchmarks other parts of mig keep in `bench/` (each a script with its own
 * runs, statistics and target), run as their authors run them; their output goes into the
 * report as it is. Smoke mode runs them small, or not at all when they take no size.
 */
export const case6: BenchCase = async (context) => {
  const scripts: Script[] = context.smoke
    ? [
        { file: "diff-serialise.bench.ts", title: "diff + serialiseMigration", args: ["--sizes", "100", "--runs", "1"], env: {} },
        { file: "sqlite-rebuild.bench.ts", title: "SQLite table rebuild vs a hand-written rebuild", args: [], env: { ROWS: "1000" } },
      ]
    : [
        { file: "diff.bench.ts", title: "diff on 2,000 tables", args: [], env: {} },
        { file: "diff-serialise.bench.ts", title: "diff + serialiseMigration", args: [], env: {} },
        { file: "sqlite-rebuild.bench.ts", title: "SQLite table rebuild vs a hand-written rebuild", args: [], env: {} },
      ];
  const notes: string[] = [];
  const outputs: string[] = [];
  for (const script of scripts) {
    context.log(`case 6: ${script.file}`);
    const tsx = join(ROOT, "node_modules/tsx/dist/cli.mjs");
    const result = runMeasured(process.execPath, [tsx, join(BENCH, script.file), ...script.args], { cwd: ROOT, env: script.env });
    const text = `${result.stdout}${result.stderr}`.trim();
    if (result.code !== 0) throw new Error(`${script.file} exited with ${result.code}:\n${text.slice(-3000)}`);
    const command = `${Object.entries(script.env).map(([k, v]) => `${k}=${v} `).join("")}npx tsx bench/${script.file}${script.args.length ? ` ${script.args.join(" ")}` : ""}`;
    outputs.push(`**${script.title}** (\`${command}\`, ${(result.wallMs / 1000).toFixed(0)} s):\n\n\`\`\`\n${text}\n\`\`\``);
  }
  notes.push(...outputs);
  return {
    id: "6",
    title: "in-process benchmarks of parts of mig (diff, serialise, SQLite rebuild)",
    description: "Scripts kept in `bench/` by the authors of those parts, each with its own runs, statistics and target; run from the packages' sources and reported as they print.",
    commands: scripts.map((s) => `${Object.entries(s.env).map(([k, v]) => `${k}=${v} `).join("")}npx tsx bench/${s.file} ${s.args.join(" ")}`.trim()),
    tables: [],
    targets: [],
    notes,
    ...stamp(),
  };
};
