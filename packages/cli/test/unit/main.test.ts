import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { main } from "../../src/main";
import { VERSION } from "../../src/version";
import { sqliteProject } from "../support/sqlite-project";
import { testDeps } from "../support/test-deps";

const SRC = join(dirname(fileURLToPath(import.meta.url)), "../../src");

describe("main", () => {
  it("--version and -v print the version", async () => {
    for (const flag of ["--version", "-v"]) {
      const io = testDeps({ cwd: process.cwd() });
      expect(await main([flag], io.deps)).toBe(0);
      expect(io.stdout().trim()).toBe(VERSION);
    }
  });

  it("--help lists the commands; each command's help has examples", async () => {
    const io = testDeps({ cwd: process.cwd() });
    expect(await main(["--help"], io.deps)).toBe(0);
    for (const command of ["new", "forwards", "backwards", "check", "clean"]) expect(io.stdout()).toContain(command);
    for (const command of ["new", "forwards", "backwards", "check", "clean"]) {
      const help = testDeps({ cwd: process.cwd() });
      expect(await main([command, "--help"], help.deps)).toBe(0);
      expect(help.stdout()).toContain("Examples:");
      expect(help.stdout()).toContain(`$ mig ${command}`);
      expect(help.stdout()).toContain("--json");
      expect(help.stdout()).toContain("--config");
    }
  });

  it("mig without a command prints the help and exits 2", async () => {
    const io = testDeps({ cwd: process.cwd() });
    expect(await main([], io.deps)).toBe(2);
    expect(io.stderr()).toContain("Usage: mig");
    expect(io.stderr()).not.toContain("error");
  });

  it("every flag of the contract is accepted", async () => {
    const io = testDeps({ cwd: process.cwd() });
    expect(await main(["new", "--help"], io.deps)).toBe(0);
    for (const flag of ["--auto", "--desc", "--auto-input", "--rename", "--backfill", "--allow-rebuild"]) expect(io.stdout()).toContain(flag);
    const fw = testDeps({ cwd: process.cwd() });
    await main(["forwards", "--help"], fw.deps);
    for (const flag of ["--fake", "--preview"]) expect(fw.stdout()).toContain(flag);
    const bw = testDeps({ cwd: process.cwd() });
    await main(["backwards", "--help"], bw.deps);
    for (const flag of ["--auto-agree", "--clean", "--preview"]) expect(bw.stdout()).toContain(flag);
  });

  it("bad usage is a coded error with exit 2 (JSON with --json)", async () => {
    for (const argv of [["frobnicate"], ["new"], ["new", "music", "--auto-input", "maybe"], ["forwards", "music", "--bogus"]]) {
      const io = testDeps({ cwd: process.cwd() });
      expect(await main(argv, io.deps)).toBe(2);
      expect(io.stderr()).toMatch(/^error MIG_E_USAGE: /);
      expect(io.stderr()).toContain("hint: ");
    }
    const json = testDeps({ cwd: process.cwd() });
    expect(await main(["forwards", "music", "--bogus", "--json"], json.deps)).toBe(2);
    expect(JSON.parse(json.stdout()).error.code).toBe("MIG_E_USAGE");
  });

  it("dispatches to the command with global options anywhere", async () => {
    const project = sqliteProject();
    const io = testDeps({ cwd: project.dir });
    expect(await main(["new", "music", "--auto", "--rename", "a=b", "--rename", "c=d", "--json"], io.deps)).toBe(2);
    expect(JSON.parse(io.stdout()).error.code).toBe("MIG_E_USAGE");
    const ok = testDeps({ cwd: project.dir });
    expect(await main(["--json", "new", "all", "--auto", "--desc", "first"], ok.deps)).toBe(0);
    expect(JSON.parse(ok.stdout()).created).toHaveLength(2);
    const status = testDeps({ cwd: project.dir });
    expect(await main(["check", "music", "--json"], status.deps)).toBe(0);
    expect(JSON.parse(status.stdout())).toEqual([expect.objectContaining({ app: "music", description: "first", applied: false })]);
  });

  it("no command branches on a dialect's name", () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
    const offending = files(SRC).filter((file) => /[=!]==?\s*["'`](postgres|postgresql|pg|mysql|mariadb|sqlite)["'`]|["'`](postgres|postgresql|pg|mysql|mariadb|sqlite)["'`]\s*[=!]==?/.test(readFileSync(file, "utf8")));
    expect(offending).toEqual([]);
  });
});
