import type { MigrationFile } from "../project/load-migrations";

/**
 * The same files, each building its migration (calling the file's `forwards()`) at most once: a
 * fleet plans every target from the same loaded migrations instead of rebuilding them per target.
 */
export function loadOnce(sources: readonly MigrationFile[]): MigrationFile[] {
  return sources.map((source) => {
    let loaded: ReturnType<MigrationFile["load"]> | undefined;
    return { ...source, load: () => (loaded ??= source.load()) };
  });
}
