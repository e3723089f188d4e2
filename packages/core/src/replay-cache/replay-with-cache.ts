import { compareMigrationIds } from "../manager/migration-id";
import { applyOperations } from "../operations/apply-operation";
import type { Operation } from "../operations/operation";
import { replayMigrations, type ReplayableMigration } from "../manager/replay-migrations";
import type { Snapshot } from "../snapshot/snapshot";
import {
  appendReplayCache,
  readCachedSnapshot,
  readReplayCache,
  REPLAY_CACHE_FORMAT,
  REPLAY_CACHE_VERSION,
  sha256,
  writeReplayCache,
  type CachedFile,
  type ReplayCacheEntry,
  type StoredEntry,
} from "./replay-cache-store";
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
  /** Every file replayed (by the cached snapshot or loaded), in ID order: what `cacheWrittenMigration` extends. */
  readonly files: readonly CachedFile[];
  /** Every one of `files` is self-contained (`isSelfContained`): an entry may cover them all. */
  readonly selfContained: boolean;
  /** The entry file as it stands when it covers exactly `files`: `cacheWrittenMigration` appends to it. */
  readonly stored?: StoredEntry | undefined;
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
  // Each file's text is scanned once (a first migration of 500 tables is ~700 kB).
  const texts = new Map(input.files.map((file) => [file.path, file.text]));
  const known = new Map<string, boolean>();
  const selfContained = (path: string): boolean => {
    let result = known.get(path);
    if (result === undefined) known.set(path, (result = isSelfContained(texts.get(path) ?? "")));
    return result;
  };
  const entry = input.cacheDir === undefined ? undefined : readReplayCache(input.cacheDir, input.key, input.migVersion);
  // A file the entry covers with these very bytes was found self-contained when the entry was
  // written (every writer checks: `store`, `cacheWrittenMigration`): not scanned again.
  for (const file of entry?.files ?? []) if (hashes.get(file.path) === file.hash) known.set(file.path, true);
  const onTop = entry && (await replayOnTop(input, entry, hashes, selfContained));
  if (entry) entry.snapshot = undefined;
  if (entry && onTop) {
    const replayed: Replayed[] = [...entry.files.map((file) => ({ file, migration: undefined })), ...onTop.loaded];
    const { length, stored } = store(input, replayed, onTop.snapshot, entry, selfContained);
    return { snapshot: onTop.snapshot, loaded: onTop.loaded.length, cached: entry.files.length, files: replayed.map((r) => r.file), selfContained: length === replayed.length, stored };
  }
  const loaded = (await input.loadAll()).map(({ path, migration }): Replayed => ({
    file: { path, hash: hashes.get(path) ?? "", id: migration.migrationId },
    migration,
  }));
  loaded.sort((a, b) => compareMigrationIds(a.file.id, b.file.id));
  const snapshot = replayMigrations(loaded.map((r) => r.migration!));
  const { length, stored } = store(input, loaded, snapshot, undefined, selfContained);
  return { snapshot, loaded: loaded.length, cached: 0, files: loaded.map((r) => r.file), selfContained: length === loaded.length, stored };
}

/** The snapshot of the cached files with the others replayed on top, or undefined when the entry cannot stand in. */
async function replayOnTop(input: ReplayWithCacheInput, entry: ReplayCacheEntry, hashes: ReadonlyMap<string, string>, selfContained: (path: string) => boolean) {
  const cached = entry.files;
  for (const file of cached) {
    if (!hashes.has(file.path) || hashes.get(file.path) !== file.hash || !selfContained(file.path)) return undefined;
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
    base = readCachedSnapshot(entry.snapshot ?? "", entry.operations);
  } catch {
    return undefined;
  } finally {
    // Several megabytes for a large schema: not kept while the rest of the command runs.
    entry.snapshot = undefined;
  }
  return { snapshot: replayMigrations(loaded.map((r) => r.migration!), base), loaded };
}

/**
 * Rewrites the entry to cover the longest self-contained run from the first file, unless `entry`
 * (the one read) already does. Returns the length of that run, and the entry file when it covers
 * every replayed file.
 */
function store(
  input: ReplayWithCacheInput,
  replayed: readonly Replayed[],
  snapshot: Snapshot,
  entry: ReplayCacheEntry | undefined,
  selfContained: (path: string) => boolean,
): { length: number; stored: StoredEntry | undefined } {
  if (input.cacheDir === undefined) return { length: 0, stored: undefined };
  let length = 0;
  while (length < replayed.length && selfContained(replayed[length]!.file.path)) length++;
  if (length === 0) return { length, stored: undefined };
  if (length === entry?.files.length) return { length, stored: length === replayed.length ? entry.stored : undefined };
  const prefix = replayed.slice(0, length);
  let covered = snapshot;
  if (length < replayed.length) {
    // Only files loaded in this run can be replayed again (a prefix never ends inside the cached part).
    if (prefix.some((r) => r.migration === undefined)) return { length, stored: undefined };
    covered = replayMigrations(prefix.map((r) => r.migration!));
  }
  const stored = writeReplayCache(
    input.cacheDir,
    { format: REPLAY_CACHE_FORMAT, version: REPLAY_CACHE_VERSION, migVersion: input.migVersion, key: input.key, files: prefix.map((r) => r.file) },
    covered,
  );
  return { length, stored: length === replayed.length ? stored : undefined };
}

/** A migration file just written on top of what `replayWithCache` replayed: its exact text and what it records. */
export interface WrittenMigrationFile {
  readonly path: string;
  readonly text: string;
  readonly migrationId: string;
  readonly appName: string;
  /** The operations the file was serialised from (`serialiseMigration`), in order. */
  readonly operations: readonly Operation[];
}

/**
 * After a new migration file was written on top of what `replayWithCache` replayed (`mig new
 * --auto`): stores the entry that covers every replayed file and the new one, so that the next
 * run loads none of them. The new file's snapshot is what replaying it gives: the file is
 * serialised from `operations` (`serialiseMigration`, which checks that each call loads), and
 * loading it records these very operations (`operationToCall`), so they stand for the file.
 * When the entry on disk covers exactly the replayed files, they are appended to it
 * (`appendReplayCache`: the next reader applies them on top of its snapshot, and one that does
 * not fit is a miss); otherwise, or once the appended lines grow long, they are applied on top of
 * `replayed.snapshot` and the whole entry is written. Nothing is stored (the next run loads the
 * new file, as without this) unless every replayed file and the new one are self-contained and
 * the new ID comes after every replayed one; nor when the cache is off. Never fails: the file is
 * written already.
 *
 * @example
 * ```ts
 * const replayed = await replayWithCache(input);
 * // … the diff, then the file written …
 * cacheWrittenMigration(input, replayed, { path, text, migrationId: id, appName, operations });
 * ```
 */
export function cacheWrittenMigration(
  input: Pick<ReplayWithCacheInput, "cacheDir" | "key" | "migVersion" | "files">,
  replayed: ReplayWithCacheResult,
  written: WrittenMigrationFile,
): void {
  if (input.cacheDir === undefined || !replayed.selfContained || replayed.files.length !== input.files.length) return;
  if (input.files.some((file) => file.path === written.path) || !isSelfContained(written.text)) return;
  const last = replayed.files[replayed.files.length - 1]?.id;
  if (last !== undefined && compareMigrationIds(written.migrationId, last) <= 0) return;
  const file: CachedFile = { path: written.path, hash: sha256(written.text), id: written.migrationId };
  // Raw functions change no schema (and are no JSON).
  const operations = written.operations.filter((operation) => operation.kind !== "raw");
  if (replayed.stored && appendReplayCache(input.cacheDir, input.key, replayed.stored, { files: [file], operations })) return;
  let snapshot: Snapshot;
  try {
    snapshot = applyOperations(replayed.snapshot, operations);
  } catch {
    return; // the next run loads the file and reports what does not fit
  }
  const files = [...replayed.files, file];
  writeReplayCache(input.cacheDir, { format: REPLAY_CACHE_FORMAT, version: REPLAY_CACHE_VERSION, migVersion: input.migVersion, key: input.key, files }, snapshot);
}
