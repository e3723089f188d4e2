import { describe, expect, it } from "vitest";
import { configText, MUSIC, SHOP } from "../support/fixtures";
import { createProject } from "../support/project";
import { runMig } from "../support/run-mig";

/**
 * `--fleet` through the `mig` bin, as a user runs it: the bin runs the CLI as one CommonJS script
 * (`bin/load-cli.cjs`), where a dependency that is an ES module only cannot be required as it is.
 * The fleet scenarios call the commands in-process, so only this test loads the fleet's modules
 * the way the bin does (`--fleet` once failed there with "pLimit is not a function").
 */
describe("mig --fleet through the bin", () => {
  it("forwards and checks two SQLite targets", async () => {
    const fleet = `  fleet: [{ name: "a", connection: "sqlite:./a.db" }, { name: "b", connection: "sqlite:./b.db" }],`;
    const project = createProject("fleet-bin", {
      "mig.config.ts": configText({ connection: "sqlite:./main.db", extra: fleet }),
      "src/music/tables.ts": MUSIC.initial,
      "src/shop/tables.ts": SHOP,
    });
    try {
      expect((await runMig(["new", "all", "--auto"], { cwd: project.dir })).code).toBe(0);
      const forwards = await runMig(["forwards", "all", "--fleet", "--json"], { cwd: project.dir });
      expect(forwards.stderr).not.toMatch(/MIG_E_INTERNAL/);
      expect(forwards.code).toBe(0);
      expect((JSON.parse(forwards.stdout) as { summary: { targets: number; applied: number } }).summary).toMatchObject({ targets: 2, applied: 2, failed: 0 });
      const check = await runMig(["check", "--fleet", "--json"], { cwd: project.dir });
      expect(check.code).toBe(0);
      expect((JSON.parse(check.stdout) as { targets: { name: string; status: string }[] }).targets.map((t) => [t.name, t.status])).toEqual([
        ["a", "up-to-date"],
        ["b", "up-to-date"],
      ]);
    } finally {
      project.remove();
    }
  });
});
