import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const CORE = resolve(dirname(fileURLToPath(import.meta.url)), "../../../core/dist");
const ENTRIES = ["index", "dialect/index", "internal/index", "testing/index"];
const esm = (entry: string) => import(pathToFileURL(resolve(CORE, `${entry}.js`)).href) as Promise<Record<string, unknown>>;

/**
 * The built `@mig/core` that the bin loads (the global setup builds it): its ES module entries
 * `@mig/core` and `@mig/core/dialect` are facades of `@mig/core/internal`'s module (tsup.config.ts
 * of core). They must export what the entries export when compiled straight from their sources,
 * as the CommonJS build does, and the same objects as `@mig/core/internal`.
 */
describe("the built @mig/core", () => {
  it("exports from each ES module entry the names of its CommonJS entry", async () => {
    const require = createRequire(import.meta.url);
    for (const entry of ENTRIES) {
      const names = Object.keys(await esm(entry)).sort();
      expect(names, entry).toEqual(Object.keys(require(resolve(CORE, `${entry}.cjs`)) as object).filter((name) => name !== "__esModule").sort());
    }
  });

  it("exports one instance of each value from every ES module entry", async () => {
    const internal = await esm("internal/index");
    for (const entry of ["index", "dialect/index"]) {
      for (const [name, value] of Object.entries(await esm(entry))) expect(value, `${entry}: ${name}`).toBe(internal[name]);
    }
  });
});
