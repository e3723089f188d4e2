import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@mig/bench",
    include: ["test/**/*.test.ts"],
    // The smoke run spawns the built CLI and drizzle-kit a few dozen times.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
});
