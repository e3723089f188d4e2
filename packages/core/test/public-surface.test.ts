import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/*
 * The names each public entry of @mig/core exports, values and types, pinned in
 * public-surface.json: the surface only changes when that file changes with it, in the same
 * commit, on purpose. `@mig/core/internal` is not pinned (mig's own packages only).
 */

const CORE = fileURLToPath(new URL("..", import.meta.url));
const ENTRIES = { "@mig/core": "src/index.ts", "@mig/core/dialect": "src/dialect-entry.ts", "@mig/core/testing": "src/testing/index.ts" } as const;
const PINNED = JSON.parse(readFileSync(join(CORE, "test", "public-surface.json"), "utf8")) as Record<keyof typeof ENTRIES, string[]>;

/** Every name a module exports (values and types, re-exports followed), sorted. */
function exportedNames(files: readonly string[]): Record<string, string[]> {
  const program = ts.createProgram(files, { strict: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, noEmit: true, skipLibCheck: true, types: [] });
  const checker = program.getTypeChecker();
  return Object.fromEntries(files.map((file) => {
    const source = program.getSourceFile(file);
    const symbol = source && checker.getSymbolAtLocation(source);
    if (!symbol) throw new Error(`${file} is not a module`);
    return [file, checker.getExportsOfModule(symbol).map((entry) => entry.name).sort()];
  }));
}

describe("the public entries of @mig/core", () => {
  const names = exportedNames(Object.values(ENTRIES).map((file) => join(CORE, file)));
  const of = (entry: keyof typeof ENTRIES): string[] => names[join(CORE, ENTRIES[entry])] as string[];

  it.each(Object.keys(ENTRIES) as (keyof typeof ENTRIES)[])("%s exports exactly the pinned names", (entry) => {
    expect(of(entry)).toEqual([...PINNED[entry]].sort());
  });

  it("keep internals out of the user entry", () => {
    for (const internal of ["TableFacts", "LINE_WIDTH", "REPLAY_CACHE_FORMAT", "CALL_FORMATS", "callToOperation", "printLiteral", "SchemaState"]) {
      expect(of("@mig/core"), internal).not.toContain(internal);
    }
    expect(of("@mig/core")).toEqual(expect.arrayContaining(["table", "defineConfig", "MigrationManager", "MigError", "isMigError", "ERROR_CODES"]));
    expect(of("@mig/core/dialect")).toEqual(expect.arrayContaining(["Dialect", "createEmitter", "standardHandlers", "TypeMapper", "Introspector", "ColumnEntity", "MigError"]));
  });

  it("are the package's exports, in the package.json and as published", () => {
    const manifest = JSON.parse(readFileSync(join(CORE, "package.json"), "utf8")) as { exports: Record<string, unknown>; publishConfig: { exports: Record<string, unknown> } };
    const subpaths = Object.keys(manifest.exports).filter((key) => key !== "./package.json");
    expect(subpaths.map((key) => (key === "." ? "@mig/core" : `@mig/core/${key.slice(2)}`)).sort()).toEqual([...Object.keys(ENTRIES), "@mig/core/internal"].sort());
    expect(Object.keys(manifest.publishConfig.exports)).toEqual(Object.keys(manifest.exports));
  });
}, 120_000);
