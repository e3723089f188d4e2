import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION } from "../snapshot/canonical-json";
import type { Snapshot } from "../snapshot/snapshot";

/** The `format` of a replay cache file. */
export const REPLAY_CACHE_FORMAT = "mig.replay-cache";
/**
 * Bumped whenever what the cache holds, or how replay computes it, changes meaning. Version 2:
 * the first line is the entry without its snapshot, the rest of the file the snapshot's JSON.
 * Version 3: that JSON is snapshot format version 2 (entities discriminated by `kind`).
 */
export const REPLAY_CACHE_VERSION = 3;

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
  /** The replayed snapshot's JSON, for `parseSnapshot`; cleared by its reader once parsed (it is large). */
  snapshot: string | undefined;
}

export const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

const entryPath = (dir: string, key: string) => join(dir, `replay-${sha256(key).slice(0, 24)}.json`);

function isCachedFile(value: unknown): value is CachedFile {
  const file = value as CachedFile;
  return typeof file === "object" && file !== null && typeof file.path === "string" && typeof file.hash === "string" && typeof file.id === "string";
}

/** The entry for `key`, or undefined when there is none or it cannot be read or trusted. */
export function readReplayCache(dir: string, key: string, migVersion: string): ReplayCacheEntry | undefined {
  let text: string;
  let data: unknown;
  let newline: number;
  try {
    text = readFileSync(entryPath(dir, key), "utf8");
    newline = text.indexOf("\n");
    if (newline < 0) return undefined;
    data = JSON.parse(text.slice(0, newline));
  } catch {
    return undefined;
  }
  const entry = data as ReplayCacheEntry;
  if (typeof entry !== "object" || entry === null) return undefined;
  if (entry.format !== REPLAY_CACHE_FORMAT || entry.version !== REPLAY_CACHE_VERSION || entry.migVersion !== migVersion || entry.key !== key) return undefined;
  if (!Array.isArray(entry.files) || !entry.files.every(isCachedFile)) return undefined;
  return { format: entry.format, version: entry.version, migVersion: entry.migVersion, key: entry.key, files: entry.files, snapshot: text.slice(newline + 1) };
}

/** Bytes gathered before each write: the snapshot is written in pieces, never held as one string. */
const CHUNK = 1 << 16;

/**
 * Stores the entry for its key, with `snapshot` as its JSON (what `parseSnapshot` reads):
 * written to a temporary file, entity by entity, and renamed over the old one, so a reader never
 * sees half a file and no copy of the whole snapshot's text is ever built. Failures are ignored:
 * the cache only ever saves time.
 */
export function writeReplayCache(dir: string, entry: Omit<ReplayCacheEntry, "snapshot">, snapshot: Snapshot): void {
  const path = entryPath(dir, entry.key);
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  let fd: number | undefined;
  try {
    mkdirSync(dir, { recursive: true });
    fd = openSync(temporary, "w");
    const { format, version, migVersion, key, files } = entry;
    let chunk = `${JSON.stringify({ format, version, migVersion, key, files })}\n{"format":${JSON.stringify(SNAPSHOT_FORMAT)},"version":${SNAPSHOT_VERSION},"entities":[`;
    snapshot.entities.forEach((entity, i) => {
      // JSON.stringify, not the canonical form: only `parseSnapshot` reads this, and it takes keys
      // in any order (the canonical sort took ~40 ms of 500 tables). A snapshot holds JSON values
      // only (checked when it was built); anything else would be refused by that reader.
      chunk += `${i === 0 ? "" : ","}\n${JSON.stringify(entity)}`;
      if (chunk.length >= CHUNK) {
        writeSync(fd!, chunk);
        chunk = "";
      }
    });
    writeSync(fd, `${chunk}\n]}\n`);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, path);
  } catch {
    try {
      if (fd !== undefined) closeSync(fd);
      rmSync(temporary, { force: true });
    } catch {
      // Nothing more to do: the entry is simply not written.
    }
  }
}
