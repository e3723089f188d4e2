import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { MigError } from "@mig/core";

/** The file names searched for, in order. */
export const CONFIG_FILE_NAMES = ["mig.config.ts", "mig.config.mts", "mig.config.js", "mig.config.mjs"] as const;

/** The config file: `explicit` (from `--config`, relative to `cwd`) or the first of {@link CONFIG_FILE_NAMES} in `cwd`. */
export function findConfig(cwd: string, explicit?: string): string {
  if (explicit !== undefined) {
    const path = resolve(cwd, explicit);
    if (!existsSync(path)) {
      throw new MigError("MIG_E_CONFIG", `Config file ${explicit} does not exist`, { hint: "Check the path given to --config" });
    }
    return path;
  }
  for (const name of CONFIG_FILE_NAMES) {
    const path = resolve(cwd, name);
    if (existsSync(path)) return path;
  }
  throw new MigError("MIG_E_CONFIG", `No mig.config.ts in ${cwd}`, {
    hint: "Create mig.config.ts (export default defineConfig({ ... })) or pass --config PATH",
  });
}
