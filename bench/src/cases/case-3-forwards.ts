import { existsSync, rmSync, writeFileSync } from "node:fs";
import { createBenchProject, type BenchDialect, type BenchProject } from "../generate/bench-project";
import { extendDrizzleHistory } from "../generate/drizzle-history";
import { writeMigHistory } from "../generate/mig-history";
import { alternate, type Contender } from "../harness/alternate";
import { stamp, type BenchCase } from "../harness/case-context";
import { mysqlDatabase, postgresDatabase, type ServerDatabase } from "../harness/databases";
import { ms, msRange, ratio } from "../harness/format";
import type { ReportTable, TargetResult } from "../harness/report-types";
import { runChecked } from "../harness/run-measured";
import { summarise } from "../harness/stats";
import { drizzleKit, mig } from "../harness/tools";

interface Workload {
  readonly name: string;
  readonly tables: number;
  readonly migrations: number;
}

interface PreviewStatement {
  readonly sql: string;
  readonly params?: readonly unknown[];
  readonly outsideTransaction?: "before" | "after";
}

/** The SQL `mig forwards` runs, as one script for the database's own client: each migration in its transaction where mig uses one. */
function floorScript(project: BenchProject, env: Record<string, string | undefined>, transactional: boolean): string {
  const preview = mig("forwards", "bench", "--preview", "--json");
  const out = runChecked(preview.command, preview.args, { cwd: project.dir, env }).stdout;
  const result = JSON.parse(out) as { migrations: { statements?: PreviewStatement[] }[] };
  const lines: string[] = [];
  const sql = (s: PreviewStatement) => {
    if (s.params && s.params.length > 0) throw new Error("a statement with parameters cannot go into a client script");
    return `${s.sql.trimEnd().replace(/;$/, "")};`;
  };
  for (const migration of result.migrations) {
    const statements = migration.statements ?? [];
    lines.push(...statements.filter((s) => s.outsideTransaction === "before").map(sql));
    if (transactional) lines.push("BEGIN;");
    lines.push(...statements.filter((s) => !s.outsideTransaction).map(sql));
    if (transactional) lines.push("COMMIT;");
    lines.push(...statements.filter((s) => s.outsideTransaction === "after").map(sql));
  }
  return `${lines.join("\n")}\n`;
}

interface Target {
  readonly dialect: BenchDialect;
  readonly label: string;
  /** Undefined for SQLite (a file of the project). */
  readonly server?: ServerDatabase;
  /** Why this database cannot be measured, if it cannot. */
  readonly unavailable?: string;
}

function targets(): Target[] {
  const pg = process.env.MIG_TEST_POSTGRES_URL;
  const my = process.env.MIG_TEST_MYSQL_URL;
  const sqlite3 = runChecked("sh", ["-c", "command -v sqlite3 || true"], { cwd: "/" }).stdout.trim();
  return [
    pg ? { dialect: "postgres", label: "PostgreSQL", server: postgresDatabase(pg, "mig_bench_case3") } : { dialect: "postgres", label: "PostgreSQL", unavailable: "MIG_TEST_POSTGRES_URL is not set" },
    my ? { dialect: "mysql", label: "MariaDB", server: mysqlDatabase(my, "mig_bench_case3") } : { dialect: "mysql", label: "MariaDB", unavailable: "MIG_TEST_MYSQL_URL is not set" },
    sqlite3 ? { dialect: "sqlite", label: "SQLite" } : { dialect: "sqlite", label: "SQLite", unavailable: "the sqlite3 client is not installed" },
  ];
}

/** Case 3: `mig forwards` vs the same SQL through the database's own client, and vs `drizzle-kit migrate` on PostgreSQL. */
export const case3: BenchCase = async (context) => {
  const workloads: Workload[] = context.smoke
    ? [{ name: "initial", tables: 5, migrations: 1 }, { name: "small", tables: 3, migrations: 3 }]
    : [{ name: "initial", tables: 500, migrations: 1 }, { name: "small", tables: 5, migrations: 200 }];
  /** How far above the client's floor mig may be: the initial migration 1.10×, the small ones 1.5× (each its own transaction and tracking row). */
  const allowed = (w: Workload) => (w.migrations === 1 ? 1.1 : 1.5);
  const describe = (w: Workload) => (w.migrations === 1 ? `the initial migration of N = ${w.tables} tables` : `${w.migrations} small migrations (${w.tables} tables, then one added column each)`);
  const rows: string[][] = [];
  const results: TargetResult[] = [];
  const notes: string[] = [];
  for (const target of targets()) {
    if (target.unavailable) {
      notes.push(`${target.label} not measured: ${target.unavailable}.`);
      for (const w of workloads) results.push({ target: `${target.label}, ${describe(w)}: within ${allowed(w).toFixed(2)}× of the client's floor`, met: null, measured: `unavailable (${target.unavailable})` });
      continue;
    }
    for (const workload of workloads) {
      context.log(`case 3: ${target.label}, ${workload.name}`);
      const project = createBenchProject(context.workDir(`case-3-${target.dialect}-${workload.name}`), workload.tables, target.dialect);
      await writeMigHistory(project, workload.migrations);
      const env = target.server ? { DATABASE_URL: target.server.url } : { DATABASE_URL: undefined };
      const fresh = () => {
        if (target.server) target.server.recreate();
        else for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(project.path(`bench.db${suffix}`), { force: true });
      };
      fresh();
      const script = floorScript(project, env, target.dialect !== "mysql");
      writeFileSync(project.path("floor.sql"), script);
      const forwards = mig("forwards", "bench");
      const contenders: Contender[] = [
        {
          name: "mig",
          ...forwards,
          cwd: project.dir,
          env,
          setup: fresh,
          check(result) {
            const applied = (result.stdout.match(/ applied in /g) ?? []).length;
            if (applied !== workload.migrations) throw new Error(`mig forwards applied ${applied} of ${workload.migrations}:\n${result.stdout.slice(-1500)}${result.stderr.slice(-1500)}`);
          },
        },
      ];
      const client = target.server?.client;
      const floorDisplay =
        target.dialect === "postgres" ? `psql -X -q -v ON_ERROR_STOP=1 -d mig_bench_case3 -f floor.sql` : target.dialect === "mysql" ? `mariadb --no-defaults --protocol=TCP -h … -P … -u … mig_bench_case3 < floor.sql` : `sqlite3 bench.db < floor.sql`;
      if (target.dialect === "postgres") contenders.push({ name: "floor", command: client!.command, args: [...client!.args, "-f", "floor.sql"], env: client!.env, cwd: project.dir, setup: fresh });
      else if (target.dialect === "mysql") contenders.push({ name: "floor", command: client!.command, args: client!.args, env: client!.env, cwd: project.dir, setup: fresh, input: () => script });
      else contenders.push({ name: "floor", command: "sqlite3", args: ["-bail", "bench.db"], cwd: project.dir, setup: fresh, input: () => script });

      let drizzleDisplay: string | undefined;
      if (target.dialect === "postgres") {
        // drizzle-kit's migrations of the same workload: its own first one, the rest generated.
        project.writeSchema({ history: 0 });
        const generate = drizzleKit("generate");
        runChecked(generate.command, generate.args, { cwd: project.dir });
        if (workload.migrations > 1) extendDrizzleHistory(project, workload.migrations);
        const migrate = drizzleKit("migrate");
        drizzleDisplay = migrate.display;
        contenders.push({ name: "drizzle-kit migrate", ...migrate, cwd: project.dir, env, setup: fresh });
      }

      const samples = alternate(contenders, { runs: context.runs, warmup: context.warmup, log: context.log });
      const wall = (name: string) => summarise((samples.get(name) ?? []).map((s) => s.wallMs));
      const [m, f, d] = [wall("mig"), wall("floor"), wall("drizzle-kit migrate")];
      rows.push([target.label, describe(workload), msRange(m), msRange(f), ratio(m.median, f.median), d.runs ? msRange(d) : "–", d.runs ? ratio(d.median, m.median) : "–"]);
      results.push({
        target: `${target.label}, ${describe(workload)}: within ${allowed(workload).toFixed(2)}× of the client's floor`,
        met: context.smoke ? null : m.median <= allowed(workload) * f.median,
        measured: `${ratio(m.median, f.median)} (${ms(m.median)} vs ${ms(f.median)} ms)`,
      });
      if (d.runs) {
        results.push({ target: `${target.label}, ${describe(workload)}: ahead of drizzle-kit migrate`, met: context.smoke ? null : m.median < d.median, measured: `drizzle-kit ${ratio(d.median, m.median)} of mig` });
      }
      if (!existsSync(project.path("floor.sql"))) throw new Error("floor.sql missing");
      context.log(`  commands: ${forwards.display} | ${floorDisplay}${drizzleDisplay ? ` | ${drizzleDisplay}` : ""}`);
    }
  }
  const table: ReportTable = {
    caption: "Wall-clock time in ms, median (min–max); floor ratio = mig ÷ floor (1.00× is the floor); drizzle-kit ratio = drizzle-kit ÷ mig",
    header: ["database", "workload", "mig forwards", "floor (client)", "mig ÷ floor", "drizzle-kit migrate", "drizzle-kit ÷ mig"],
    rows,
  };
  return {
    id: "3",
    title: "`mig forwards` vs the database's own client (the floor) and `drizzle-kit migrate`",
    description:
      "Each run starts from an empty database (dropped and created, or a deleted SQLite file; untimed). The floor is the very SQL mig runs (taken from `mig forwards --preview --json`), " +
      "each migration in its own transaction as mig runs it (not on MariaDB, where DDL commits by itself), run by the database's own client in one session. " +
      "mig's run also creates and fills its tracking table and takes its migration lock; the floor does neither. drizzle-kit migrate runs drizzle-kit's migrations of the same schema (PostgreSQL only).",
    commands: [
      "cd bench/.work/case-3-<postgres|mysql|sqlite>-<initial|small>",
      `DATABASE_URL=$URL ${mig("forwards", "bench").display}`,
      "psql -X -q -v ON_ERROR_STOP=1 -d mig_bench_case3 -f floor.sql          # PostgreSQL floor",
      "MYSQL_PWD=… mariadb --no-defaults --protocol=TCP -h HOST -P PORT -u USER mig_bench_case3 < floor.sql   # MariaDB floor",
      "sqlite3 -bail bench.db < floor.sql                                       # SQLite floor",
      `DATABASE_URL=$URL ${drizzleKit("migrate").display}   # PostgreSQL`,
    ],
    tables: [table],
    targets: results,
    notes,
    ...stamp(),
  };
};
