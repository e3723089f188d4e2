import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { defaultCacheDir } from "@mig/core/internal";
import type { ModuleLoader } from "../deps";
import { importFromProject } from "../registry/import-from-project";
import { installSharedPackageImport, UserCodeTransform } from "./esbuild-transform";
import { evaluatePlainModule } from "./evaluate-plain-module";

type Jiti = { import: (id: string) => Promise<unknown> };

/**
 * Loads the user's TypeScript and JavaScript (config, tables modules, migration files) at run
 * time, TypeScript compiled by esbuild (`UserCodeTransform`), the compiled code kept in
 * `node_modules/.cache/mig/transform` of the project (`MIG_CACHE=0` turns it off). Packages
 * they import (`@mig/core`) are imported natively, so they are the same module instances the CLI
 * uses. A module whose only imports are `@mig/*` packages is run as compiled
 * (`evaluatePlainModule`); any other goes through jiti, which is loaded on first use (`mig
 * --version`, and a run whose modules are all plain, never pay for it). `prepare` starts
 * compiling modules that will be loaded soon (all at once, in esbuild's process); given their
 * texts, it takes them as the files of a folder (`UserCodeTransform.prepareFolder`). `finish`,
 * at the end of a run, writes the code caches of those folders that need it.
 */
export function jitiLoader(env: Readonly<Record<string, string | undefined>> = process.env): {
  readonly load: ModuleLoader;
  readonly prepare: (absolutePaths: readonly string[], sources?: readonly string[]) => void;
  readonly finish: () => void;
} {
  const jitis = new Map<string, Jiti>();
  installSharedPackageImport();
  const transform = new UserCodeTransform((dir) => {
    const cacheDir = defaultCacheDir(dir, env);
    return cacheDir === undefined ? undefined : join(cacheDir, "transform");
  });
  /** jiti resolving from `parent` (a file URL or path). */
  const jitiFor = (parent: string): Jiti => {
    let jiti = jitis.get(parent);
    // Required, not imported: importing jiti's CommonJS build from ESM makes Node lex its 190 kB
    // for named exports first (~30 ms).
    jiti ??= (createRequire(import.meta.url)("jiti") as typeof import("jiti")).createJiti(parent, {
      // No module cache: a file written during this run (a new migration) is read fresh.
      // No jiti file cache: its entries are keyed by the source alone, not by the transform;
      // `UserCodeTransform` keeps its own.
      moduleCache: false,
      fsCache: false,
      interopDefault: false,
      transform: (options) => transform.transform(options),
    });
    jitis.set(parent, jiti);
    return jiti;
  };
  const load: ModuleLoader = async (absolutePath, source) => {
    await transform.prepare(absolutePath, source);
    const plain = transform.takePlain(absolutePath, source);
    const loaded =
      plain === undefined
        ? await jitiFor(import.meta.url).import(absolutePath)
        : await evaluatePlainModule(absolutePath, plain, async (id) => (await importFromProject(id, dirname(absolutePath))) ?? jitiFor(absolutePath).import(id));
    return (typeof loaded === "object" && loaded !== null ? loaded : { default: loaded }) as Record<string, unknown>;
  };
  const prepare = (absolutePaths: readonly string[], sources?: readonly string[]) => {
    if (sources) transform.prepareFolder(absolutePaths, sources);
    else for (const path of absolutePaths) void transform.prepare(path);
  };
  return { load, prepare, finish: () => transform.storeCodeCaches() };
}
