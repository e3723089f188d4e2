import type { DialectDescriptor } from "@mig/core/dialect";

/**
 * The SQLite dialect's names and URL schemes: all the CLI reads to check and resolve a
 * config before it loads a dialect. This module imports no driver (the `@mig/sqlite/descriptor`
 * entry), so a command that never connects stays fast to start.
 */
export const descriptor = {
  name: "sqlite",
  urlSchemes: ["sqlite", "file"],
  // `sqlite:./app.db`, `file:./app.db`: the rest is a path, relative to the config's folder.
  fileUrls: true,
} as const satisfies DialectDescriptor;
