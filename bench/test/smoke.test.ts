import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RESULTS, ROOT } from "../src/harness/paths";

/**
 * CI runs the whole benchmark at tiny sizes, once, judging no target: every case must still run
 * end to end (both tools, all three databases) and produce its report.
 */
describe("scripts/bench.sh --smoke", () => {
  it("runs every case and writes the report", () => {
    for (const variable of ["MIG_TEST_POSTGRES_URL", "MIG_TEST_MYSQL_URL"]) {
      if (!process.env[variable]) throw new Error(`${variable} is not set: start the servers (scripts/db-servers.sh start) and export it`);
    }
    const report = join(RESULTS, "BENCHMARKS.smoke.md");
    rmSync(report, { force: true });
    const started = Date.now();
    const result = spawnSync("bash", [join(ROOT, "scripts/bench.sh"), "--smoke"], { cwd: ROOT, encoding: "utf8", env: process.env });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status, output.slice(-4000)).toBe(0);
    expect(existsSync(report)).toBe(true);
    const text = readFileSync(report, "utf8");
    for (const id of ["1", "2", "3", "4", "5", "6", "8", "9"]) expect(text).toContain(`## Case ${id}:`);
    // Smoke mode judges nothing, and both servers were there (only the sqlite3 client may be
    // missing where apt-get cannot install it: the report then says its floor is unavailable).
    expect(text).not.toMatch(/\*\*(met|missed)\*\*/);
    expect(text).not.toMatch(/unavailable \(MIG_TEST_/);
    process.stderr.write(`bench smoke run: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  });
});
