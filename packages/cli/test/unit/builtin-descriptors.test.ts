import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_DIALECTS, builtinDescriptors, registryNames } from "../../src/registry/builtin-dialects";
import { resolveDialect } from "../../src/registry/resolve-dialect";

const require = createRequire(import.meta.url);
const context = { cwd: process.cwd(), conditions: ["source", "import", "default"] };

describe("the built-in dialects' descriptors", () => {
  it("are read for every built-in package, and say what the dialect object says", async () => {
    const { found, missing } = await builtinDescriptors();
    expect(missing).toEqual([]);
    expect(found.map(({ builtin }) => builtin.packageName)).toEqual(BUILTIN_DIALECTS.map((builtin) => builtin.packageName));
    for (const { builtin, descriptor } of found) {
      const dialect = (await builtin.load())[builtin.exportName] as Record<string, unknown>;
      const { name, aliases, urlSchemes, fileUrls } = dialect;
      expect({ name, aliases, urlSchemes, fileUrls }).toEqual({ aliases: undefined, fileUrls: undefined, ...descriptor });
    }
  });

  it("import no driver: the descriptor module's only imports are types", () => {
    for (const builtin of BUILTIN_DIALECTS) {
      const packageDir = dirname(require.resolve(`${builtin.packageName}/package.json`));
      const source = readFileSync(join(packageDir, "src", "descriptor.ts"), "utf8");
      const imports = source.split("\n").filter((line) => /^\s*import\b/.test(line));
      expect(imports.every((line) => /^import type\b/.test(line)), `${builtin.packageName}/descriptor: ${imports.join("; ")}`).toBe(true);
    }
  });

  it("are built as one module each: the CLI reads every built-in's names by loading one small file", () => {
    for (const builtin of BUILTIN_DIALECTS) {
      const packageDir = dirname(require.resolve(`${builtin.packageName}/package.json`));
      const built = readFileSync(join(packageDir, "dist", "descriptor.js"), "utf8");
      expect(built.split("\n").filter((line) => /^\s*import\b|\bfrom\s+["']/.test(line)), `${builtin.packageName}/dist/descriptor.js`).toEqual([]);
    }
  });

  it("give the registry its names: every name and alias finds its package", async () => {
    for (const { builtin, descriptor } of (await builtinDescriptors()).found) {
      for (const name of registryNames(descriptor)) {
        expect((await resolveDialect(name, [], context)).name).toBe(descriptor.name);
      }
      // Named after the dialect: a missing package is named by the dialect the config asks for.
      expect(builtin.packageName).toBe(`@mig/${descriptor.name}`);
    }
  });
});
