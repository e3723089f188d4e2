import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { IncrementalSetup } from "../cases/generate-flows";
import { runChecked, runMeasured } from "../harness/run-measured";
import { drizzleKit, mig } from "../harness/tools";
import { createBenchProject, type BenchProject } from "./bench-project";
import { extendDrizzleHistory } from "./drizzle-history";
import { writeMigHistory } from "./mig-history";

/** Where mig keeps its replay cache in a project (the nearest package.json's node_modules/.cache). */
export const migCacheDir = (project: BenchProject) => project.path("node_modules", ".cache", "mig");

const listFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : []);

function removeAllBut(dir: string, keep: ReadonlySet<string>): void {
  for (const name of listFiles(dir)) if (!keep.has(name)) rmSync(join(dir, name));
}

function lastWritten(project: BenchProject, stdout: string, expected: RegExp, tool: string): void {
  if (!expected.test(stdout)) throw new Error(`${tool} on the history's last schema did not find exactly the last change:\n${stdout.slice(-3000)}`);
}

/**
 * A project with a history of `h` migrations for each tool, N = `tables`. Both histories end the
 * same way: the last migration (adding `h_{h-1}`, or creating the tables when h = 1) is written
 * by the tool itself, untimed, which also proves that the generated ones before it are exactly
 * what the tool would have written (it finds that one change and nothing else), and leaves mig's
 * replay cache as a previous `mig new` leaves it. Each run then starts from that state.
 */
export async function historyProject(dir: string, tables: number, h: number, log: (line: string) => void, tolerateDrizzleFailure = false): Promise<IncrementalSetup> {
  const project = createBenchProject(dir, tables);
  const last = h - 1;
  const lastChange = h === 1 ? /create table t_0000/ : new RegExp(`Created [^\\n]+\\n  add column t_\\d+\\.h_${last}\\n?$`);

  log(`  mig history: ${h} migrations`);
  if (h >= 2) await writeMigHistory(project, h - 1);
  project.writeSchema({ history: last });
  const newAuto = mig("new", "bench", "--auto");
  lastWritten(project, runChecked(newAuto.command, newAuto.args, { cwd: project.dir }).stdout.trim(), lastChange, "mig new --auto");
  const migFiles = new Set(listFiles(project.path("migrations")));
  if (migFiles.size !== h) throw new Error(`mig history has ${migFiles.size} files, expected ${h}`);
  const savedCache = project.path(".saved-mig-cache");
  rmSync(savedCache, { recursive: true, force: true });
  if (existsSync(migCacheDir(project))) cpSync(migCacheDir(project), savedCache, { recursive: true });

  log(`  drizzle-kit history: ${h} migrations`);
  const generate = drizzleKit("generate");
  project.writeSchema({ history: 0 });
  runChecked(generate.command, generate.args, { cwd: project.dir });
  let drizzleFailure: string | undefined;
  if (h >= 2) {
    extendDrizzleHistory(project, h - 1);
    project.writeSchema({ history: last });
    const result = runMeasured(generate.command, generate.args, { cwd: project.dir });
    if (result.code !== 0) {
      // drizzle-kit could not write the last migration of a long history (out of memory): the
      // timed runs will show the same; mig's side is measured as usual.
      if (!tolerateDrizzleFailure) throw new Error(`drizzle-kit generate failed on the history's last schema:\n${result.stderr.slice(-2000)}`);
      drizzleFailure = result.stderr.trim().split("\n").filter((l) => l.trim()).pop() ?? `exit code ${result.code}`;
      log(`  drizzle-kit failed on its history: ${drizzleFailure}`);
    }
    const out = result.stdout;
    const sql = listFiles(project.path("drizzle")).filter((name) => name.startsWith(`${String(last).padStart(4, "0")}_`));
    const text = sql.length === 1 ? readFileSync(project.path("drizzle", sql[0]!), "utf8").trim() : "";
    if (!drizzleFailure && (!/Your SQL migration file/.test(out) || !new RegExp(`^ALTER TABLE "t_\\d+" ADD COLUMN "h_${last}" integer;$`).test(text))) {
      throw new Error(`drizzle-kit generate on the history's last schema did not find exactly the last change:\n${out}\n${text}`);
    }
  }
  const drizzleFiles = new Set(listFiles(project.path("drizzle")));
  const metaFiles = new Set(listFiles(project.path("drizzle", "meta")));
  const journal = readFileSync(project.path("drizzle", "meta", "_journal.json"), "utf8");

  return {
    project,
    schema: { history: last },
    ...(drizzleFailure ? { drizzleFailure } : {}),
    resetMig() {
      removeAllBut(project.path("migrations"), migFiles);
      rmSync(migCacheDir(project), { recursive: true, force: true });
      if (existsSync(savedCache)) cpSync(savedCache, migCacheDir(project), { recursive: true });
    },
    resetDrizzle() {
      removeAllBut(project.path("drizzle"), drizzleFiles);
      removeAllBut(project.path("drizzle", "meta"), metaFiles);
      writeFileSync(project.path("drizzle", "meta", "_journal.json"), journal);
    },
  };
}
