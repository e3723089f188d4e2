import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const PACKAGE = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const { version, bin } = JSON.parse(readFileSync(resolve(PACKAGE, "package.json"), "utf8")) as { version: string; bin: { mig: string } };
const run = (args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) =>
  spawnSync(process.execPath, [resolve(PACKAGE, bin.mig), ...args], { encoding: "utf8", cwd: options.cwd, env: { ...process.env, NO_COLOR: "1", ...options.env } });

/** The package's `bin` (a CommonJS entry that answers --version itself and runs everything else from dist/bin.cjs, compiled with V8's code cache: bin/load-cli.cjs). */
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

  describe("the code cache", () => {
    let project: string;
    let entry: string;
    beforeEach(() => {
      project = mkdtempSync(join(tmpdir(), "mig-bin-"));
      writeFileSync(join(project, "package.json"), "{}");
      entry = join(project, "node_modules", ".cache", "mig", "code", "cli.v8");
    });
    afterEach(() => rmSync(project, { recursive: true, force: true }));

    it("is written by the first run in a project and used, not rewritten, by the next", () => {
      expect(run(["--help"], { cwd: project }).status).toBe(0);
      const written = statSync(entry);
      expect(written.size).toBeGreaterThan(1000);
      expect(run(["--help"], { cwd: project }).status).toBe(0);
      expect(statSync(entry).mtimeMs).toBe(written.mtimeMs);
    });

    it("is a miss when its key does not match or V8 rejects it, and is written anew", () => {
      expect(run(["--help"], { cwd: project }).status).toBe(0);
      const good = readFileSync(entry);
      for (const bad of [Buffer.from("not a cache entry"), Buffer.concat([Buffer.alloc(20), good.subarray(20)]), Buffer.concat([good.subarray(0, 20), Buffer.from("garbage")])]) {
        writeFileSync(entry, bad);
        const help = run(["--help"], { cwd: project });
        expect(help.status).toBe(0);
        expect(help.stdout).toMatch(/Usage: mig/);
        expect(readFileSync(entry).subarray(0, 20)).toEqual(good.subarray(0, 20));
        expect(readFileSync(entry).length).toBeGreaterThan(1000);
      }
    });

    it("is neither read nor written with MIG_CACHE=0", () => {
      expect(run(["--help"], { cwd: project, env: { MIG_CACHE: "0" } }).status).toBe(0);
      expect(existsSync(entry)).toBe(false);
    });
  });
});
