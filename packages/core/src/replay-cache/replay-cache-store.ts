import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The `format` of a replay cache file. */
export const REPLAY_CACHE_FORMAT = "mig.replay-cache";
/** Bumped whenever what the cache holds, or how replay computes it, changes meaning. */
export const REPLAY_CACHE_VERSION = 1;

/** A migration file the cached snapshot includes. */
export interface CachedFile {
  readonly path: string;
  /** sha256 (hex) of the file's exact bytes as text. */
  readonly hash: string;
  /** Its migration ID, as the loaded file declared it. */
  readonly id: string;
}

/** What one app's cache file holds: the files replayed, in ID order, and the snapshot they give. */
export interface ReplayCacheEntry {
  readonly format: typeof REPLAY_CACHE_FORMAT;
  readonly version: typeof REPLAY_CACHE_VERSION;
  /** The mig version that wrote the entry: another version never uses it. */
  readonly migVersion: string;
  readonly key: string;
  readonly files: readonly CachedFile[];
  /** The replayed snapshot, as `serialiseSnapshot` writes it. */
  readonly snapshot: string;
}

export const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

const entryPath = (dir: string, key: string) => join(dir, `replay-${sha256(key).slice(0, 24)}.json`);

function isCachedFile(value: unknown): value is CachedFile {
  const file = value as CachedFile;
  return typeof file === "object" && file !== null && typeof file.path === "string" && typeof file.hash === "string" && typeof file.id === "string";
}

/** The entry for `key`, or undefined when there is none or it cannot be read or trusted. */
export function readReplayCache(dir: string, key: string, migVersion: string): ReplayCacheEntry | undefined {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(entryPath(dir, key), "utf8"));
  } catch {
    return undefined;
  }
  const entry = data as ReplayCacheEntry;
  if (typeof entry !== "object" || entry === null) return undefined;
  if (entry.format !== REPLAY_CACHE_FORMAT || entry.version !== REPLAY_CACHE_VERSION || entry.migVersion !== migVersion || entry.key !== key) return undefined;
  if (!Array.isArray(entry.files) || !entry.files.every(isCachedFile) || typeof entry.snapshot !== "string") return undefined;
  return entry;
}

/**
 * Stores the entry for its key: written to a temporary file and renamed over the old one, so a
 * reader never sees half a file. Failures are ignored: the cache only ever saves time.
 */
export function writeReplayCache(dir: string, entry: ReplayCacheEntry): void {
  const path = entryPath(dir, entry.key);
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temporary, JSON.stringify(entry));
    renameSync(temporary, path);
  } catch {
    rmSync(temporary, { force: true });
  }
}
