import { dirname, relative, resolve } from "node:path";
import { defineConfig, type Options } from "tsup";

type Plugin = NonNullable<Options["esbuildPlugins"]>[number];

/** The entries that are subsets of `src/internal.ts` (which exports everything core has). */
const FACADES = new Set(["src/index.ts", "src/dialect-entry.ts"].map((file) => resolve(file)));

/**
 * In the ES module build, `@mig/core` and `@mig/core/dialect` re-export their names from the module
 * of `src/internal.ts` instead of importing core's files themselves. Split by which entries reach
 * them, core's files made 7 chunks, and a command loaded 10 modules of core; Node 20's ES module
 * loader costs ~0.5 ms a module (resolving, reading, linking), ~4 ms of every command. Now every
 * file but the conformance kit's is in one chunk. The names are the entry's own (what esbuild finds
 * it exports), so each entry exports what it did; the CommonJS build is left as it was.
 */
const facadesOfInternal: Plugin = {
  name: "facades-of-internal",
  setup(build) {
    if (build.initialOptions.format !== "esm") return;
    build.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      if (!FACADES.has(path)) return undefined;
      const { metafile } = await build.esbuild.build({ entryPoints: [path], bundle: true, write: false, format: "esm", platform: "node", metafile: true, logLevel: "silent", outdir: "out" });
      const names = Object.values(metafile.outputs).flatMap((output) => output.exports);
      const internal = `./${relative(dirname(path), resolve("src/internal.ts")).replace(/\.ts$/, "")}`;
      return { contents: `export { ${names.join(", ")} } from ${JSON.stringify(internal)};\n`, loader: "ts", resolveDir: dirname(path) };
    });
  },
};

export default defineConfig({
  entry: { index: "src/index.ts", "dialect/index": "src/dialect-entry.ts", "testing/index": "src/testing/index.ts", "internal/index": "src/internal.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  esbuildPlugins: [facadesOfInternal],
});
