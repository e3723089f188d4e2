import type { Dialect } from "@mig/core";
import type { Connection } from "@mig/core/dialect";
import type { ResolvedFleetTarget } from "@mig/core/internal";
import pLimit from "p-limit";
import { toCodedError, type CodedError } from "../output/coded-error";

/** What happened on one target. */
export interface FleetOutcome<T> {
  readonly name: string;
  /** The work finished and reported no error. */
  readonly ok: boolean;
  /** What the work returned (absent when it threw, or the target could not be reached). */
  readonly value?: T;
  readonly error?: CodedError;
  readonly durationMs: number;
}

export interface RunFleetOptions<T> {
  /** Targets worked on at once. */
  readonly concurrency: number;
  /** The dialect of a target's `dialect` (name or object); called once per distinct value. */
  readonly resolveDialect: (spec: string | Dialect) => Promise<Dialect>;
  /** The work on one target, on a connection of its own (closed afterwards). */
  readonly work: (target: ResolvedFleetTarget, dialect: Dialect, connection: Connection) => Promise<T>;
  /** A result that is a failure without throwing (a run result with `ok: false`). */
  readonly errorOf?: (value: T) => CodedError | undefined;
  readonly elapsed: () => number;
  readonly onStart?: (target: ResolvedFleetTarget) => void;
  readonly onFinish?: (outcome: FleetOutcome<T>) => void;
}

/**
 * Runs `work` on every target, at most `concurrency` at once, each on its own connection. A target
 * that fails (cannot connect, throws, reports an error) never stops the others: every target gets
 * an outcome, in the fleet's order.
 *
 * @example
 * ```ts
 * const outcomes = await runFleet(targets, { concurrency: 8, resolveDialect, elapsed, work: (t, dialect, connection) => runForwards({ dialect, connection, sources }) });
 * ```
 */
export async function runFleet<T>(targets: readonly ResolvedFleetTarget[], options: RunFleetOptions<T>): Promise<FleetOutcome<T>[]> {
  const dialects = new Map<string | Dialect, Promise<Dialect>>();
  const dialectOf = (spec: string | Dialect) => {
    let dialect = dialects.get(spec);
    if (!dialect) dialects.set(spec, (dialect = options.resolveDialect(spec)));
    return dialect;
  };
  const limit = pLimit(options.concurrency);
  const one = async (target: ResolvedFleetTarget): Promise<FleetOutcome<T>> => {
    options.onStart?.(target);
    const startedAt = options.elapsed();
    let outcome: FleetOutcome<T>;
    try {
      const dialect = await dialectOf(target.dialect);
      const connection = await dialect.connect(target.connection);
      let value: T;
      try {
        value = await options.work(target, dialect, connection);
      } finally {
        await connection.close().catch(() => {});
      }
      const error = options.errorOf?.(value);
      outcome = { name: target.name, ok: error === undefined, value, ...(error ? { error } : {}), durationMs: options.elapsed() - startedAt };
    } catch (thrown) {
      outcome = { name: target.name, ok: false, error: toCodedError(thrown), durationMs: options.elapsed() - startedAt };
    }
    options.onFinish?.(outcome);
    return outcome;
  };
  return Promise.all(targets.map((target) => limit(() => one(target))));
}
