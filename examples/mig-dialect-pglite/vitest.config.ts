import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "mig-dialect-pglite",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // PGlite starts PostgreSQL in WASM: initdb alone takes seconds on a busy machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
});
