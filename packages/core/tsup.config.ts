import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", "dialect/index": "src/dialect-entry.ts", "testing/index": "src/testing/index.ts", "internal/index": "src/internal.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
});
