import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BIN, runMig } from "../support/run-mig";
import { sqliteProject } from "../support/sqlite-project";

/**
 * `mig … | true`: the reader is gone before mig writes, so every write to stdout fails with
 * EPIPE (what `| head -1` does once it has its line). mig must end as it would have, without a
 * stack trace, with its own exit code (`${PIPESTATUS[0]}`).
 */
function piped(args: string, cwd: string): { status: number | null; stderr: string } {
  const result = spawnSync("bash", ["-c", `"${process.execPath}" "${BIN}" ${args} | true; exit "\${PIPESTATUS[0]}"`], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", DATABASE_URL: "" },
  });
  return { status: result.status, stderr: result.stderr };
}

describe("a closed stdout", () => {
  it("mig --help | true ends quietly with exit 0", () => {
    for (let i = 0; i < 4; i++) expect(piped("--help", process.cwd())).toEqual({ status: 0, stderr: "" });
  });

  it("forwards and backwards --preview into a closed pipe end quietly; a real forwards still runs to the end", async () => {
    const project = sqliteProject();
    expect((await runMig(["new", "all", "--auto"], { cwd: project.dir })).code).toBe(0);
    for (let i = 0; i < 3; i++) expect(piped("forwards all --preview", project.dir)).toEqual({ status: 0, stderr: "" });
    // The progress lines go nowhere, and every migration is still applied.
    expect(piped("forwards all", project.dir)).toEqual({ status: 0, stderr: "" });
    const check = await runMig(["check", "--json"], { cwd: project.dir });
    expect((JSON.parse(check.stdout) as { applied: boolean }[]).map((row) => row.applied)).toEqual([true, true]);
    for (let i = 0; i < 3; i++) expect(piped("backwards all --preview", project.dir)).toEqual({ status: 0, stderr: "" });
  });
});
