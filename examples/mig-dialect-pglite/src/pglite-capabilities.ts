import type { DialectCapabilities } from "@mig/core/dialect";
import { postgresCapabilities } from "@mig/postgres";

/**
 * What PGlite can do: it is PostgreSQL (compiled to WASM), so everything PostgreSQL does in place
 * it does too. Only the migration lock differs: PGlite runs one single-user backend in this
 * process, so there is no second session an advisory lock could keep out. The lock is a queue in
 * the process plus a lock file beside a data dir (see `PgliteConnection.withMigrationLock`).
 */
export const pgliteCapabilities: DialectCapabilities = {
  ...postgresCapabilities,
  lockKind: "database",
};
