import type { Operation } from "../operations/operation";

/**
 * What the runner needs from a loaded migration: `MigrationManager` has this shape.
 * Plans carry every operation with both sides, so the runner needs nothing else.
 */
export interface RunnableMigration {
  readonly migrationId: string;
  readonly appName: string;
  readonly description: string;
  /** Recorded without running. */
  readonly fake: boolean;
  /** Run in one transaction with the tracking row (where the dialect has transactional DDL). */
  readonly wrapInTransaction: boolean;
  /** `mig lint` does not fail on it: its locks and data loss are accepted (`accept: true`). Default `false`. */
  readonly accept?: boolean;
  forwardsPlan(): readonly Operation[];
  backwardsPlan(): readonly Operation[];
}

/**
 * One migration file as the CLI found it. Loading the file is the CLI's job; the runner calls
 * `load()` only for the migrations it runs.
 *
 * @example
 * ```ts
 * const source: MigrationSource = {
 *   appName: "music", id: "2026-11-22T13:58:23:024723", description: "",
 *   path: "src/music/migrations/music_2026_11_22t13_58_23_024723.ts",
 *   checksum: checksum(await readFile(path, "utf8")),
 *   load: async () => (await import(path)).forwards(),
 * };
 * ```
 */
export interface MigrationSource {
  readonly appName: string;
  /** The migration ID (`YYYY-MM-DDTHH:MM:SS:ffffff`). */
  readonly id: string;
  readonly description: string;
  /** The file, for messages. */
  readonly path?: string;
  /** `checksum(fileText)`. */
  readonly checksum: string;
  load(): Promise<RunnableMigration>;
}

/** `music/2026-11-22T13:58:23:024723`: how messages name a migration. */
export function migrationLabel(appName: string, id: string): string {
  return `${appName}/${id}`;
}
