import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** What an entry starts with, before the code: the format, the key's hash and the code's hash. */
const HEADER = /^\/\/ mig-transform 1 ([0-9a-f]{64}) ([0-9a-f]{64})\n/;

/**
 * A persistent cache of compiled user modules (config, tables modules, migration files), one
 * entry per source file: `<dir>/<sha256 of the path>.js`, so an edited file replaces its own entry
 * and the cache does not grow with edits. An entry is used only when its key (the sha256 of what
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
    const entry = this.#entryPath(path);
    const temporary = `${entry}.${process.pid}.${Date.now()}.tmp`;
    try {
      mkdirSync(this.#dir, { recursive: true });
      writeFileSync(temporary, `// mig-transform 1 ${key} ${sha256(code)}\n${code}`);
      renameSync(temporary, entry);
    } catch {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // Nothing to clean up, or no way to: either way the entry is not used.
      }
    }
  }

  #entryPath(path: string): string {
    return join(this.#dir, `${sha256(path).slice(0, 32)}.js`);
  }
}
