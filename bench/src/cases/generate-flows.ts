import { existsSync, readdirSync, rmSync } from "node:fs";
import type { BenchProject } from "../generate/bench-project";
import type { BenchSchemaOptions } from "../generate/bench-schema";
import type { Contender } from "../harness/alternate";
import type { RunResult } from "../harness/run-measured";
import { drizzleKit, mig } from "../harness/tools";

export const MIG_NEW = mig("new", "bench", "--auto");
export const DRIZZLE_GENERATE = drizzleKit("generate");

function expect(result: RunResult, pattern: RegExp, what: string): void {
  if (!pattern.test(result.stdout)) throw new Error(`${what}: unexpected output\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
}

const files = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => /\.(ts|sql)$/.test(name)) : []);

/**
 * `mig new --auto` and `drizzle-kit generate` from nothing: before each run the tool's output
 * folder is removed and the schema is written anew (an edit: no warm transform cache for it).
 * Each run must write exactly one migration.
 */
export function fromNothing(project: BenchProject): Contender[] {
  return [
    {
      name: "mig",
      ...MIG_NEW,
      cwd: project.dir,
      setup(run) {
        rmSync(project.path("migrations"), { recursive: true, force: true });
        project.writeSchema({}, `mig-${run}`);
      },
      check(result) {
        expect(result, /Created /, "mig new --auto");
        if (files(project.path("migrations")).length !== 1) throw new Error("mig new --auto did not write one migration");
      },
    },
    {
      name: "drizzle-kit",
      ...DRIZZLE_GENERATE,
      cwd: project.dir,
      setup(run) {
        rmSync(project.path("drizzle"), { recursive: true, force: true });
        project.writeSchema({}, `drizzle-${run}`);
      },
      check(result) {
        expect(result, /Your SQL migration file/, "drizzle-kit generate");
        if (files(project.path("drizzle")).length !== 1) throw new Error("drizzle-kit generate did not write one migration");
      },
    },
  ];
}

/** What the incremental flow needs from a project whose histories were written. */
export interface IncrementalSetup {
  readonly project: BenchProject;
  /** The schema the histories end in; the run adds `added_column` to it. */
  readonly schema: BenchSchemaOptions;
  /** Set when drizzle-kit could not even write the history's last migration (its last stderr line). */
  readonly drizzleFailure?: string;
  /** Untimed, before each mig run: put mig's side back to the end of its history (cache included). */
  resetMig(): void;
  /** Untimed, before each drizzle-kit run: put drizzle-kit's side back to the end of its history. */
  resetDrizzle(): void;
}

/**
 * One added column on top of a history: each run starts from the histories' end, the schema
 * edited to add `added_column`, and must write one migration that adds it.
 */
export function incremental(setup: IncrementalSetup, drizzle: Pick<Contender, "maxRuns" | "mayFail"> = {}): Contender[] {
  const { project } = setup;
  const edited = { ...setup.schema, added: true };
  return [
    {
      name: "mig",
      ...MIG_NEW,
      cwd: project.dir,
      setup(run) {
        setup.resetMig();
        project.writeSchema(edited, `mig-${run}`);
      },
      check(result) {
        expect(result, /add column t_\d+\.added_column/, "mig new --auto");
      },
    },
    {
      name: "drizzle-kit",
      ...DRIZZLE_GENERATE,
      ...drizzle,
      cwd: project.dir,
      setup(run) {
        setup.resetDrizzle();
        project.writeSchema(edited, `drizzle-${run}`);
      },
      check(result) {
        expect(result, /Your SQL migration file/, "drizzle-kit generate");
      },
    },
  ];
}
