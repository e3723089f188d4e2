import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "mig-dialect-pglite",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // PGlite starts PostgreSQL in WASM: initdb alone takes seconds on a busy machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The end-to-end tests spawn the built `mig` binary, which loads this plugin's build.
    globalSetup: ["test/support/global-setup.ts"],
  },
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
});
