import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

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
    let text: string;
    try {
      text = readFileSync(this.#entryPath(path), "utf8");
    } catch {
      return undefined;
    }
    const header = HEADER.exec(text);
    if (!header || header[1] !== key) return undefined;
    const code = text.slice(header[0].length);
    return sha256(code) === header[2] ? code : undefined;
  }

  /** Stores `code` for `path` under `key` (a temporary file renamed over the old entry). */
  set(path: string, key: string, code: string): void {
    this.#write(this.#entryPath(path), `// mig-transform 1 ${key} ${sha256(code)}\n${code}`);
  }

  /** Writes an entry through a temporary file renamed over the old one; a failure leaves no entry to use. */
  #write(entry: string, text: string): void {
    const temporary = `${entry}.${process.pid}.${Date.now()}.tmp`;
    try {
      mkdirSync(this.#dir, { recursive: true });
      writeFileSync(temporary, text);
      renameSync(temporary, entry);
    } catch {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // Nothing to clean up, or no way to: either way the entry is not used.
      }
    }
  }

  /**
   * The files stored for folder `dir` compiled by the transform whose key is `transform`, by
   * name, or undefined (no entry, another transform, or an entry that is not intact). A file is
   * served only to a caller that compares its `source` with the file's text: the entry holds
   * each source whole, so one read and one hash of the entry check every file of the folder.
   */
  getFolder(dir: string, transform: string): Map<string, FolderFile> | undefined {
    let text: string;
    try {
      text = readFileSync(this.#folderEntryPath(dir), "utf8");
    } catch {
      return undefined;
    }
    const header = FOLDER_HEADER.exec(text);
    if (!header || header[1] !== transform) return undefined;
    const body = text.slice(header[0].length);
    if (sha256(body) !== header[2]) return undefined;
    try {
      const files = new Map<string, FolderFile>();
      for (const [name, source, code] of JSON.parse(body) as [string, string, string][]) files.set(name, { name, source, code });
      return files;
    } catch {
      return undefined;
    }
  }

  /** Stores the compiled files of folder `dir` as one entry (replacing the folder's last one). */
  setFolder(dir: string, transform: string, files: readonly FolderFile[]): void {
    const body = JSON.stringify(files.map((file) => [file.name, file.source, file.code]));
    this.#write(this.#folderEntryPath(dir), `// mig-transform-folder 1 ${transform} ${sha256(body)}\n${body}`);
  }

  #folderEntryPath(dir: string): string {
    return join(this.#dir, `${sha256(dir).slice(0, 32)}.folder.json`);
  }

  #entryPath(path: string): string {
    return join(this.#dir, `${sha256(path).slice(0, 32)}.js`);
  }
}
