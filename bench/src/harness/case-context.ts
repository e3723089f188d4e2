import { loadavg } from "node:os";
import { join } from "node:path";
import type { CaseReport } from "./report-types";
import { WORK } from "./paths";

/** What every case gets from the harness. */
export interface CaseContext {
  /** Timed runs per measurement (≥ 5 for a report; fewer in smoke mode). */
  readonly runs: number;
  /** Small sizes, one run, no targets judged: CI checks that every case still works. */
  readonly smoke: boolean;
  /** Untimed warm-up runs of each contender before the timed ones (none in smoke mode). */
  readonly warmup: number;
  /** `--rows N`: the table size of the cases that take one (case 8); each case has its own default. */
  readonly rows?: number;
  log(line: string): void;
  /** A folder for this case's generated projects. */
  workDir(name: string): string;
}

export type BenchCase = (context: CaseContext) => Promise<CaseReport>;

export function caseContext(runs: number, smoke: boolean, log: (line: string) => void, rows?: number): CaseContext {
  return { runs, smoke, warmup: smoke ? 0 : 1, log, workDir: (name) => join(WORK, name), ...(rows !== undefined ? { rows } : {}) };
}

/** The part of a report every case fills in the same way. */
export function stamp(): Pick<CaseReport, "ranAt" | "load"> {
  return { ranAt: new Date().toISOString(), load: loadavg() };
}
