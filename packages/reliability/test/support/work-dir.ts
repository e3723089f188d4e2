import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Temporary projects and migration files live inside the package (or inside the frozen copy of
 * the build that the global setup made: `MIG_RELIABILITY_WORK_DIR`), so that their imports of
 * `@mig/*` resolve to the workspace.
 */
export const WORK_DIR = process.env.MIG_RELIABILITY_WORK_DIR ?? resolve(dirname(fileURLToPath(import.meta.url)), "../../.tmp");
mkdirSync(WORK_DIR, { recursive: true });
