import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/*
 * The folders of core/src depend on each other one way only: a folder that imports another is
 * never imported by it, directly or through others. Imports are read from the source files
 * (tests and test helpers left out: they may reach anywhere).
 */

const SRC = fileURLToPath(new URL("../src", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !/\.test(-helper)?\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** The folder of core/src a file is in (`""` for a file at the top, such as index.ts). */
const folderOf = (path: string): string => {
  const parts = relative(SRC, path).split(sep);
  return parts.length > 1 ? (parts[0] as string) : "";
};

/** Folder → the folders its files import (relative imports, `import(...)` and re-exports included). */
export function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC)) {
    const from = folderOf(file);
    const targets = graph.get(from) ?? new Set<string>();
    graph.set(from, targets);
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["'](\.{1,2}\/[^"']+)["']/gm)) {
      const to = folderOf(resolve(dirname(file), match[1] as string));
      if (to !== from) targets.add(to);
    }
  }
  return graph;
}

/** Every folder that reaches itself again, with the path it takes. */
export function folderCycles(graph: Map<string, Set<string>>): string[] {
  const cycles: string[] = [];
  for (const start of [...graph.keys()].sort()) {
    const seen = new Set<string>();
    const walk = (folder: string, path: readonly string[]): void => {
      for (const next of [...(graph.get(folder) ?? [])].sort()) {
        if (next === start) cycles.push([...path, next].join(" → "));
        else if (!seen.has(next)) {
          seen.add(next);
          walk(next, [...path, next]);
        }
      }
    };
    walk(start, [start]);
  }
  return cycles;
}

describe("folders of core/src", () => {
  it("finds a cycle when there is one (the check itself)", () => {
    const graph = new Map([["a", new Set(["b"])], ["b", new Set(["c"])], ["c", new Set(["a"])], ["d", new Set(["a"])]]);
    expect(folderCycles(graph)).toEqual(["a → b → c → a", "b → c → a → b", "c → a → b → c"]);
  });

  it("reads the imports of the real sources", () => {
    const graph = folderGraph();
    expect(graph.get("serialise")?.has("operations")).toBe(true);
    expect(graph.get("errors")?.size).toBe(0);
  });

  it("import each other one way only", () => {
    expect(folderCycles(folderGraph())).toEqual([]);
  });
});
