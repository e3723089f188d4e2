import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
/** The code cache's check of its own bytes: SHA-1, as the CLI's own code cache (nobody crafts these files; a quarter of SHA-256's time). */
const sha1 = (bytes: Uint8Array) => createHash("sha1").update(bytes).digest("hex");

/** What a folder's code cache starts with: the format, the entry it belongs to, Node's version and architecture, and its bytes' hash. */
const CODE_HEADER = /^mig-code-cache 1 ([0-9a-f]{64}) (\S+) (\S+) ([0-9a-f]{40})\n/;

/** What an entry starts with, before the code: the format, the key's hash and the code's hash. */
const HEADER = /^\/\/ mig-transform 1 ([0-9a-f]{64}) ([0-9a-f]{64})\n/;

/** What a folder's entry starts with, before its files: the format, the transform's hash and the body's hash. */
const FOLDER_HEADER = /^\/\/ mig-transform-folder 1 ([0-9a-f]{64}) ([0-9a-f]{64})\n/;

/** One file of a folder's entry: its name in the folder, its exact source and the code compiled from it. */
export interface FolderFile {
  readonly name: string;
  readonly source: string;
  readonly code: string;
}

/**
 * A persistent cache of compiled user modules (config, tables modules, migration files), one
 * entry per source file: `<dir>/<sha256 of the path>.js`, so an edited file replaces its own entry
 * and the cache does not grow with edits. A migrations folder, whose files are loaded together,
 * has one entry for all of them instead (`getFolder`): one read and one hash per run rather than
 * a read and three hashes per file. An entry is used only when its key (the sha256 of what
 * the transform is — mig's version, the compiler's version and options — and of the exact source)
 * is the one asked for, and its code is intact (its sha256 matches the header): an edited file, a
 * new mig or compiler, or a truncated or corrupt entry is a miss, never stale code. Every failure
 * to read or write is a miss: the cache only ever saves time.
 */
export class TransformCache {
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** The key of `source` compiled by the transform described by `transform`. */
  static key(transform: string, source: string): string {
    return sha256(`${transform}\u0000${source}`);
  }

  /** The code stored for `path` under `key`, or undefined. */
  get(path: string, key: string): string | undefined {
    return this.#readEntry(this.#entryPath(path), HEADER, key)?.body;
  }

  /**
   * The body of the entry at `entry` whose header (`header`: the key, then the body's sha256)
   * names `key`, with that digest; undefined when it is missing, of another key, or not intact.
   */
  #readEntry(entry: string, header: RegExp, key: string): { readonly body: string; readonly digest: string } | undefined {
    let text: string;
    try {
      text = readFileSync(entry, "utf8");
    } catch {
      return undefined;
    }
    const match = header.exec(text);
    if (!match || match[1] !== key) return undefined;
    const body = text.slice(match[0].length);
    return sha256(body) === match[2] ? { body, digest: match[2] } : undefined;
  }

  /** Stores `code` for `path` under `key` (a temporary file renamed over the old entry). */
  set(path: string, key: string, code: string): void {
    this.#write(this.#entryPath(path), `// mig-transform 1 ${key} ${sha256(code)}\n${code}`);
  }

  /** Writes an entry through a temporary file renamed over the old one; a failure leaves no entry to use (false). */
  #write(entry: string, text: string | Buffer): boolean {
    const temporary = `${entry}.${process.pid}.${Date.now()}.tmp`;
    try {
      mkdirSync(this.#dir, { recursive: true });
      writeFileSync(temporary, text);
      renameSync(temporary, entry);
      return true;
    } catch {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // Nothing to clean up, or no way to: either way the entry is not used.
      }
      return false;
    }
  }

  /**
   * The files stored for folder `dir` compiled by the transform whose key is `transform`, by
   * name, or undefined (no entry, another transform, or an entry that is not intact). A file is
   * served only to a caller that compares its `source` with the file's text: the entry holds
   * each source whole, so one read and one hash of the entry check every file of the folder.
   */
  getFolder(dir: string, transform: string): { readonly files: Map<string, FolderFile>; readonly digest: string } | undefined {
    const entry = this.#readEntry(this.#folderEntryPath(dir), FOLDER_HEADER, transform);
    if (entry === undefined) return undefined;
    try {
      const files = new Map<string, FolderFile>();
      for (const [name, source, code] of JSON.parse(entry.body) as [string, string, string][]) files.set(name, { name, source, code });
      return { files, digest: entry.digest };
    } catch {
      return undefined;
    }
  }

  /**
   * Stores the compiled files of folder `dir` as one entry (replacing the folder's last one).
   * Returns the entry's digest (what its code cache is tied to), or undefined when it was not written.
   */
  setFolder(dir: string, transform: string, files: readonly FolderFile[]): string | undefined {
    const body = JSON.stringify(files.map((file) => [file.name, file.source, file.code]));
    const digest = sha256(body);
    return this.#write(this.#folderEntryPath(dir), `// mig-transform-folder 1 ${transform} ${digest}\n${body}`) ? digest : undefined;
  }

  /**
   * V8's code cache of the files of folder `dir` (each file's compiled script, by name), for the
   * folder's entry of digest `digest` (which pins each file's code exactly: V8 itself checks only
   * its length), made by this Node version on this architecture; undefined when there is none
   * or it is not intact.
   */
  getCodeCache(dir: string, digest: string): Map<string, Buffer> | undefined {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.#codeCachePath(dir));
    } catch {
      return undefined;
    }
    const headerEnd = bytes.indexOf(10);
    const indexEnd = headerEnd < 0 ? -1 : bytes.indexOf(10, headerEnd + 1);
    const header = indexEnd < 0 ? null : CODE_HEADER.exec(bytes.toString("latin1", 0, headerEnd + 1));
    if (!header || header[1] !== digest || header[2] !== process.version || header[3] !== process.arch) return undefined;
    if (sha1(bytes.subarray(headerEnd + 1)) !== header[4]) return undefined;
    try {
      const caches = new Map<string, Buffer>();
      let offset = indexEnd + 1;
      for (const [name, length] of JSON.parse(bytes.toString("utf8", headerEnd + 1, indexEnd)) as [string, number][]) {
        caches.set(name, bytes.subarray(offset, (offset += length)));
      }
      return offset === bytes.length ? caches : undefined;
    } catch {
      return undefined;
    }
  }

  /** Stores V8's code cache of the files of folder `dir` (by name) for its entry of digest `digest`. */
  setCodeCache(dir: string, digest: string, caches: ReadonlyMap<string, Buffer>): void {
    const index = Buffer.from(`${JSON.stringify([...caches].map(([name, data]) => [name, data.length]))}\n`);
    const rest = Buffer.concat([index, ...caches.values()]);
    this.#write(this.#codeCachePath(dir), Buffer.concat([Buffer.from(`mig-code-cache 1 ${digest} ${process.version} ${process.arch} ${sha1(rest)}\n`), rest]));
  }

  #codeCachePath(dir: string): string {
    return join(this.#dir, `${sha256(dir).slice(0, 32)}.folder.v8`);
  }

  #folderEntryPath(dir: string): string {
    return join(this.#dir, `${sha256(dir).slice(0, 32)}.folder.json`);
  }

  #entryPath(path: string): string {
    return join(this.#dir, `${sha256(path).slice(0, 32)}.js`);
  }
}
