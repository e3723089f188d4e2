import { MigError } from "@mig/core";

/** `--fleet [--concurrency N]`, taken by `forwards`, `backwards` and `check`. */
export interface FleetFlags {
  /** Work on every target of the config's `fleet` instead of its one connection. */
  readonly fleet?: boolean | undefined;
  /** How many targets at once (`--concurrency N`). Default is {@link DEFAULT_CONCURRENCY}. */
  readonly concurrency?: string | number | undefined;
}

/** Targets worked on at once without `--concurrency`: enough to hide network latency, few enough for a small server's connection limit. */
export const DEFAULT_CONCURRENCY = 4;

/** `--concurrency N` as a whole number ≥ 1 (`MIG_E_USAGE` otherwise). */
export function concurrencyOf(flags: FleetFlags): number {
  if (flags.concurrency === undefined) return DEFAULT_CONCURRENCY;
  const value = Number(flags.concurrency);
  if (!Number.isInteger(value) || value < 1) {
    throw new MigError("MIG_E_USAGE", `--concurrency must be a whole number of targets, 1 or more (got "${String(flags.concurrency)}")`, {
      hint: `For example --concurrency 8; without it, ${DEFAULT_CONCURRENCY} targets run at once`,
    });
  }
  return value;
}
