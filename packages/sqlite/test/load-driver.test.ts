import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadSqliteDriver, nativeBindingOf } from "../src/load-driver";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A package folder holding empty native modules at `places` (relative paths). */
function fakePackage(...places: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "mig-sqlite-binding-"));
  dirs.push(dir);
  for (const place of places) {
    mkdirSync(join(dir, place), { recursive: true });
    writeFileSync(join(dir, place, "better_sqlite3.node"), "");
  }
  return dir;
}

describe("the native module of better-sqlite3", () => {
  it("is found where the installed package has it (the search of `bindings` is skipped)", () => {
    const entry = createRequire(import.meta.url).resolve("better-sqlite3");
    expect(nativeBindingOf(dirname(dirname(entry)))).toMatch(/better_sqlite3\.node$/);
  });

  it("is looked for in the first places `bindings` tries, in its order", () => {
    expect(nativeBindingOf(fakePackage(join("build", "Release")))).toMatch(/build[/\\]Release[/\\]better_sqlite3\.node$/);
    expect(nativeBindingOf(fakePackage(join("build", "Release"), join("build", "Debug")))).toMatch(/build[/\\]Debug[/\\]better_sqlite3\.node$/);
    expect(nativeBindingOf(fakePackage(join("build", "Release"), "build"))).toBe(join(dirs.at(-1)!, "build", "better_sqlite3.node"));
  });

  it("is left to better-sqlite3's own search when it is elsewhere (a prebuilt module)", () => {
    expect(nativeBindingOf(fakePackage(join("lib", "binding", "node-v115-linux-x64")))).toBeUndefined();
  });

  it("opens databases with the options given", () => {
    const db = loadSqliteDriver()(":memory:", { timeout: 123 });
    try {
      expect(db.pragma("busy_timeout", { simple: true })).toBe(123);
    } finally {
      db.close();
    }
  });
});
