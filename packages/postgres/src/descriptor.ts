import type { DialectDescriptor } from "@mig/core/dialect";

/**
 * The PostgreSQL dialect's names and URL schemes: all the CLI reads to check and resolve a
 * config before it loads a dialect. This module imports no driver (the `@mig/postgres/descriptor`
 * entry), so a command that never connects stays fast to start.
 */
export const descriptor = {
  name: "postgres",
  aliases: ["pg", "postgresql"],
  urlSchemes: ["postgres", "postgresql"],
} as const satisfies DialectDescriptor;
