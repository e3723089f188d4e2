import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Temporary projects and migration files live inside the package, so that their imports of @mig/* resolve to the workspace. */
export const WORK_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../.tmp");
mkdirSync(WORK_DIR, { recursive: true });
