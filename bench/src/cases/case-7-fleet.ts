import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createBenchProject, type BenchDialect, type BenchProject } from "../generate/bench-project";
import { writeMigHistory } from "../generate/mig-history";
import { alternate, type Contender } from "../harness/alternate";
import { stamp, type BenchCase } from "../harness/case-context";
import { ms, msRange, ratio } from "../harness/format";
import type { ReportTable, TargetResult } from "../harness/report-types";
import { runChecked } from "../harness/run-measured";
import { summarise } from "../harness/stats";
import { mig } from "../harness/tools";

/** Migrations of the fleet's history: 5 tables, then one added column per migration. */
const TABLES = 5;
const MIGRATIONS = 3;
const CONCURRENCY = 8;

/** The config of a fleet project: one app, the targets read from tenants.json when a `--fleet` command runs. */
const FLEET_CONFIG = `import { readFileSync } from "node:fs";
import { defineConfig } from "@mig/core";

export default defineConfig({
  apps: [{ name: "bench", tables: "./src/tables.ts", migrations: "./migrations" }],
  fleet: () => JSON.parse(readFileSync(new URL("./tenants.json", import.meta.url), "utf8")),
});
`;

interface FleetWorkload {
  readonly dialect: BenchDialect;
  readonly label: string;
  readonly targets: number;
  /** Connection URLs of the targets. */
  readonly urls: readonly string[];
  /** Puts every target back to empty (untimed). */
  readonly fresh: (project: BenchProject) => void;
  readonly unavailable?: string;
}

function sqliteWorkload(count: number): FleetWorkload {
  const urls = Array.from({ length: count }, (_, i) => `sqlite:./tenants/t${i}.db`);
  return {
    dialect: "sqlite",
    label: "SQLite",
    targets: count,
    urls,
    fresh(project) {
      rmSync(project.path("tenants"), { recursive: true, force: true });
      mkdirSync(project.path("tenants"));
    },
  };
}

function postgresWorkload(count: number): FleetWorkload {
  const server = process.env.MIG_TEST_POSTGRES_URL;
  if (!server) return { dialect: "postgres", label: "PostgreSQL", targets: count, urls: [], fresh: () => {}, unavailable: "MIG_TEST_POSTGRES_URL is not set" };
  const names = Array.from({ length: count }, (_, i) => `mig_bench_fleet_${i}`);
  const urls = names.map((name) => Object.assign(new URL(server), { pathname: `/${name}` }).href);
  const admin = new URL(server);
  const env: Record<string, string> = { PGHOST: admin.hostname, PGPORT: admin.port || "5432", PGUSER: decodeURIComponent(admin.username || "postgres") };
  if (admin.password) env.PGPASSWORD = decodeURIComponent(admin.password);
  const script = names.map((n) => `DROP DATABASE IF EXISTS "${n}" WITH (FORCE);\nCREATE DATABASE "${n}" STRATEGY FILE_COPY;`).join("\n");
  return {
    dialect: "postgres",
    label: "PostgreSQL",
    targets: count,
    urls,
    fresh(project) {
      runChecked("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", admin.pathname.slice(1) || "postgres"], { cwd: project.dir, env, input: script });
    },
  };
}

/** Case 7: `mig forwards all --fleet` over many small databases vs a shell loop of single `mig forwards` calls. */
export const case7: BenchCase = async (context) => {
  const workloads = context.smoke ? [sqliteWorkload(10), postgresWorkload(5)] : [sqliteWorkload(1000), postgresWorkload(200)];
  const rows: string[][] = [];
  const results: TargetResult[] = [];
  const notes: string[] = [
    "SQLite targets of one `--fleet` process run one at a time however large `--concurrency` is: better-sqlite3 is synchronous, so a target's commits (each an fsync) block the process, and a fleet of SQLite files is bound by the disk.",
  ];
  const fleet = mig("forwards", "all", "--fleet", "--concurrency", String(CONCURRENCY));
  const single = mig("forwards", "all");
  const check = mig("check", "--fleet", "--concurrency", String(CONCURRENCY));
  const loopScript = `while read -r url; do DATABASE_URL="$url" ${single.command} ${single.args.join(" ")} > /dev/null || exit 1; done < tenants.txt`;
  const xargsScript = `xargs -P ${CONCURRENCY} -I{} env DATABASE_URL={} ${single.command} ${single.args.join(" ")} < tenants.txt > /dev/null`;
  for (const workload of workloads) {
    const describe = `${workload.targets} ${workload.label} databases × ${MIGRATIONS} migrations`;
    if (workload.unavailable) {
      notes.push(`${workload.label} not measured: ${workload.unavailable}.`);
      results.push({ target: `${describe}: --fleet ahead of a shell loop`, met: null, measured: `unavailable (${workload.unavailable})` });
      continue;
    }
    context.log(`case 7: ${describe}`);
    const project = createBenchProject(context.workDir(`case-7-${workload.dialect}`), TABLES, workload.dialect);
    await writeMigHistory(project, MIGRATIONS);
    writeFileSync(project.path("mig.config.ts"), FLEET_CONFIG);
    writeFileSync(project.path("tenants.json"), JSON.stringify(workload.urls.map((url, i) => ({ name: `t${i}`, connection: url }))));
    writeFileSync(project.path("tenants.txt"), `${workload.urls.join("\n")}\n`);
    const env = { DATABASE_URL: undefined };
    const setup = () => workload.fresh(project);
    // Untimed proof that each run migrated every target: check --fleet exits 1 when any is behind.
    const verify = () => void runChecked(check.command, check.args, { cwd: project.dir, env });
    const loopRuns = context.smoke ? undefined : 1;
    const contenders: Contender[] = [
      {
        name: "fleet",
        ...fleet,
        cwd: project.dir,
        env,
        setup,
        teardown: verify,
        check(result) {
          if (!result.stdout.includes(`${workload.targets} targets: ${workload.targets} applied`)) throw new Error(`--fleet did not apply every target:\n${result.stdout.slice(-1500)}`);
        },
      },
      { name: "loop", command: "sh", args: ["-c", loopScript], cwd: project.dir, env, setup, teardown: verify, ...(loopRuns ? { maxRuns: loopRuns } : {}) },
      { name: "xargs", command: "sh", args: ["-c", xargsScript], cwd: project.dir, env, setup, teardown: verify, ...(loopRuns ? { maxRuns: loopRuns } : {}) },
    ];
    const samples = alternate(contenders, { runs: context.runs, warmup: context.warmup, log: context.log });
    const wall = (name: string) => summarise((samples.get(name) ?? []).map((s) => s.wallMs));
    const cpu = (name: string) => summarise((samples.get(name) ?? []).map((s) => s.cpuMs));
    const [f, l, x] = [wall("fleet"), wall("loop"), wall("xargs")];
    rows.push([
      workload.label,
      String(workload.targets),
      `${msRange(f)} (${f.runs} runs)`,
      `${msRange(l)} (${l.runs} run${l.runs === 1 ? "" : "s"})`,
      `${msRange(x)} (${x.runs} run${x.runs === 1 ? "" : "s"})`,
      ratio(l.median, f.median),
      ratio(x.median, f.median),
      `${ms(cpu("fleet").median)} / ${ms(cpu("loop").median)} / ${ms(cpu("xargs").median)}`,
    ]);
    results.push({
      target: `${describe}: --fleet ahead of a shell loop of single \`mig forwards\` calls`,
      met: context.smoke ? null : f.median < l.median,
      measured: `loop ${ratio(l.median, f.median)}, xargs -P ${CONCURRENCY} ${ratio(x.median, f.median)} of --fleet (${ms(f.median)} ms)`,
    });
  }
  const table: ReportTable = {
    caption: `Wall-clock time in ms, median (min–max); ratios = the loop ÷ --fleet; CPU ms (median, fleet / loop / xargs), children included`,
    header: ["database", "targets", `mig forwards all --fleet --concurrency ${CONCURRENCY}`, "shell loop", `xargs -P ${CONCURRENCY}`, "loop ÷ fleet", "xargs ÷ fleet", "CPU"],
    rows,
  };
  return {
    id: "7",
    title: "a fleet of small databases: `mig forwards all --fleet` vs a shell loop of single `mig forwards` calls",
    description:
      `Every run starts from empty targets (SQLite files deleted, PostgreSQL databases dropped and created; untimed) and applies the same ${MIGRATIONS} migrations ` +
      `(${TABLES} tables of 15 columns, then one added column each) to every target. \`--fleet\` is one process: the files are loaded once, ${CONCURRENCY} targets at a time, ` +
      `each on its own connection under its own migration lock. The shell loop runs one \`mig forwards all\` process per target (DATABASE_URL set), one after the other; ` +
      `\`xargs -P ${CONCURRENCY}\` runs ${CONCURRENCY} of them at a time. After each run, \`mig check --fleet\` (untimed) proves every target is up to date. ` +
      "The loops take minutes, so they ran once each (no warm-up); `--fleet` ran the usual number of times after one warm-up run. The machine has 2 cores.",
    commands: [
      "cd bench/.work/case-7-<sqlite|postgres>   # tenants.json: the fleet of mig.config.ts; tenants.txt: the same URLs, one a line",
      fleet.display,
      `while read -r url; do DATABASE_URL="$url" ${single.display}; done < tenants.txt`,
      `xargs -P ${CONCURRENCY} -I{} env DATABASE_URL={} ${single.display} < tenants.txt`,
      `${check.display}   # untimed, after each run`,
    ],
    tables: [table],
    targets: results,
    notes,
    ...stamp(),
  };
};
