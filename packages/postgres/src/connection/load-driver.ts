import { createRequire } from "node:module";
import type pg from "pg";

let driver: typeof pg | undefined;

/**
 * The `pg` driver, loaded on first use: commands that never connect (`mig new`) skip its cost.
 *
 * Required, not imported: importing a CommonJS package from ESM makes Node lex it for named
 * exports first. And loaded with a `navigator` global in place where the runtime has none (Node
 * 20): pg's `lib/stream.js` asks "is this Cloudflare Workers?" at load time, and without
 * `navigator` it answers by constructing a `Response`, which makes Node load its whole fetch
 * implementation (undici, ~25 ms) for nothing. The global exists only during the synchronous
 * `require`; no other code runs in between.
 */
export function loadPg(): typeof pg {
  if (driver) return driver;
  const require = createRequire(import.meta.url);
  if ("navigator" in globalThis) return (driver = require("pg") as typeof pg);
  Object.defineProperty(globalThis, "navigator", { value: { userAgent: "Node.js" }, configurable: true, writable: true });
  try {
    driver = require("pg") as typeof pg;
  } finally {
    delete (globalThis as { navigator?: unknown }).navigator;
  }
  return driver;
}
