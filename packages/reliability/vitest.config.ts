import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@mig/reliability",
    include: ["test/**/*.test.ts"],
    // The CLI tests spawn the built binary: build it first when it is missing or stale.
    globalSetup: ["test/support/global-setup.ts"],
    // Real servers, child processes and many generated cases: room, but a bound.
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
});
