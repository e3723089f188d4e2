import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createBenchProject } from "../src/generate/bench-project";
import { writeMigHistory } from "../src/generate/mig-history";
import { migCacheDir } from "../src/generate/history-project";
import { ROOT, WORK } from "../src/harness/paths";
import { runMeasured } from "../src/harness/run-measured";
import { mig } from "../src/harness/tools";

const newAuto = mig("new", "bench", "--auto", "--auto-input", "n");

beforeAll(() => {
  const build = spawnSync("bash", [join(ROOT, "scripts/bench.sh"), "--build-only"], { cwd: ROOT, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
});

/**
 * The replay cache through the built binary, as the benchmark uses it: `mig new --auto` on an
 * unchanged history answers from the cache, and an edited migration file is never answered from it.
 */
describe("mig new --auto with the replay cache", () => {
  it("uses the cache for an unchanged history and is never stale after a migration file is edited", async () => {
    const project = createBenchProject(join(WORK, `test-replay-cache-${process.pid}`), 4);
    const names = await writeMigHistory(project, 4);
    project.writeSchema({ history: 3 });
    const run = () => runMeasured(newAuto.command, newAuto.args, { cwd: project.dir });

    const first = run();
    expect(first.stdout + first.stderr).toMatch(/No changes detected/);
    const entry = () => {
      // The replay entries only: the same folder also holds the compiled-module cache (transform/).
      const files = existsSync(migCacheDir(project)) ? readdirSync(migCacheDir(project)).filter((name) => /^replay-.*\.json$/.test(name)) : [];
      expect(files).toHaveLength(1);
      // An entry is its metadata as one JSON line, then the snapshot's JSON and its digest, then
      // for each migration appended to it a JSON line of its files and operations and a digest.
      const text = readFileSync(join(migCacheDir(project), files[0]!), "utf8");
      const newline = text.indexOf("\n");
      const meta = JSON.parse(text.slice(0, newline)) as { files: { path: string; hash: string }[] };
      const end = text.indexOf("\n]}\n") + "\n]}\n".length;
      const appended = text.slice(end).split("\n").filter((line, i) => i % 2 === 1 && line !== "").map((line) => JSON.parse(line) as { files: { path: string; hash: string }[]; operations: unknown[] });
      return { files: [...meta.files, ...appended.flatMap((a) => a.files)], snapshot: text.slice(newline + 1, end), operations: appended.flatMap((a) => a.operations) };
    };
    // The entry covers the whole history.
    expect(entry().files.map((f) => f.path).sort()).toEqual(names.map((name) => project.path("migrations", name)).sort());
    expect(entry().snapshot).toContain('"h_2"');
    expect(run().stdout).toMatch(/No changes detected/);

    // Edit history migration 2: the column it adds is now called renamed_in_file.
    const path = project.path("migrations", names[2]!);
    const text = readFileSync(path, "utf8");
    expect(text).toContain('"h_2"');
    writeFileSync(path, text.replace('"h_2"', '"renamed_in_file"'));
    const edited = run();
    expect(edited.code, edited.stderr).toBe(0);
    // The schema of the edited files has renamed_in_file where the tables have h_2.
    expect(edited.stdout).toMatch(/add column t_\d+\.h_2/);
    expect(edited.stdout).toMatch(/drop column t_\d+\.renamed_in_file/);
    // The entry now holds the edited history (the edited file by its new bytes: its snapshot has
    // renamed_in_file) and, appended to it, the migration just written on top, which drops
    // renamed_in_file and adds h_2 back.
    const after = entry();
    expect(after.files).toHaveLength(names.length + 1);
    const hash = createHash("sha256").update(readFileSync(path, "utf8"), "utf8").digest("hex");
    expect(after.files.find((f) => f.path === path)?.hash).toBe(hash);
    expect(after.snapshot).toContain('"renamed_in_file"');
    expect(after.operations).toMatchObject([
      { kind: "drop_column", column: { name: "renamed_in_file" } },
      { kind: "add_column", column: { name: "h_2" } },
    ]);
    // The next run answers from it: the tables and the migrations agree.
    expect(run().stdout).toMatch(/No changes detected/);
    rmSync(project.dir, { recursive: true, force: true });
  });
});
