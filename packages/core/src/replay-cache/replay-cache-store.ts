import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION } from "../snapshot/canonical-json";
import type { Entity } from "../snapshot/entities";
import { Snapshot } from "../snapshot/snapshot";

/** The `format` of a replay cache file. */
export const REPLAY_CACHE_FORMAT = "mig.replay-cache";
/**
 * Bumped whenever what the cache holds, or how replay computes it, changes meaning. Version 2:
 * the first line is the entry without its snapshot, the rest of the file the snapshot's JSON.
 * Version 3: that JSON is snapshot format version 2 (entities discriminated by `kind`).
 * Version 4: a last line holds the sha256 of that JSON (`readCachedSnapshot`).
 */
export const REPLAY_CACHE_VERSION = 4;

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
  /** The replayed snapshot's JSON, for `readCachedSnapshot`; cleared by its reader once parsed (it is large). */
  snapshot: string | undefined;
}

export const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

const entryPath = (dir: string, key: string) => join(dir, `replay-${sha256(key).slice(0, 24)}.json`);

function isCachedFile(value: unknown): value is CachedFile {
  const file = value as CachedFile;
  return typeof file === "object" && file !== null && typeof file.path === "string" && typeof file.hash === "string" && typeof file.id === "string";
}

/** The last line of an entry: the sha256 of the snapshot's JSON before it, and the newline that ends the file. */
const DIGEST_LINE = 64 + 1;

/**
 * The entry for `key`, or undefined when there is none or it cannot be read or trusted: its
 * snapshot's JSON must match the sha256 on its last line (a truncated or altered entry does not).
 */
export function readReplayCache(dir: string, key: string, migVersion: string): ReplayCacheEntry | undefined {
  let text: string;
  let data: unknown;
  let newline: number;
  let snapshot: string;
  try {
    text = readFileSync(entryPath(dir, key), "utf8");
    newline = text.indexOf("\n");
    const end = text.length - DIGEST_LINE;
    if (newline < 0 || end <= newline || text[text.length - 1] !== "\n") return undefined;
    snapshot = text.slice(newline + 1, end);
    if (sha256(snapshot) !== text.slice(end, text.length - 1)) return undefined;
    data = JSON.parse(text.slice(0, newline));
  } catch {
    return undefined;
  }
  const entry = data as ReplayCacheEntry;
  if (typeof entry !== "object" || entry === null) return undefined;
  if (entry.format !== REPLAY_CACHE_FORMAT || entry.version !== REPLAY_CACHE_VERSION || entry.migVersion !== migVersion || entry.key !== key) return undefined;
  if (!Array.isArray(entry.files) || !entry.files.every(isCachedFile)) return undefined;
  return { format: entry.format, version: entry.version, migVersion: entry.migVersion, key: entry.key, files: entry.files, snapshot };
}

/**
 * The snapshot of an entry `readReplayCache` returned. Its JSON is what `writeReplayCache` wrote
 * from a snapshot, entity by entity, and is intact (its sha256 matched): so its entities are not
 * checked one by one again (`parseSnapshot` would: ~10% of a `mig new --auto` at 500 tables).
 * Throws when it is not a snapshot of this format after all (the caller replays everything).
 */
export function readCachedSnapshot(json: string): Snapshot {
  const data = JSON.parse(json) as { format?: unknown; version?: unknown; entities?: unknown };
  if (data.format !== SNAPSHOT_FORMAT || data.version !== SNAPSHOT_VERSION || !Array.isArray(data.entities)) throw new Error("not a cached snapshot");
  return Snapshot.fromEntities(data.entities as Entity[]);
}

/** Bytes gathered before each write: the snapshot is written in pieces, never held as one string. */
const CHUNK = 1 << 16;

/**
 * Stores the entry for its key, with `snapshot` as its JSON (what `readCachedSnapshot` reads)
 * and that JSON's sha256 on a last line: written to a temporary file, entity by entity, and
 * renamed over the old one, so a reader never sees half a file and no copy of the whole
 * snapshot's text is ever built. Failures are ignored: the cache only ever saves time.
 */
export function writeReplayCache(dir: string, entry: Omit<ReplayCacheEntry, "snapshot">, snapshot: Snapshot): void {
  const path = entryPath(dir, entry.key);
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  let fd: number | undefined;
  try {
    mkdirSync(dir, { recursive: true });
    fd = openSync(temporary, "w");
    const { format, version, migVersion, key, files } = entry;
    writeSync(fd, `${JSON.stringify({ format, version, migVersion, key, files })}\n`);
    const digest = createHash("sha256");
    const write = (text: string) => {
      writeSync(fd!, text);
      digest.update(text, "utf8");
    };
    let chunk = `{"format":${JSON.stringify(SNAPSHOT_FORMAT)},"version":${SNAPSHOT_VERSION},"entities":[`;
    snapshot.entities.forEach((entity, i) => {
      // JSON.stringify, not the canonical form: only `readCachedSnapshot` reads this, and keys in
      // any order are the same entity (the canonical sort took ~40 ms of 500 tables). A snapshot
      // holds JSON values only (checked when it was built).
      chunk += `${i === 0 ? "" : ","}\n${JSON.stringify(entity)}`;
      if (chunk.length >= CHUNK) {
        write(chunk);
        chunk = "";
      }
    });
    write(`${chunk}\n]}\n`);
    writeSync(fd, `${digest.digest("hex")}\n`);
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
