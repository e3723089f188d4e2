/** What a case reports: tables for BENCHMARKS.md, targets judged, the exact commands, notes. */
export interface CaseReport {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly commands: readonly string[];
  readonly tables: readonly ReportTable[];
  readonly targets: readonly TargetResult[];
  readonly notes: readonly string[];
  /** When the case ran (ISO), and the 1-minute load average then. */
  readonly ranAt: string;
  readonly load: readonly number[];
  /** The machine table of the run that produced it (BENCHMARKS.md names it where it is not today's machine). */
  readonly machine?: readonly (readonly [string, string])[];
}

export interface ReportTable {
  readonly caption: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface TargetResult {
  readonly target: string;
  /** null: could not be judged (a tool or server missing, smoke mode). */
  readonly met: boolean | null;
  readonly measured: string;
}
