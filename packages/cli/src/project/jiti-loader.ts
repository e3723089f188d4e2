import type { ModuleLoader } from "../deps";
import { esbuildTransform } from "./esbuild-transform";

/**
 * Loads the user's TypeScript and JavaScript (config, tables modules, migration files) at run
 * time with jiti, TypeScript compiled by esbuild (`esbuildTransform`). Packages they import
 * (`@mig/core`) are imported natively, so they are the same module instances the CLI uses. jiti itself is loaded on first use: `mig --version` never pays for it.
 */
export function jitiLoader(): ModuleLoader {
  let jiti: Promise<{ import: (id: string) => Promise<unknown> }> | undefined;
  return async (absolutePath) => {
    jiti ??= import("jiti").then(({ createJiti }) =>
      // No module cache: a file written during this run (a new migration) is read fresh.
      // No file cache either: its entries are keyed by the source alone, not by the transform, and
      // esbuild is fast enough to run every time.
      createJiti(import.meta.url, { moduleCache: false, fsCache: false, interopDefault: false, transform: esbuildTransform }),
    );
    const loaded = (await (await jiti).import(absolutePath)) as unknown;
    return (typeof loaded === "object" && loaded !== null ? loaded : { default: loaded }) as Record<string, unknown>;
  };
}
