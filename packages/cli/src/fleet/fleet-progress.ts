import type { ResolvedFleetTarget } from "@mig/core/internal";
import type { CliDeps } from "../deps";
import { formatDuration } from "../output/format-duration";
import type { Output } from "../output/output";
import type { FleetOutcome } from "./run-fleet";

/** How often the live line is redrawn. */
const REDRAW_MS = 250;
const CLEAR_LINE = "\r\u001b[2K";

/**
 * Progress of a fleet run on standard error. On a terminal, one line redrawn in place:
 * targets done / failed / running and the slowest running one (with the migration it is on).
 * Everywhere, a failed target is reported the moment it fails, so a long run's log shows it early.
 */
export class FleetProgress {
  readonly #output: Output;
  readonly #deps: CliDeps;
  readonly #total: number;
  readonly #label: string;
  readonly #running = new Map<string, { readonly startedAt: number; step?: string }>();
  #done = 0;
  #failed = 0;
  #timer: ReturnType<typeof setInterval> | undefined;
  #shown = false;

  constructor(output: Output, deps: CliDeps, total: number, label: string) {
    this.#output = output;
    this.#deps = deps;
    this.#total = total;
    this.#label = label;
    if (deps.stderrIsTTY) {
      this.#timer = setInterval(() => this.#draw(), REDRAW_MS);
      this.#timer.unref?.();
    }
  }

  start(target: ResolvedFleetTarget): void {
    this.#running.set(target.name, { startedAt: this.#deps.elapsed() });
  }

  /** What a running target is doing now (`music 2026-11-22T13:58:23:024723`). */
  step(name: string, step: string): void {
    const running = this.#running.get(name);
    if (running) running.step = step;
  }

  finish(outcome: FleetOutcome<unknown>): void {
    this.#running.delete(outcome.name);
    if (outcome.ok) this.#done++;
    else {
      this.#failed++;
      this.#clear();
      const error = outcome.error;
      this.#output.note(`${this.#output.color.red("✗")} ${outcome.name}: ${error ? `${error.code}: ${error.message}` : "failed"}`);
    }
  }

  /** The status line: counts, then the slowest running target. */
  status(): string {
    const now = this.#deps.elapsed();
    let slowest: { name: string; startedAt: number; step?: string } | undefined;
    for (const [name, running] of this.#running) if (!slowest || running.startedAt < slowest.startedAt) slowest = { name, ...running };
    const counts = `${this.#label}: ${this.#done + this.#failed}/${this.#total} targets, ${this.#done} done, ${this.#failed} failed, ${this.#running.size} running`;
    if (!slowest) return counts;
    return `${counts}; slowest ${slowest.name} (${formatDuration(now - slowest.startedAt)}${slowest.step ? `, ${slowest.step}` : ""})`;
  }

  /** Stops redrawing and removes the live line. */
  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    this.#clear();
  }

  #draw(): void {
    const columns = process.stderr.columns ?? 120;
    const line = this.#output.clean(this.status());
    this.#deps.stderr(`${CLEAR_LINE}${[...line].slice(0, Math.max(20, columns - 1)).join("")}`);
    this.#shown = true;
  }

  #clear(): void {
    if (!this.#shown) return;
    this.#deps.stderr(CLEAR_LINE);
    this.#shown = false;
  }
}
