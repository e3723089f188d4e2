import { execFileSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BUILTIN_DIALECTS } from "../../src/registry/builtin-dialects";

const CLI_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The driver packages of the built-in dialects (their CommonJS files show in `require`'s cache once loaded). */
const DRIVERS = /[/\\]node_modules[/\\](better-sqlite3|mysql2|pg)[/\\]/;

/**
 * A command that never connects (`mig new`) loads its dialect but no driver: each built-in package
 * loads its driver when a database is opened (the built packages the bin loads, in a fresh process).
 */
describe("the built-in dialect packages", () => {
  it("load no driver when imported", () => {
    const imports = BUILTIN_DIALECTS.map((builtin) => `await import(${JSON.stringify(builtin.packageName)});`).join(" ");
    const script = `${imports} const { createRequire } = await import("node:module"); console.log(JSON.stringify(Object.keys(createRequire(import.meta.url).cache)));`;
    const loaded = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: CLI_DIR, encoding: "utf8" })) as string[];
    expect(loaded.filter((file) => DRIVERS.test(file))).toEqual([]);
  });
});
