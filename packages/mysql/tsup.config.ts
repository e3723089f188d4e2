import { defineConfig } from "tsup";

// splitting off: each entry is one module, so the CLI reads the descriptor (`dist/descriptor.js`,
// a few names) by loading one small file instead of a file and the chunk it shares with the dialect.
// shims: the CommonJS build gets an `import.meta.url` (the driver is required relative to it).
export default defineConfig({ entry: ["src/index.ts", "src/descriptor.ts"], format: ["esm", "cjs"], dts: true, clean: true, splitting: false, shims: true });
