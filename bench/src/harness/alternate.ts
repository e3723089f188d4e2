import { runMeasured, type RunResult, type Sample } from "./run-measured";

const REBUILDING = /Cannot find module '[^']*\/(?:packages\/[a-z-]+|node_modules\/@mig\/[a-z-]+)\/dist\//;

/** One side of a comparison: a command, what prepares each run, and what proves a run did its job. */
export interface Contender {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Standard input of the command (a SQL script for a database client). */
  readonly input?: () => string;
  /** Untimed: puts the project in the state the run starts from. */
  readonly setup?: (run: number) => void;
  /** Untimed: throws when the run did not do what it should (wrong output, nothing written). */
  readonly check?: (result: RunResult) => void;
  /** Untimed: after the run. */
  readonly teardown?: (run: number) => void;
  /**
   * At most this many timed runs (no warm-up) for a contender whose single run takes minutes;
   * the report says so. Default: all.
   */
  readonly maxRuns?: number;
  /** A failing run (non-zero exit, a crash) is recorded and ends this contender's runs instead of the benchmark. */
  readonly mayFail?: boolean;
}

/** A contender's failed run, when it was allowed to fail. */
export interface Failure {
  readonly code: number;
  readonly wallMs: number;
  readonly rssMb: number;
  /** The last line of its standard error. */
  readonly message: string;
}

export interface AlternateOptions {
  readonly runs: number;
  /** Untimed runs of each contender first (caches, JIT of the harness, disk). Default 1. */
  readonly warmup?: number;
  readonly log?: (line: string) => void;
}

/**
 * Runs the contenders alternately in one session: round r runs each once, the order reversed
 * every other round, so that a slow phase of the machine hits both. Warm-up rounds are not kept.
 * Every run must exit 0 and pass its check.
 */
export function alternate(contenders: readonly Contender[], options: AlternateOptions, failures = new Map<string, Failure>()): Map<string, Sample[]> {
  const samples = new Map<string, Sample[]>(contenders.map((c) => [c.name, []]));
  const warmup = options.warmup ?? 1;
  for (let round = -warmup; round < options.runs; round++) {
    const order = round % 2 === 0 ? contenders : [...contenders].reverse();
    for (const contender of order) {
      if (failures.has(contender.name)) continue;
      if (contender.maxRuns !== undefined && (round < 0 || round >= contender.maxRuns)) continue;
      contender.setup?.(round);
      let result = runMeasured(contender.command, contender.args, { cwd: contender.cwd, env: contender.env ?? {}, ...(contender.input ? { input: contender.input() } : {}) });
      // A package's dist being rebuilt by someone else in the same work tree (tsup empties it
      // first): wait for the build, put the project back, and run again.
      for (let retry = 0; retry < 6 && result.code !== 0 && REBUILDING.test(result.stderr); retry++) {
        options.log?.(`  ${contender.name}: a dist was missing (a build in progress?), retrying in 20 s`);
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20_000);
        contender.setup?.(round);
        result = runMeasured(contender.command, contender.args, { cwd: contender.cwd, env: contender.env ?? {}, ...(contender.input ? { input: contender.input() } : {}) });
      }
      if (result.code !== 0 && contender.mayFail) {
        const message = result.stderr.trim().split("\n").filter((l) => l.trim()).pop() ?? `exit code ${result.code}`;
        failures.set(contender.name, { code: result.code, wallMs: result.wallMs, rssMb: result.rssMb, message });
        options.log?.(`  ${contender.name}: FAILED after ${result.wallMs.toFixed(0)} ms (${message})`);
        continue;
      }
      if (result.code !== 0) {
        throw new Error(`${contender.name} exited with ${result.code} (run ${round})\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
      }
      contender.check?.(result);
      contender.teardown?.(round);
      if (round >= 0) samples.get(contender.name)!.push({ wallMs: result.wallMs, cpuMs: result.cpuMs, rssMb: result.rssMb });
      options.log?.(`  ${contender.name}${round < 0 ? " (warm-up)" : ` #${round + 1}`}: ${result.wallMs.toFixed(0)} ms wall, ${result.cpuMs.toFixed(0)} ms CPU, ${result.rssMb.toFixed(0)} MB`);
    }
  }
  return samples;
}
