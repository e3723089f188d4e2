import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * Where mig keeps its caches for a project: `node_modules/.cache/mig` beside the nearest
 * `package.json` above `startDir` (where Babel, ESLint and others keep theirs), or undefined
 * when there is none. `MIG_CACHE=0` (or `false`, `off`) turns caching off.
 *
 * @example
 * ```ts
 * defaultCacheDir("/app/src/music/migrations"); // "/app/node_modules/.cache/mig"
 * ```
 */
export function defaultCacheDir(startDir: string, env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  if (["0", "false", "off", "no"].includes((env.MIG_CACHE ?? "").toLowerCase())) return undefined;
  for (let dir = startDir; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return join(dir, "node_modules", ".cache", "mig");
    if (dirname(dir) === dir) return undefined;
  }
}
