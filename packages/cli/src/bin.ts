#!/usr/bin/env node
// What the `mig` bin (`bin/mig.cjs`, which answers `--version` itself) runs for every command.

const argv = process.argv.slice(2);
// `mig new` holds two snapshots of the schema at once (the migrations' and the tables'), each
// ~40 MB of heap at 2000 tables: V8's memory-saving heuristics (smaller young generation,
// slower heap growth) take a quarter off its peak RSS (N = 2000: ~157 → ~120 MB) for little CPU.
// Imported only then: loading `node:v8` costs every other command ~5–10 ms.
if (argv.includes("new")) (await import("node:v8")).setFlagsFromString("--optimize-for-size");
const [{ main }, { nodeDeps }] = await Promise.all([import("./main"), import("./node-deps")]);
process.exitCode = await main(argv, nodeDeps());

export {};
