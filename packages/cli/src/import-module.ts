/** Imports an ES module (a package name or a file URL) at run time. */
export type ImportModule = (specifier: string) => Promise<Record<string, unknown>>;

let importer: ImportModule = (specifier) => import(specifier) as Promise<Record<string, unknown>>;

/**
 * How the CLI imports ES modules at run time: dialect packages and their descriptors, plugins,
 * the prompts library. The `mig` bin runs the CLI as one CommonJS script compiled with V8's code
 * cache (`bin/load-cli.cjs`); on Node 20 a script compiled that way cannot run `import()` itself
 * (only behind `--experimental-vm-modules`), so the bin hands over its own (`useImportModule`).
 * Everywhere else (the library build, tests) this is plain `import()`.
 */
export function importModule(specifier: string): Promise<Record<string, unknown>> {
  return importer(specifier);
}

/** Replaces the importer (the bin's, see `importModule`). */
export function useImportModule(replacement: ImportModule): void {
  importer = replacement;
}
