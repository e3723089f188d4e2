import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "@mig/playground", include: ["test/**/*.test.ts"] },
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
});
