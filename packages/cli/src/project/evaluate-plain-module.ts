import { dirname } from "node:path";
import { Script } from "node:vm";
import type { PlainModule } from "./esbuild-transform";

/**
 * Runs a user module compiled to CommonJS whose only imports are `@mig/*` packages
 * (`isPlainModule`: a tables module, a migration file, most configs) as jiti runs it in
 * asynchronous mode: the same wrapper, so the same file name and line numbers in stack traces,
 * and `jitiImport` for its package imports. Without jiti itself, which takes ~20 ms to load.
 * Compiled with V8's code cache when its folder has one (`FolderScripts`), told once it has run.
 * Returns what the module exports.
 */
export async function evaluatePlainModule(path: string, plain: PlainModule, jitiImport: (id: string) => Promise<unknown>): Promise<unknown> {
  const module = { exports: {} as unknown, filename: path, id: path, loaded: false };
  const script = new Script(`(async function (exports, require, module, __filename, __dirname, jitiImport) { ${plain.code}\n});`, {
    filename: path,
    ...(plain.cachedData === undefined ? {} : { cachedData: plain.cachedData }),
  });
  const wrapper = script.runInThisContext({ displayErrors: false }) as (...args: unknown[]) => Promise<void>;
  await wrapper(module.exports, undefined, module, path, dirname(path), jitiImport);
  module.loaded = true;
  plain.ran?.(script);
  return module.exports;
}
