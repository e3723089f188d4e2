import { createRequire } from "node:module";
import type * as mysql2 from "mysql2/promise";

let driver: typeof mysql2 | undefined;

/**
 * The `mysql2` driver (its promise API), loaded on first use: commands that never connect
 * (`mig new`) skip its cost (importing `@mig/mysql` took ~60 ms, nearly all of it `mysql2` and its
 * dependencies). Required, not imported: importing a CommonJS package from ESM makes Node lex it for
 * named exports first.
 */
export function loadMysql2(): typeof mysql2 {
  driver ??= createRequire(import.meta.url)("mysql2/promise") as typeof mysql2;
  return driver;
}
