/**
 * mig-dialect-pglite: a mig dialect for PGlite (PostgreSQL compiled to WASM: in-process, no server).
 *
 * @example
 * ```ts
 * // mig.config.ts
 * import { defineConfig } from "@mig/core";
 * export default defineConfig({
 *   plugins: ["mig-dialect-pglite"],
 *   dialect: "pglite",
 *   connection: { dataDir: "./data" },
 *   apps: [{ name: "music", tables: "./src/music/tables.ts", migrations: "./src/music/migrations" }],
 * });
 * ```
 */
import { pgliteDialect } from "./pglite-dialect";

export { createPgliteDialect, pgliteDialect, type PgliteDialectOptions } from "./pglite-dialect";
export { pgliteCapabilities } from "./pglite-capabilities";
export { describePgliteConnection, resolvePgliteTarget, type PgliteConnectionOptions, type PgliteTarget } from "./pglite-config";
export { PgliteConnection } from "./pglite-connection";

export default pgliteDialect;
