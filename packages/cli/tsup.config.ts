import { defineConfig } from "tsup";

export default defineConfig([
  // The library (`@mig/cli`'s exports): ES modules.
  {
    entry: ["src/index.ts"],
    format: ["esm"],
    dts: { entry: "src/index.ts" },
  },
  // What the `mig` bin runs (`bin/load-cli.cjs`): the whole CLI as one CommonJS script, with
  // commander and picocolors inside, so that V8's code cache can hold all of it (Node 20 caches no
  // ES module). p-limit is inside too: it is an ES module only, which this script's `require`
  // cannot load as it is (`--fleet` failed with "pLimit is not a function"). `@mig/*` stay outside
  // (the bin hands the CLI the ES modules that the dialects and the user's files share), and so do
  // packages only some commands load.
  {
    entry: { bin: "src/start.ts" },
    format: ["cjs"],
    outExtension: () => ({ js: ".cjs" }),
    noExternal: ["commander", "picocolors", "p-limit"],
    external: [/^@mig\//, "jiti", "esbuild", "@clack/prompts"],
    shims: true,
  },
]);
