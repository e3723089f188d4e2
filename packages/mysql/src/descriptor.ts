import type { DialectDescriptor } from "@mig/core/dialect";

/**
 * The MySQL and MariaDB dialect's names and URL schemes: all the CLI reads to check and resolve a
 * config before it loads a dialect. This module imports no driver (the `@mig/mysql/descriptor`
 * entry), so a command that never connects stays fast to start.
 */
export const descriptor = {
  name: "mysql",
  aliases: ["mariadb"],
  urlSchemes: ["mysql", "mariadb"],
} as const satisfies DialectDescriptor;
