import { defineConfig } from "vitest/config";
import { projects } from "./vitest.workspace.ts";

export default defineConfig({
  test: {
    projects,
    // Integration tests talk to real servers; give them room, but fail rather than hang.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
