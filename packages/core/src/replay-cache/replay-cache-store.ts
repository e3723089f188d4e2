import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { applyOperations } from "../operations/apply-operation";
import type { Operation } from "../operations/operation";
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
 * Version 5: pairs of lines may follow, each the files and operations of a migration written on
 * top (`appendReplayCache`) and a digest chained to the one before.
 */
export const REPLAY_CACHE_VERSION = 5;

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
  /** Every file the entry covers: those of the snapshot, then those of each appended migration. */
  readonly files: readonly CachedFile[];
  /** The replayed snapshot's JSON, for `readCachedSnapshot`; cleared by its reader once parsed (it is large). */
  snapshot: string | undefined;
  /** The appended migrations' operations, in order: `readCachedSnapshot` applies them on top of the snapshot. */
  readonly operations: readonly Operation[];
  /** Where the file stands, for `appendReplayCache`. */
  readonly stored: StoredEntry;
}

/** An entry file as it was read or written: what the next appended migration extends. */
export interface StoredEntry {
  /** The last digest of the file (the snapshot's, or the last appended migration's). */
  readonly digest: string;
  /** The file's size in bytes. */
  readonly bytes: number;
  /** The length of its snapshot's JSON (bytes or characters: only compared with `appendedBytes`). */
  readonly snapshotBytes: number;
  /** The length of what was appended after the snapshot's digest (likewise). */
  readonly appendedBytes: number;
}

/** A migration appended to an entry: its file (or files) and the operations it records. */
export interface AppendedMigration {
  readonly files: readonly CachedFile[];
  readonly operations: readonly Operation[];
}

export const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

const entryPath = (dir: string, key: string) => join(dir, `replay-${sha256(key).slice(0, 24)}.json`);

function isCachedFile(value: unknown): value is CachedFile {
  const file = value as CachedFile;
  return typeof file === "object" && file !== null && typeof file.path === "string" && typeof file.hash === "string" && typeof file.id === "string";
}

/** A digest line: 64 hex digits and its newline. */
const DIGEST_LINE = 64 + 1;

/** Where an entry's snapshot ends: its JSON's last line (no entity's line starts with `]`). */
const SNAPSHOT_END = "\n]}\n";

/** The digest of an appended line: chained to the one before it, so no line can be moved, dropped or spliced from another entry. */
const chained = (previous: string, line: string) => sha256(`${previous}\n${line}`);

/**
 * The entry for `key`, or undefined when there is none or it cannot be read or trusted: its
 * snapshot's JSON must match the sha256 on the line after it, and each appended migration the
 * digest chained after it (a truncated or altered entry does not).
 */
export function readReplayCache(dir: string, key: string, migVersion: string): ReplayCacheEntry | undefined {
  let bytes: number;
  let data: unknown;
  let snapshot: string;
  let digest: string;
  let snapshotBytes: number;
  let appendedBytes: number;
  const appended: AppendedMigration[] = [];
  try {
    // Read as text straight away (no buffer of the file kept beside it); its size from the same descriptor.
    const fd = openSync(entryPath(dir, key), "r");
    let text: string;
    try {
      bytes = fstatSync(fd).size;
      text = readFileSync(fd, "utf8");
    } finally {
      closeSync(fd);
    }
    const newline = text.indexOf("\n");
    const end = newline < 0 ? -1 : text.indexOf(SNAPSHOT_END, newline);
    if (end < 0 || text.length < end + SNAPSHOT_END.length + DIGEST_LINE || text[text.length - 1] !== "\n") return undefined;
    const digestAt = end + SNAPSHOT_END.length;
    snapshot = text.slice(newline + 1, digestAt);
    // The digests kept are the ones computed: a slice of the file's text would keep all of it alive.
    digest = sha256(snapshot);
    if (text[digestAt + DIGEST_LINE - 1] !== "\n" || text.slice(digestAt, digestAt + DIGEST_LINE - 1) !== digest) return undefined;
    snapshotBytes = snapshot.length;
    // Each appended migration: its JSON on one line, then that line's digest chained to the one before.
    const rest = text.slice(digestAt + DIGEST_LINE);
    appendedBytes = rest.length;
    const lines = rest === "" ? [] : rest.slice(0, -1).split("\n");
    if (lines.length % 2 !== 0) return undefined;
    for (let i = 0; i < lines.length; i += 2) {
      const line = lines[i]!;
      const next = chained(digest, line);
      if (next !== lines[i + 1]) return undefined;
      digest = next;
      const migration = JSON.parse(line) as AppendedMigration;
      if (!Array.isArray(migration.files) || !migration.files.every(isCachedFile) || !Array.isArray(migration.operations)) return undefined;
      appended.push(migration);
    }
    data = JSON.parse(text.slice(0, newline));
  } catch {
    return undefined;
  }
  const entry = data as ReplayCacheEntry;
  if (typeof entry !== "object" || entry === null) return undefined;
  if (entry.format !== REPLAY_CACHE_FORMAT || entry.version !== REPLAY_CACHE_VERSION || entry.migVersion !== migVersion || entry.key !== key) return undefined;
  if (!Array.isArray(entry.files) || !entry.files.every(isCachedFile)) return undefined;
  return {
    format: entry.format,
    version: entry.version,
    migVersion: entry.migVersion,
    key: entry.key,
    files: [...entry.files, ...appended.flatMap((migration) => migration.files)],
    snapshot,
    operations: appended.flatMap((migration) => migration.operations),
    stored: { digest, bytes, snapshotBytes, appendedBytes },
  };
}

/**
 * The snapshot of an entry `readReplayCache` returned, with its appended operations applied on
 * top. Its JSON is what `writeReplayCache` wrote from a snapshot, entity by entity, and is intact
 * (its sha256 matched): so its entities are not checked one by one again (`parseSnapshot` would:
 * ~10% of a `mig new --auto` at 500 tables). Throws when it is not a snapshot of this format after
 * all, or the operations do not fit it (the caller replays everything).
 */
export function readCachedSnapshot(json: string, operations: readonly Operation[] = []): Snapshot {
  const data = JSON.parse(json) as { format?: unknown; version?: unknown; entities?: unknown };
  if (data.format !== SNAPSHOT_FORMAT || data.version !== SNAPSHOT_VERSION || !Array.isArray(data.entities)) throw new Error("not a cached snapshot");
  const snapshot = Snapshot.fromEntities(data.entities as Entity[]);
  return operations.length === 0 ? snapshot : applyOperations(snapshot, operations);
}

/** Bytes gathered before each write: the snapshot is written in pieces, never held as one string. */
const CHUNK = 1 << 16;

/** What an entry's first line holds. */
type EntryHeader = Pick<ReplayCacheEntry, "format" | "version" | "migVersion" | "key" | "files">;

/**
 * Stores the entry for its key, with `snapshot` as its JSON (what `readCachedSnapshot` reads)
 * and that JSON's sha256 on a last line: written to a temporary file, entity by entity, and
 * renamed over the old one, so a reader never sees half a file and no copy of the whole
 * snapshot's text is ever built. Returns where the file stands (for `appendReplayCache`), or
 * undefined when it could not be written: failures are ignored, the cache only ever saves time.
 */
export function writeReplayCache(dir: string, entry: EntryHeader, snapshot: Snapshot): StoredEntry | undefined {
  const path = entryPath(dir, entry.key);
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  let fd: number | undefined;
  try {
    mkdirSync(dir, { recursive: true });
    fd = openSync(temporary, "w");
    const { format, version, migVersion, key, files } = entry;
    let bytes = writeSync(fd, `${JSON.stringify({ format, version, migVersion, key, files })}\n`);
    let snapshotBytes = 0;
    const hash = createHash("sha256");
    const write = (text: string) => {
      snapshotBytes += writeSync(fd!, text);
      hash.update(text, "utf8");
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
    write(`${chunk}${SNAPSHOT_END}`);
    const digest = hash.digest("hex");
    bytes += snapshotBytes + writeSync(fd, `${digest}\n`);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, path);
    return { digest, bytes, snapshotBytes, appendedBytes: 0 };
  } catch {
    try {
      if (fd !== undefined) closeSync(fd);
      rmSync(temporary, { force: true });
    } catch {
      // Nothing more to do: the entry is simply not written.
    }
    return undefined;
  }
}

/**
 * An entry's appended lines stay under this share of its snapshot's bytes: each reader applies
 * them on top of the snapshot, so past that the whole entry is written anew.
 */
const MAX_APPENDED_SHARE = 1 / 4;

/**
 * Appends a migration (its files and the operations it records) to the entry `stored` describes,
 * instead of writing the whole snapshot again (4 MB at 2000 tables, for one added column): one
 * line and its digest chained to the entry's last one. Only when the file is still the one
 * described (its size); a writer racing this one at worst breaks the chain, and a broken chain
 * (like a line cut short by a crash) is a miss for the next reader, never a wrong snapshot.
 * Returns where the file then stands, or undefined when nothing was appended (also when the
 * appended lines would outgrow `MAX_APPENDED_SHARE` of the snapshot: the caller writes it anew).
 */
export function appendReplayCache(dir: string, key: string, stored: StoredEntry, migration: AppendedMigration): StoredEntry | undefined {
  let fd: number | undefined;
  try {
    const line = JSON.stringify({ files: migration.files, operations: migration.operations });
    if (stored.appendedBytes + line.length > stored.snapshotBytes * MAX_APPENDED_SHARE) return undefined;
    const digest = chained(stored.digest, line);
    // No O_CREAT: an entry removed since it was read stays removed.
    fd = openSync(entryPath(dir, key), constants.O_WRONLY | constants.O_APPEND);
    if (fstatSync(fd).size !== stored.bytes) return undefined;
    const appended = writeSync(fd, `${line}\n${digest}\n`);
    return { digest, bytes: stored.bytes + appended, snapshotBytes: stored.snapshotBytes, appendedBytes: stored.appendedBytes + appended };
  } catch {
    return undefined;
  } finally {
    try {
      if (fd !== undefined) closeSync(fd);
    } catch {
      // The line is written or not: the chain tells the next reader.
    }
  }
}
