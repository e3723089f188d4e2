import { type CliProject, createCliProject } from "../cli/cli-project";
import { buildHistory } from "../cli/history";
import { runMig, shown, startMig } from "../cli/mig-process";
import { type TestDatabase, dropAllTables } from "../test-database";
import { type CrashDirection, type CrashTrialResult, runCrashTrial } from "./crash-trial";

export interface CrashFigures {
  readonly dialect: string;
  readonly direction: CrashDirection;
  readonly seed: number;
  readonly trials: number;
  /** Kills that landed while the process ran (the rest came after it had finished). */
  readonly killedWhileRunning: number;
  /** Trials by the number of migrations applied when the process died. */
  readonly appliedAtKill: Readonly<Record<string, number>>;
  /** Kills that left a migration part-way (databases without transactional DDL), resumed by the re-run. */
  readonly partial: number;
  /** Kills from the start are drawn from this window (ms), timed on an uninterrupted run: about the first migration. */
  readonly killWindowMs: readonly [number, number];
  /** The mean time of one migration on the uninterrupted run: kills after a migration come within it. */
  readonly migrationMs: number;
  readonly durationMs: number;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same kill times. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CrashTrialsOptions {
  readonly db: TestDatabase;
  readonly workDir: string;
  readonly direction: CrashDirection;
  readonly trials: number;
  readonly seed: number;
  /** Each migration's raw wait, ms. Default 60. */
  readonly sleepMs?: number;
  readonly onTrial?: (index: number, kill: string, result: CrashTrialResult) => void;
}

/**
 * `trials` kill -9 trials of a six-migration run: an uninterrupted run first gives the duration,
 * then each trial kills at a time drawn uniformly from it. Throws `CrashFailure` (with the trial's
 * number, kill time and seed) on the first broken guarantee.
 */
export async function runCrashTrials(options: CrashTrialsOptions): Promise<CrashFigures> {
  const { db, direction } = options;
  const sleepMs = options.sleepMs ?? 60;
  const connection = await db.connect();
  const history = await buildHistory(db.dialect, { sleep: true });
  const project: CliProject = createCliProject(options.workDir, `crash-${db.dialectName}-${direction}`, { connection: db.url });
  project.writeMigrations(history);
  const random = seededRandom(options.seed);
  const started = Date.now();
  try {
    const window = await calibrate(db, project, direction, sleepMs, history.length);
    const appliedAtKill: Record<string, number> = {};
    let killedWhileRunning = 0;
    let partial = 0;
    for (let trial = 1; trial <= options.trials; trial++) {
      // Half the kills at a time from the start (inside the first migration, or before it); half
      // a random time after the k-th migration was reported done (inside migration k + 1).
      const afterMigrations = random() < 0.5 ? 0 : 1 + Math.floor(random() * (history.length - 1));
      const delayMs = Math.round(afterMigrations === 0 ? window.from + random() * (window.first - window.from) : random() * window.each);
      const kill = { afterMigrations, delayMs };
      const shownKill = afterMigrations === 0 ? `kill ${delayMs} ms after the start` : `kill ${delayMs} ms after migration ${afterMigrations} was reported`;
      let result: CrashTrialResult;
      try {
        result = await runCrashTrial({ db, connection, project, history, direction, kill, sleepMs });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`${db.dialectName} ${direction}, trial ${trial} of ${options.trials} (seed ${options.seed}, ${shownKill}): ${message}`, { cause: error });
      }
      options.onTrial?.(trial, shownKill, result);
      if (!result.finishedBeforeKill) killedWhileRunning++;
      if (result.partial) partial++;
      appliedAtKill[String(result.appliedAtKill)] = (appliedAtKill[String(result.appliedAtKill)] ?? 0) + 1;
    }
    return { dialect: db.dialectName, direction, seed: options.seed, trials: options.trials, killedWhileRunning, appliedAtKill, partial, killWindowMs: [Math.round(window.from), Math.round(window.first)], migrationMs: Math.round(window.each), durationMs: Date.now() - started };
  } finally {
    project.remove();
  }
}

/**
 * An uninterrupted run, timed: when the first migration finished and when the run ended. Most of
 * a short run is the process starting (Node, loading the config and files); the kills are drawn
 * from the window in which migrations run: from about one migration's time before the first one
 * finished, to the end.
 */
async function calibrate(db: TestDatabase, project: CliProject, direction: CrashDirection, sleepMs: number, count: number): Promise<{ from: number; first: number; each: number }> {
  const connection = await db.connect();
  try {
    await dropAllTables(db.dialectName, connection);
    const env = { MIG_REL_SLEEP_MS: String(sleepMs) };
    if (direction === "backwards") {
      const setup = await runMig(["forwards", "music"], { cwd: project.dir, env });
      if (setup.code !== 0) throw new Error(`the uninterrupted run failed:\n${shown(setup)}`);
    }
    const args = direction === "forwards" ? ["forwards", "music"] : ["backwards", "music", "all", "--auto-agree"];
    const started = performance.now();
    const run = startMig(args, { cwd: project.dir, env });
    await run.waitFor(/✓ music/);
    const first = performance.now() - started;
    const result = await run.done;
    if (result.code !== 0) throw new Error(`the uninterrupted ${direction} run failed:\n${shown(result)}`);
    const each = (result.durationMs - first) / Math.max(1, count - 1);
    return { from: Math.max(0, first - 2 * each), first, each };
  } finally {
    await connection.close();
  }
}
