import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@mig/cli",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // The end-to-end tests spawn the built binary: build it first when it is missing or stale.
    globalSetup: ["test/support/global-setup.ts"],
    // Each end-to-end step spawns the binary; servers can be slow on a busy machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
});
