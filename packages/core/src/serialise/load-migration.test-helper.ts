import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createJiti } from "jiti";
import type { MigrationManager } from "../manager/migration-manager";

/** The source entry of @mig/core, which migration files import as "@mig/core". */
const CORE_SOURCE = fileURLToPath(new URL("../index.ts", import.meta.url));

export interface LoadedMigration {
  readonly ID: string;
  readonly VERSION: string;
  readonly DESCRIPTION: string;
  forwards(): Promise<MigrationManager>;
}

/**
 * Writes migration files into a temporary directory and loads them the way the CLI does (a TS
 * loader at run time), with "@mig/core" resolved to this package's source.
 */
export function migrationLoader(): {
  load(fileName: string, source: string): Promise<LoadedMigration>;
  /** Loads @mig/core once (seconds, cold): call it from a `beforeAll` with a long timeout. */
  warmUp(): Promise<void>;
  dispose(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), "mig-serialise-"));
  const jiti = createJiti(import.meta.url, { alias: { "@mig/core": CORE_SOURCE } });
  return {
    async warmUp() {
      await jiti.import("@mig/core");
    },
    async load(fileName, source) {
      const path = join(dir, fileName);
      writeFileSync(path, source);
      return jiti.import<LoadedMigration>(path);
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
