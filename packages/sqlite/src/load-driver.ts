import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type Database from "better-sqlite3";
import { MigError } from "@mig/core/dialect";

/** Opens a better-sqlite3 database: `new Database(filename, options)`, with its native module given. */
export type OpenSqliteDatabase = (filename: string, options?: Database.Options) => Database.Database;

let opener: OpenSqliteDatabase | undefined;

/**
 * Where better-sqlite3 would find its native module, found without asking the `bindings` package:
 * its search (the caller's file from a stack trace, then a `require` of each candidate, the
 * misses throwing) costs ~2 ms of every command that connects. These are the first three places
 * it tries, in its order (a local build, then node-gyp's Debug and Release builds; an installed
 * package has only the last). None there (a prebuilt module elsewhere): `undefined`, and
 * better-sqlite3 searches as it always does.
 */
export function nativeBindingOf(packageDir: string): string | undefined {
  const candidates = ["build", join("build", "Debug"), join("build", "Release")].map((dir) => join(packageDir, dir, "better_sqlite3.node"));
  return candidates.find((file) => existsSync(file));
}

/**
 * better-sqlite3, loaded on first use: commands that never open a database (`mig new`) skip its
 * cost. Required, not imported: importing a CommonJS package from ESM makes Node lex it for named
 * exports first. The one place the dialect constructs a database (the database itself and the
 * migration lock's side file), with the native module found directly (`nativeBindingOf`).
 * A driver that does not load is `MIG_E_DIALECT`, as when this package itself does not.
 */
export function loadSqliteDriver(): OpenSqliteDatabase {
  if (opener) return opener;
  const require = createRequire(import.meta.url);
  let Driver: typeof Database;
  let nativeBinding: string | undefined;
  try {
    const entry = require.resolve("better-sqlite3");
    Driver = require(entry) as typeof Database;
    // better-sqlite3's entry is `lib/index.js`: its package folder is two levels up.
    nativeBinding = nativeBindingOf(dirname(dirname(entry)));
  } catch (error) {
    throw new MigError("MIG_E_DIALECT", `The SQLite dialect's driver better-sqlite3 failed to load: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`, {
      hint: "Reinstall it: npm install @mig/sqlite",
      cause: error,
    });
  }
  opener = (filename, options = {}) => new Driver(filename, nativeBinding === undefined ? options : { ...options, nativeBinding });
  return opener;
}
