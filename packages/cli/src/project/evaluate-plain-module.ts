import { dirname } from "node:path";
import { runInThisContext } from "node:vm";

/**
 * Runs a user module compiled to CommonJS whose only imports are `@mig/*` packages
 * (`isPlainModule`: a tables module, a migration file, most configs) as jiti runs it in
 * asynchronous mode: the same wrapper, so the same file name and line numbers in stack traces,
 * and `jitiImport` for its package imports. Without jiti itself, which takes ~20 ms to load.
 * Returns what the module exports.
 */
export async function evaluatePlainModule(path: string, code: string, jitiImport: (id: string) => Promise<unknown>): Promise<unknown> {
  const module = { exports: {} as unknown, filename: path, id: path, loaded: false };
  const wrapper = runInThisContext(`(async function (exports, require, module, __filename, __dirname, jitiImport) { ${code}\n});`, {
    filename: path,
    displayErrors: false,
  }) as (...args: unknown[]) => Promise<void>;
  await wrapper(module.exports, undefined, module, path, dirname(path), jitiImport);
  module.loaded = true;
  return module.exports;
}
