import { compareMigrationIds } from "../manager/migration-id";
import { replayMigrations, type ReplayableMigration } from "../manager/replay-migrations";
import { parseSnapshot } from "../snapshot/canonical-json";
import type { Snapshot } from "../snapshot/snapshot";
import { readReplayCache, REPLAY_CACHE_FORMAT, REPLAY_CACHE_VERSION, sha256, writeReplayCache, type CachedFile, type ReplayCacheEntry } from "./replay-cache-store";
import { isSelfContained } from "./self-contained";

/** A migration file before it is loaded: where it is and its exact text. */
export interface MigrationFileText {
  readonly path: string;
  readonly text: string;
}

/** A loaded migration file. */
export interface LoadedMigrationFile {
  readonly path: string;
  readonly migration: ReplayableMigration;
}

export interface ReplayWithCacheInput {
  /** The folder of cache files; undefined turns the cache off (everything is loaded and replayed). */
  readonly cacheDir: string | undefined;
  /** What the cached snapshot belongs to (an app and its migrations folder). */
  readonly key: string;
  /** The version of mig: an entry written by another version is not used. */
  readonly migVersion: string;
  /** Every migration file of the app, with its text as it is now. */
  readonly files: readonly MigrationFileText[];
  /** Loads every file, checking them as a run without the cache does (the source of every error). */
  loadAll(): Promise<readonly LoadedMigrationFile[]>;
  /** Loads one file the cache does not cover. */
  loadOne(file: MigrationFileText): Promise<ReplayableMigration>;
}

export interface ReplayWithCacheResult {
  readonly snapshot: Snapshot;
  /** How many files were loaded (all of them without a usable cache entry). */
  readonly loaded: number;
  /** How many files the cached snapshot stood in for. */
  readonly cached: number;
}

/** A file replayed in this run, or (no migration) one the cached snapshot stood in for. */
interface Replayed {
  readonly file: CachedFile;
  readonly migration: ReplayableMigration | undefined;
}

/**
 * `replayMigrations` over an app's migration files, without loading the files a previous run
 * already replayed. A cache entry holds the snapshot of a set of files, each by the sha256 of
 * its exact text, and their IDs. It stands in for those files only when every one of them is
 * still there with the same text (and can reach nothing outside that text: `isSelfContained`),
 * and every other file, once loaded, comes after all of them in ID order; those are replayed on
 * top of it. Anything else (a file edited, removed, or inserted before the last cached ID, an
 * entry of another mig version, an unreadable entry) loads and replays everything, as without a
 * cache. So the result is always what `replayMigrations` of all the files gives. Afterwards the
 * entry is rewritten to cover the longest run of self-contained files from the first one.
 *
 * @example
 * ```ts
 * const { snapshot } = await replayWithCache({ cacheDir, key: app.migrationsDir, migVersion: VERSION, files, loadAll, loadOne });
 * ```
 */
export async function replayWithCache(input: ReplayWithCacheInput): Promise<ReplayWithCacheResult> {
  const hashes = new Map(input.files.map((file) => [file.path, sha256(file.text)]));
  const entry = input.cacheDir === undefined ? undefined : readReplayCache(input.cacheDir, input.key, input.migVersion);
  const onTop = entry && (await replayOnTop(input, entry, hashes));
  if (entry) entry.snapshot = undefined;
  if (entry && onTop) {
    const replayed: Replayed[] = [...entry.files.map((file) => ({ file, migration: undefined })), ...onTop.loaded];
    store(input, replayed, onTop.snapshot, entry.files.length);
    return { snapshot: onTop.snapshot, loaded: onTop.loaded.length, cached: entry.files.length };
  }
  const loaded = (await input.loadAll()).map(({ path, migration }): Replayed => ({
    file: { path, hash: hashes.get(path) ?? "", id: migration.migrationId },
    migration,
  }));
  loaded.sort((a, b) => compareMigrationIds(a.file.id, b.file.id));
  const snapshot = replayMigrations(loaded.map((r) => r.migration!));
  store(input, loaded, snapshot, -1);
  return { snapshot, loaded: loaded.length, cached: 0 };
}

/** The snapshot of the cached files with the others replayed on top, or undefined when the entry cannot stand in. */
async function replayOnTop(input: ReplayWithCacheInput, entry: ReplayCacheEntry, hashes: ReadonlyMap<string, string>) {
  const cached = entry.files;
  const byPath = new Map(input.files.map((file) => [file.path, file]));
  for (const file of cached) {
    const current = byPath.get(file.path);
    if (!current || hashes.get(file.path) !== file.hash || !isSelfContained(current.text)) return undefined;
  }
  const covered = new Set(cached.map((file) => file.path));
  const loaded: Replayed[] = [];
  for (const file of input.files) {
    if (covered.has(file.path)) continue;
    const migration = await input.loadOne(file);
    loaded.push({ file: { path: file.path, hash: hashes.get(file.path)!, id: migration.migrationId }, migration });
  }
  loaded.sort((a, b) => compareMigrationIds(a.file.id, b.file.id));
  const lastCached = cached[cached.length - 1]?.id;
  for (let i = 0; i < loaded.length; i++) {
    const id = loaded[i]!.file.id;
    // Before (or equal to) a cached ID, or two with one ID: the full path decides (and reports).
    if (lastCached !== undefined && compareMigrationIds(id, lastCached) <= 0) return undefined;
    if (i > 0 && compareMigrationIds(id, loaded[i - 1]!.file.id) === 0) return undefined;
  }
  let base: Snapshot;
  try {
    base = parseSnapshot(entry.snapshot ?? "");
  } catch {
    return undefined;
  } finally {
    // Several megabytes for a large schema: not kept while the rest of the command runs.
    entry.snapshot = undefined;
  }
  return { snapshot: replayMigrations(loaded.map((r) => r.migration!), base), loaded };
}

/** Rewrites the entry to cover the longest self-contained run from the first file, unless it already does. */
function store(input: ReplayWithCacheInput, replayed: readonly Replayed[], snapshot: Snapshot, previous: number): void {
  if (input.cacheDir === undefined) return;
  const texts = new Map(input.files.map((file) => [file.path, file.text]));
  let length = 0;
  while (length < replayed.length && isSelfContained(texts.get(replayed[length]!.file.path) ?? "")) length++;
  if (length === previous || length === 0) return;
  const prefix = replayed.slice(0, length);
  let covered = snapshot;
  if (length < replayed.length) {
    // Only files loaded in this run can be replayed again (a prefix never ends inside the cached part).
    if (prefix.some((r) => r.migration === undefined)) return;
    covered = replayMigrations(prefix.map((r) => r.migration!));
  }
  writeReplayCache(
    input.cacheDir,
    { format: REPLAY_CACHE_FORMAT, version: REPLAY_CACHE_VERSION, migVersion: input.migVersion, key: input.key, files: prefix.map((r) => r.file) },
    covered,
  );
}
