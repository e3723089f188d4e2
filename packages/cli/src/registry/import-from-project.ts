import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { importModule } from "../import-module";

const DEFAULT_CONDITIONS = ["import", "node", "default"] as const;

/** The folder of an installed package as Node would find it from `fromDir` (walking up node_modules). */
export function findPackageDir(packageName: string, fromDir: string): string | undefined {
  let dir = resolve(fromDir);
  for (;;) {
    const candidate = join(dir, "node_modules", packageName);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

type Exports = string | null | readonly Exports[] | { readonly [key: string]: Exports };

function pick(target: Exports | undefined, conditions: readonly string[]): string | undefined {
  if (typeof target === "string") return target;
  if (target === null || target === undefined) return undefined;
  if (Array.isArray(target)) {
    for (const entry of target) {
      const found = pick(entry, conditions);
      if (found) return found;
    }
    return undefined;
  }
  const map = target as { readonly [key: string]: Exports };
  for (const [key, value] of Object.entries(map)) {
    if (key === "types") continue;
    if (conditions.includes(key)) {
      const found = pick(value, conditions);
      if (found) return found;
    }
  }
  return undefined;
}

/** The file a package's main entry resolves to under `conditions` (ESM first), or `undefined`. */
export function packageEntry(packageDir: string, conditions: readonly string[] = DEFAULT_CONDITIONS): string | undefined {
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
    exports?: Exports;
    module?: string;
    main?: string;
  };
  let target: string | undefined;
  if (manifest.exports !== undefined) {
    const exports = manifest.exports;
    const root =
      typeof exports === "object" && exports !== null && !Array.isArray(exports) && Object.keys(exports).some((k) => k.startsWith("."))
        ? (exports as { readonly [key: string]: Exports })["."]
        : exports;
    target = pick(root, conditions);
  } else {
    target = manifest.module ?? manifest.main ?? "index.js";
  }
  return target === undefined ? undefined : resolve(packageDir, target);
}

/**
 * Imports an installed package as the user's project sees it (from `fromDir`), with native
 * `import()` (`importModule`), or returns `undefined` when it is not installed there.
 */
export async function importFromProject(
  packageName: string,
  fromDir: string,
  conditions?: readonly string[],
): Promise<Record<string, unknown> | undefined> {
  const dir = findPackageDir(packageName, fromDir);
  if (!dir) return undefined;
  const entry = packageEntry(dir, conditions);
  if (!entry || !existsSync(entry)) return undefined;
  return importModule(pathToFileURL(entry).href);
}
