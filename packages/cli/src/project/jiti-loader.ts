import { createRequire } from "node:module";
import { join } from "node:path";
import { defaultCacheDir } from "@mig/core/internal";
import type { ModuleLoader } from "../deps";
import { installSharedPackageImport, UserCodeTransform } from "./esbuild-transform";

/**
 * Loads the user's TypeScript and JavaScript (config, tables modules, migration files) at run
 * time with jiti, TypeScript compiled by esbuild (`UserCodeTransform`), the compiled code kept
 * in `node_modules/.cache/mig/transform` of the project (`MIG_CACHE=0` turns it off). Packages
 * they import (`@mig/core`) are imported natively, so they are the same module instances the CLI
 * uses. jiti itself is loaded on first use: `mig --version` never pays for it. `prepare` starts
 * compiling modules that will be loaded soon (all at once, in esbuild's process).
 */
export function jitiLoader(env: Readonly<Record<string, string | undefined>> = process.env): {
  readonly load: ModuleLoader;
  readonly prepare: (absolutePaths: readonly string[]) => void;
} {
  let jiti: { import: (id: string) => Promise<unknown> } | undefined;
  installSharedPackageImport();
  const transform = new UserCodeTransform((dir) => {
    const cacheDir = defaultCacheDir(dir, env);
    return cacheDir === undefined ? undefined : join(cacheDir, "transform");
  });
  const load: ModuleLoader = async (absolutePath) => {
    const prepared = transform.prepare(absolutePath);
    // Required, not imported: importing jiti's CommonJS build from ESM makes Node lex its 190 kB
    // for named exports first (~30 ms).
    jiti ??= (createRequire(import.meta.url)("jiti") as typeof import("jiti")).createJiti(import.meta.url, {
      // No module cache: a file written during this run (a new migration) is read fresh.
      // No jiti file cache: its entries are keyed by the source alone, not by the transform;
      // `UserCodeTransform` keeps its own.
      moduleCache: false,
      fsCache: false,
      interopDefault: false,
      transform: (options) => transform.transform(options),
    });
    await prepared;
    const loaded = (await jiti.import(absolutePath)) as unknown;
    return (typeof loaded === "object" && loaded !== null ? loaded : { default: loaded }) as Record<string, unknown>;
  };
  const prepare = (absolutePaths: readonly string[]) => {
    for (const path of absolutePaths) void transform.prepare(path);
  };
  return { load, prepare };
}
