import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type Database from "better-sqlite3";

type Driver = typeof Database;

let driver: { readonly Database: Driver; readonly nativeBinding: string | undefined } | undefined;

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
 * exports first.
 */
function loadDriver(): NonNullable<typeof driver> {
  if (driver) return driver;
  const require = createRequire(import.meta.url);
  const entry = require.resolve("better-sqlite3");
  // better-sqlite3's entry is `lib/index.js`: its package folder is two levels up.
  driver = { Database: require(entry) as Driver, nativeBinding: nativeBindingOf(dirname(dirname(entry))) };
  return driver;
}

/**
 * Opens a better-sqlite3 database: the one place mig constructs one (the database itself and the
 * migration lock's side file), with the native module found directly (`nativeBindingOf`).
 */
export function openSqliteDatabase(filename: string, options: Database.Options = {}): Database.Database {
  const { Database: Driver, nativeBinding } = loadDriver();
  return new Driver(filename, nativeBinding === undefined ? options : { ...options, nativeBinding });
}
