import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "@mig/sqlite", include: ["src/**/*.test.ts", "test/**/*.test.ts"] },
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
});
