import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@mig/playground",
    include: ["test/**/*.test.ts"],
    // The tests run the built `mig` binary in the playground: build it first when missing or stale.
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
});
