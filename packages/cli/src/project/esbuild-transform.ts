import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname } from "node:path";
import type { Script } from "node:vm";
import type { TransformOptions, TransformResult } from "jiti";
import { VERSION } from "../version";
import { FolderScripts } from "./folder-scripts";
import { TransformCache, type FolderFile } from "./transform-cache";

type Transform = (options: TransformOptions) => TransformResult;
type EsbuildOptions = Readonly<Record<string, unknown>>;
interface Esbuild {
  transformSync(source: string, options: EsbuildOptions): { code: string };
  transform(source: string, options: EsbuildOptions): Promise<{ code: string }>;
}

const require = createRequire(import.meta.url);
let esbuildModule: Esbuild | undefined;
let babelTransform: Transform | undefined;
let esbuildVersion: string | undefined;

const esbuild = () => (esbuildModule ??= require("esbuild") as Esbuild);

/** jiti's own transform (Babel): what every module that esbuild cannot take goes through. */
function babel(options: TransformOptions): TransformResult {
  // Required by path: jiti's package exports do not list it (it is what jiti itself loads lazily).
  babelTransform ??= createRequire(require.resolve("jiti"))("../dist/babel.cjs") as Transform;
  return babelTransform(options);
}

/**
 * Dynamic `import()` and `import.meta` need jiti's own rewriting (its Babel plugins); esbuild
 * would leave them in a CommonJS module where they cannot work.
 */
const NEEDS_JITI = /\bimport\s*\(|\bimport\.meta\b/;

/** `require("./x")` and `require("@mig/…")` as esbuild writes them for `import` statements. */
const SAME_INSTANCE_REQUIRE = /\brequire\((["'])((?:\.{1,2}\/|@mig\/)[^"'\n]*)\1\)/g;

/** TypeScript files, as jiti tells them apart (its `ts` flag). */
const TYPESCRIPT = /\.[cm]?tsx?$/;

/**
 * The key (`Symbol.for`) of the global through which compiled modules share one import of each
 * `@mig/*` package per folder (`sharedPackageImport`). Without it, every migration file's
 * `import { MigrationManager } from "@mig/core"` made jiti resolve the package and read its
 * 200 kB entry again: ~0.8 ms a file, 160 ms of a `forwards` over 200 migrations.
 */
const PACKAGE_IMPORT = "mig.packageImport";

/** The form of what `importWithJiti` writes: part of every cache key, raised when that changes. */
const REWRITE_FORM = 2;

/**
 * In a module jiti loads asynchronously (`jiti.import`, as the CLI does), the imports of `@mig/*`
 * and of the user's own files become `await jitiImport(...)`: jiti imports packages natively, so
 * the user's `MigrationManager`, `table()` and errors come from the very `@mig/core` module the
 * CLI runs (a plain `require` would load its CommonJS build: a second copy, where `instanceof`
 * fails). This is what jiti's own transform does in async mode. The namespace is marked
 * `__esModule` so that esbuild's interop reads `default` from it rather than wrapping it.
 * `@mig/*` packages go through `sharedPackageImport` when the CLI installed it (a package
 * resolves the same from every file of a folder); the user's own files are imported afresh.
 */
function importWithJiti(code: string): string {
  return code.replace(SAME_INSTANCE_REQUIRE, (_all, quote: string, specifier: string) => {
    const id = `${quote}${specifier}${quote}`;
    const own = `jitiImport(${id}).then((m) => ({ ...m, __esModule: true }))`;
    if (!specifier.startsWith("@mig/")) return `(await ${own})`;
    return `(await (globalThis[Symbol.for(${JSON.stringify(PACKAGE_IMPORT)})]?.(__dirname, ${id}, jitiImport) ?? ${own}))`;
  });
}

const packageImports = new Map<string, Promise<unknown>>();

/**
 * What compiled modules call for `@mig/*` imports (installed on `globalThis` by `installSharedPackageImport`):
 * jiti's import of the package, once per folder and package, shared by every module of the
 * folder. A failed import is not kept (the next module gets jiti's own error).
 */
function sharedPackageImport(dir: string, specifier: string, jitiImport: (id: string) => Promise<unknown>): Promise<unknown> {
  const key = `${dir}\0${specifier}`;
  let imported = packageImports.get(key);
  if (imported === undefined) {
    imported = jitiImport(specifier).then((m) => Object.freeze({ ...(m as object), __esModule: true }));
    packageImports.set(key, imported);
    imported.catch(() => packageImports.delete(key));
  }
  return imported;
}

/** Lets modules compiled here share their `@mig/*` imports (see `sharedPackageImport`). Idempotent. */
export function installSharedPackageImport(): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for(PACKAGE_IMPORT)] ??= sharedPackageImport;
}

function esbuildOptions(ts: boolean, filename: string): EsbuildOptions {
  return { loader: ts ? "ts" : "js", format: "cjs", target: "node20", sourcefile: filename, logLevel: "silent" };
}

/** Everything the compiled code depends on besides the source: part of every cache key. */
function transformIdentity(ts: boolean, async: boolean): string {
  // Read from its package.json: loading esbuild itself is what a run served by the cache saves.
  esbuildVersion ??= (JSON.parse(readFileSync(require.resolve("esbuild/package.json"), "utf8")) as { version: string }).version;
  const { sourcefile: _file, ...options } = esbuildOptions(ts, "");
  return JSON.stringify({ mig: VERSION, esbuild: esbuildVersion, options, async, rewrite: [SAME_INSTANCE_REQUIRE.source, REWRITE_FORM] });
}

let folderTransform: string | undefined;

/** The transform of a folder's cache entry: both kinds of file (TypeScript and JavaScript) compiled for an asynchronous import. */
const folderTransformKey = () => (folderTransform ??= TransformCache.key(transformIdentity(true, true), transformIdentity(false, true)));

/**
 * What makes compiled code need jiti's module system: `require` (a package esbuild left as
 * `require("x")`, or the user's own use of it), or an import of the user's own files.
 */
const NEEDS_JITI_MODULES = /\brequire\b|\bjitiImport\(\s*["'](?!@mig\/)/;

/**
 * Compiled code whose only imports are `@mig/*` packages (through `sharedPackageImport`): it
 * can be run without jiti (`evaluatePlainModule`).
 */
export const isPlainModule = (code: string): boolean => !NEEDS_JITI_MODULES.test(code);

/** A compiled module, or `babel` when esbuild refused it (jiti's transform takes it, with jiti's errors). */
type Prepared = { readonly source: string; readonly async: boolean; readonly code: string | undefined; readonly folder?: FolderScripts };

/** A plain module's code to run (`evaluatePlainModule`), with V8's code cache for it when its folder has one. */
export interface PlainModule {
  readonly code: string;
  readonly cachedData?: Buffer;
  /** Called with the module's compiled script once its body has run (its folder's code cache is made from them). */
  readonly ran?: (script: Script) => void;
}

/**
 * The transform jiti runs on the user's TypeScript (config, tables modules, migration files):
 * esbuild to CommonJS, 20 to 60 times faster than jiti's default Babel transform on a large
 * tables module (2.5 s → 40 ms for 500 tables, and a third of the memory). Modules with `import()`
 * or `import.meta`, and any that esbuild refuses (top-level `await` in CommonJS), go through
 * jiti's Babel transform as before.
 *
 * The modules the CLI loads itself are compiled beforehand (`prepare`) by esbuild's asynchronous
 * service (one child process; the synchronous API would first start a worker thread, ~50 ms), or
 * taken from the persistent cache (`cacheDirOf`; no esbuild at all). jiti's synchronous hook
 * (`transform`) then takes the prepared code; a module it reaches by itself (a file the user's
 * module imports) is compiled there, synchronously, through the same cache.
 */
export class UserCodeTransform {
  readonly #prepared = new Map<string, Prepared>();
  readonly #preparing = new Map<string, Promise<void>>();
  readonly #caches = new Map<string, TransformCache | undefined>();
  readonly #cacheDirOf: (dir: string) => string | undefined;
  readonly #folders: FolderScripts[] = [];

  /** `cacheDirOf(dir)`: the cache folder for the modules of a folder (undefined: no cache). */
  constructor(cacheDirOf: (dir: string) => string | undefined) {
    this.#cacheDirOf = cacheDirOf;
  }

  /**
   * Compiles `path` ahead of its (asynchronous) import, unless the cache has it. Never fails.
   * `source`: the file's text as the caller has just read it (not read again).
   */
  prepare(path: string, source?: string): Promise<void> {
    let preparing = this.#preparing.get(path);
    if (!preparing) {
      if (source !== undefined && this.#prepared.get(path)?.source === source) return Promise.resolve();
      preparing = this.#compile(path, source).finally(() => this.#preparing.delete(path));
      this.#preparing.set(path, preparing);
    }
    return preparing;
  }

  /**
   * Compiles the files of a folder that are loaded together (a migrations folder), given their
   * texts, ahead of their imports: their code comes from the folder's one cache entry
   * (`TransformCache.getFolder`), each file's by its exact source; the files it lacks (new or
   * edited) are compiled, and the entry is written anew whenever it did not hold exactly these
   * files. Never fails.
   */
  prepareFolder(paths: readonly string[], sources: readonly string[]): void {
    const byDir = new Map<string, { path: string; source: string }[]>();
    paths.forEach((path, i) => {
      const dir = dirname(path);
      const files = byDir.get(dir) ?? [];
      if (files.length === 0) byDir.set(dir, files);
      files.push({ path, source: sources[i]! });
    });
    for (const [dir, files] of byDir) {
      const folder = this.#compileFolder(dir, files);
      for (const { path } of files) this.#preparing.set(path, folder.finally(() => this.#preparing.delete(path)));
    }
  }

  async #compileFolder(dir: string, files: readonly { path: string; source: string }[]): Promise<void> {
    const cache = this.#cacheFor(files[0]!.path);
    const transform = cache && folderTransformKey();
    const stored = cache?.getFolder(dir, transform!);
    const kept: FolderFile[] = [];
    const paths = new Map<string, string>();
    const compiling: Promise<void>[] = [];
    let fresh = false;
    for (const { path, source } of files) {
      if (NEEDS_JITI.test(source)) continue;
      const name = basename(path);
      paths.set(name, path);
      const hit = stored?.files.get(name);
      if (hit !== undefined && hit.source === source) {
        this.#prepared.set(path, { source, async: true, code: hit.code });
        kept.push(hit);
        continue;
      }
      const compiled = this.#esbuild(path, source).then((code) => {
        this.#prepared.set(path, { source, async: true, code });
        if (code === undefined) return;
        kept.push({ name, source, code });
        fresh = true;
      });
      compiling.push(compiled);
    }
    await Promise.all(compiling);
    if (!cache) return;
    const rewrite = fresh || kept.length !== stored?.files.size;
    const digest = rewrite ? cache.setFolder(dir, transform!, kept.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))) : stored!.digest;
    if (digest === undefined) return;
    const plain = kept.filter((file) => isPlainModule(file.code)).map((file) => file.name);
    const folder = new FolderScripts(cache, dir, digest, plain, rewrite ? undefined : cache.getCodeCache(dir, digest));
    this.#folders.push(folder);
    for (const name of plain) {
      const path = paths.get(name)!;
      this.#prepared.set(path, { ...this.#prepared.get(path)!, folder });
    }
  }

  async #compile(path: string, given: string | undefined): Promise<void> {
    const ts = TYPESCRIPT.test(path);
    let source: string;
    try {
      source = given ?? readFileSync(path, "utf8");
    } catch {
      return; // jiti reports it
    }
    if (NEEDS_JITI.test(source) || this.#prepared.get(path)?.source === source) return;
    const cache = this.#cacheFor(path);
    const key = cache && TransformCache.key(transformIdentity(ts, true), source);
    const cached = cache && cache.get(path, key!);
    if (cached !== undefined) {
      this.#prepared.set(path, { source, async: true, code: cached });
      return;
    }
    const code = await this.#esbuild(path, source);
    this.#prepared.set(path, { source, async: true, code });
    if (code !== undefined) cache?.set(path, key!, code);
  }

  /** `source` compiled by esbuild's service for an asynchronous import, or undefined when esbuild refuses it. */
  async #esbuild(path: string, source: string): Promise<string | undefined> {
    try {
      return importWithJiti((await esbuild().transform(source, esbuildOptions(TYPESCRIPT.test(path), path))).code);
    } catch {
      return undefined;
    }
  }

  /**
   * The code `prepare` compiled for `path` (with its folder's code cache) when it is a plain
   * module (`isPlainModule`) and the file still holds the source it was compiled from (`source`:
   * its text as the caller has just read it; otherwise it is read), taken (a later load compiles
   * or reads the cache again); otherwise undefined, and jiti loads the file as it is now.
   */
  takePlain(path: string, source?: string): PlainModule | undefined {
    const prepared = this.#prepared.get(path);
    if (prepared?.code === undefined || !prepared.async || !isPlainModule(prepared.code)) return undefined;
    try {
      if ((source ?? readFileSync(path, "utf8")) !== prepared.source) return undefined;
    } catch {
      return undefined;
    }
    this.#prepared.delete(path);
    const { code, folder } = prepared;
    if (folder === undefined) return { code };
    const name = basename(path);
    return { code, cachedData: folder.cachedData(name), ran: (script) => folder.ran(name, script) };
  }

  /** Writes the code caches of the folders whose modules were compiled without one (`FolderScripts.store`): at the end of a run. */
  storeCodeCaches(): void {
    for (const folder of this.#folders) folder.store();
  }

  /** jiti's transform hook. */
  transform(options: TransformOptions): TransformResult {
    const filename = options.filename ?? "";
    const async = options.async === true;
    const prepared = this.#prepared.get(filename);
    if (prepared && prepared.source === options.source && prepared.async === async) {
      this.#prepared.delete(filename);
      return prepared.code === undefined ? babel(options) : { code: prepared.code };
    }
    if (NEEDS_JITI.test(options.source)) return babel(options);
    const ts = options.ts !== false;
    const cache = filename === "" ? undefined : this.#cacheFor(filename);
    const key = cache && TransformCache.key(transformIdentity(ts, async), options.source);
    const cached = cache && cache.get(filename, key!);
    if (cached !== undefined) return { code: cached };
    let code: string;
    try {
      code = esbuild().transformSync(options.source, esbuildOptions(ts, filename)).code;
    } catch {
      return babel(options);
    }
    if (async) code = importWithJiti(code);
    cache?.set(filename, key!, code);
    return { code };
  }

  #cacheFor(path: string): TransformCache | undefined {
    const dir = dirname(path);
    if (!this.#caches.has(dir)) {
      const cacheDir = this.#cacheDirOf(dir);
      this.#caches.set(dir, cacheDir === undefined ? undefined : new TransformCache(cacheDir));
    }
    return this.#caches.get(dir);
  }
}
