import { defineConfig } from "tsup";

// ESM only: the bin uses top-level await, which a CJS build cannot contain.
export default defineConfig({
  entry: ["src/index.ts", "src/bin.ts"],
  format: ["esm"],
  dts: { entry: "src/index.ts" },
  clean: true,
  banner: ({ format }) => (format === "esm" ? {} : {}),
});
