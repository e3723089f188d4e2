// Runs the CLI (`dist/bin.cjs`, one CommonJS script) compiled with V8's code cache.
"use strict";

const { createHash } = require("node:crypto");
const { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { dirname, join } = require("node:path");
const vm = require("node:vm");

/**
 * The ES modules the CLI shares with the dialects and the user's files: imported natively here and
 * handed to the script for its `require` of them, so that the user's `MigrationManager` and errors
 * are the very classes the CLI checks (`require` would load `@mig/core`'s CommonJS build: a copy).
 */
const SHARED = ["@mig/core", "@mig/core/internal", "@mig/core/dialect"];

/** The cache entry's file, inside the project's cache folder. */
const CACHE_FILE = join("code", "cli.v8");

/**
 * V8 checks that cached code fits its version and flags, and the source only by its length: the
 * entry starts with this key (a digest of the source with Node's version and the architecture),
 * and an entry of any other key is a miss. SHA-1 tells versions of the file apart as well as
 * SHA-256 does here (nobody crafts the file to collide) in a quarter of the time (~0.2 ms).
 */
function cacheKey(source) {
  return createHash("sha1").update(`${process.version} ${process.arch}\0`).update(source).digest();
}

function readCachedData(cacheFile, key) {
  if (cacheFile === undefined) return undefined;
  try {
    const entry = readFileSync(cacheFile);
    return entry.length > key.length && key.equals(entry.subarray(0, key.length)) ? entry.subarray(key.length) : undefined;
  } catch {
    return undefined; // none yet, or unreadable: compiled from source
  }
}

/** Written whole under a temporary name, then renamed: a reader never sees half an entry. Never fails. */
function writeCachedData(cacheFile, key, data) {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(temporary, Buffer.concat([key, data]));
    renameSync(temporary, cacheFile);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing to clean up, or no way to: the next run compiles from source again.
    }
  }
}

/**
 * Compiles the CommonJS script `file` with the code cache of `cacheFile` (undefined: none).
 * `store()` writes the cache when it was missing, stale or rejected; called once the command has
 * run, it also holds the functions compiled meanwhile, which the next run then does not compile.
 */
function compileWithCodeCache(file, cacheFile) {
  const source = readFileSync(file);
  const key = cacheKey(source);
  const cachedData = readCachedData(cacheFile, key);
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source.toString("utf8")}\n})`, { filename: file, cachedData });
  const cached = cachedData !== undefined && !script.cachedDataRejected;
  return {
    script,
    cached,
    store() {
      if (cacheFile !== undefined && !cached) writeCachedData(cacheFile, key, script.createCachedData());
    },
  };
}

/**
 * Runs `mig` with `argv`. Node 20 cannot cache the compiled code of ES modules: as ES modules, the
 * CLI and commander took ~54 ms from the bin to the body of `mig check` (loading, compiling, and
 * compiling each function on its first call); as this one script from the cache, ~37 ms, most of it
 * importing core (bench/notes/optimisations.md, record 16). The cache is kept in the project's
 * cache folder (`node_modules/.cache/mig`, `MIG_CACHE=0` turns it off, as for the other caches).
 * The script's `import()` is this file's: V8 lets a script compiled by `vm.Script` import only
 * behind `--experimental-vm-modules`.
 */
async function loadCli(argv) {
  const shared = new Map(await Promise.all(SHARED.map(async (id) => [id, await import(id)])));
  const file = join(__dirname, "..", "dist", "bin.cjs");
  const cacheDir = shared.get("@mig/core/internal").defaultCacheDir(process.cwd(), process.env);
  const compiled = compileWithCodeCache(file, cacheDir === undefined ? undefined : join(cacheDir, CACHE_FILE));
  const own = createRequire(file);
  const require = Object.assign((id) => shared.get(id) ?? own(id), { resolve: own.resolve, cache: own.cache });
  const module = { exports: {} };
  compiled.script.runInThisContext()(module.exports, require, module, file, dirname(file));
  await module.exports.start(argv, (specifier) => import(specifier));
  compiled.store();
}

module.exports = { loadCli };
