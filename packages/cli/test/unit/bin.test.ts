import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const PACKAGE = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const { version, bin } = JSON.parse(readFileSync(resolve(PACKAGE, "package.json"), "utf8")) as { version: string; bin: { mig: string } };
const run = (args: string[]) => spawnSync(process.execPath, [resolve(PACKAGE, bin.mig), ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

/** The package's `bin` (a CommonJS entry that answers --version itself and hands everything else to dist/bin.js). */
describe("the mig bin", () => {
  it("answers --version and -v with the package's version", () => {
    for (const flag of ["--version", "-v"]) {
      const result = run([flag]);
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(`${version}\n`);
    }
  });

  it("hands other commands to the CLI, with its exit codes", () => {
    const help = run(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: mig/);
    const unknown = run(["no-such-command"]);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toMatch(/no-such-command/);
  });
});
