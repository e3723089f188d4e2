import { defineConfig } from "tsup";

// shims: the CommonJS build gets an `import.meta.url` (the driver is required relative to it).
export default defineConfig({ entry: ["src/index.ts", "src/descriptor.ts"], format: ["esm", "cjs"], dts: true, clean: true, shims: true });
