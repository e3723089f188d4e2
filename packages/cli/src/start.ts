import { useImportModule, type ImportModule } from "./import-module";
import { main } from "./main";
import { nodeDeps } from "./node-deps";

/**
 * What the `mig` bin (`bin/mig.cjs`, which answers `--version` itself) runs for every command:
 * `mig` with `argv`, its exit code set on the process. `importModule` is the bin's `import()`
 * (see `importModule`). Once it has run, its caches are written (`CliDeps.finish`).
 */
export async function start(argv: readonly string[], importModule: ImportModule): Promise<void> {
  useImportModule(importModule);
  const deps = nodeDeps();
  process.exitCode = await main(argv, deps);
  deps.finish?.();
}
