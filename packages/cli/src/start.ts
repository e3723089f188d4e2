import { useImportModule, type ImportModule } from "./import-module";
import { main } from "./main";
import { nodeDeps } from "./node-deps";

/**
 * What the `mig` bin (`bin/mig.cjs`, which answers `--version` itself) runs for every command:
 * `mig` with `argv`, its exit code set on the process. `importModule` is the bin's `import()`
 * (see `importModule`).
 */
export async function start(argv: readonly string[], importModule: ImportModule): Promise<void> {
  useImportModule(importModule);
  // `mig new` holds two snapshots of the schema at once (the migrations' and the tables'), each
  // ~40 MB of heap at 2000 tables: V8's memory-saving heuristics (smaller young generation,
  // slower heap growth) take a quarter off its peak RSS (N = 2000: ~157 → ~120 MB) for little CPU.
  // Imported only then: loading `node:v8` costs every other command ~5–10 ms.
  if (argv.includes("new")) ((await importModule("node:v8")) as typeof import("node:v8")).setFlagsFromString("--optimize-for-size");
  process.exitCode = await main(argv, nodeDeps());
}
