import { createRequire } from "node:module";

/**
 * Bytes of tables modules from which `mig new --auto` runs with V8's `--optimize-for-size`:
 * ~900 tables of the benchmark's kind (15 columns, a foreign key, an index and a unique each).
 */
export const COMPACT_HEAP_BYTES = 512 * 1024;

/**
 * Sets V8's heap up for a schema of `bytes` of tables modules. `mig new` holds two snapshots
 * of the schema at once (the migrations' and the tables'), each ~40 MB of heap at 2000 tables:
 * V8's memory-saving heuristics (a smaller young generation, slower heap growth) take a quarter
 * off its peak RSS there (~157 → ~120 MB), but cost garbage collection time. Below the threshold
 * the peak stays far from that (~85 MB at 500 tables without them), so the time is not spent.
 * `node:v8` is required only then: loading it costs a command ~5–10 ms.
 */
export function heapForSchema(bytes: number): void {
  if (bytes < COMPACT_HEAP_BYTES) return;
  (createRequire(import.meta.url)("node:v8") as typeof import("node:v8")).setFlagsFromString("--optimize-for-size");
}
