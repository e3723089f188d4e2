import type { DialectDescriptor } from "../src/dialect/dialect";

/** The built-in dialects' descriptors as the CLI's registry passes them, for the config tests. */
export const KNOWN_DIALECTS: readonly DialectDescriptor[] = [
  { name: "postgres", aliases: ["pg", "postgresql"], urlSchemes: ["postgres", "postgresql"] },
  { name: "mysql", aliases: ["mariadb"], urlSchemes: ["mysql", "mariadb"] },
  { name: "sqlite", urlSchemes: ["sqlite", "file"], fileUrls: true },
];
