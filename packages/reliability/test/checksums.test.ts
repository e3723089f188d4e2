import { readFileSync, writeFileSync } from "node:fs";
import { checksum } from "@mig/core";
import { afterEach, describe, expect, it } from "vitest";
import { type CliProject, createCliProject } from "../src/cli/cli-project";
import { schemaProblems, trackingRows } from "../src/cli/database-state";
import { type HistoryStep, buildHistory } from "../src/cli/history";
import { errorCodes, runMig, shown } from "../src/cli/mig-process";
import { DIALECT_NAMES, dropAllTables } from "../src/test-database";
import { useDatabase } from "./support/cli-database";
import { WORK_DIR } from "./support/work-dir";

const projects: CliProject[] = [];
afterEach(() => projects.splice(0).forEach((p) => p.remove()));

interface CheckRow {
  readonly app: string;
  readonly id: string;
  readonly applied: boolean;
  readonly checksumMismatch: boolean;
}

describe.each(DIALECT_NAMES)("%s: checksums of applied migrations (built mig binary)", (dialectName) => {
  const state = useDatabase(dialectName, "mig_rel_sum");

  /** A project with the first three migrations of the history applied (and all six files present). */
  async function applied(): Promise<{ p: CliProject; history: HistoryStep[]; files: string[] }> {
    await dropAllTables(dialectName, state.connection);
    const history = await buildHistory(state.db.dialect);
    const p = createCliProject(WORK_DIR, "checksums", { connection: state.db.url });
    projects.push(p);
    const files = p.writeMigrations(history);
    const first = await runMig(["forwards", "music", history[2]!.id], { cwd: p.dir });
    expect(first.code, shown(first)).toBe(0);
    return { p, history, files };
  }

  /** `mig check --json`: exit 0 when every applied migration matches its file, 1 otherwise. */
  async function check(p: CliProject, exitCode = 0): Promise<CheckRow[]> {
    const result = await runMig(["check", "--json"], { cwd: p.dir });
    expect(result.code, shown(result)).toBe(exitCode);
    return JSON.parse(result.stdout) as CheckRow[];
  }

  it("an edited applied migration: check reports it, forwards refuses naming the file and the way out, the flag records the new checksum", async () => {
    const { p, history, files } = await applied();
    const edited = `${readFileSync(files[1]!, "utf8")}\n// edited after it ran\n`;
    writeFileSync(files[1]!, edited);

    const rows = await check(p, 1);
    expect(rows.map((r) => [r.id, r.applied, r.checksumMismatch])).toEqual(history.map((h, i) => [h.id, i < 3, i === 1]));
    const text = await runMig(["check"], { cwd: p.dir });
    expect(text.code, shown(text)).toBe(1);
    expect(text.stdout + text.stderr, shown(text)).toMatch(/MISMATCH|edited/);

    const refused = await runMig(["forwards", "music"], { cwd: p.dir });
    expect(refused.code, shown(refused)).toBe(1);
    expect(errorCodes(refused)).toEqual(["MIG_E_CHECKSUM"]);
    expect(refused.stderr, shown(refused)).toContain(files[1]!.split("/").at(-1)!);
    expect(refused.stderr, shown(refused)).toMatch(/hint/i);
    expect(refused.stderr, shown(refused)).toMatch(/--accept-checksums/);
    // Nothing ran.
    expect((await trackingRows(state.db.dialect, state.connection)).map((r) => r.id)).toEqual(history.slice(0, 3).map((h) => h.id));
    expect(await schemaProblems(state.db.dialect, state.connection, history[2]!.schema)).toEqual([]);
    // Backwards refuses too when the edited migration is among those it would reverse.
    const back = await runMig(["backwards", "music", history[1]!.id, "--auto-agree"], { cwd: p.dir });
    expect(back.code, shown(back)).toBe(1);
    expect(errorCodes(back)).toEqual(["MIG_E_CHECKSUM"]);

    const accepted = await runMig(["forwards", "music", "--accept-checksums"], { cwd: p.dir });
    expect(accepted.code, shown(accepted)).toBe(0);
    const tracked = await trackingRows(state.db.dialect, state.connection);
    expect(tracked.map((r) => r.id)).toEqual(history.map((h) => h.id));
    expect(tracked[1]!.checksum).toBe(checksum(edited));
    expect((await check(p)).filter((r) => r.checksumMismatch)).toEqual([]);
    expect(await schemaProblems(state.db.dialect, state.connection, history.at(-1)!.schema)).toEqual([]);
  });

  it("line endings, a byte-order mark and trailing whitespace do not count as edits", async () => {
    const { p, history, files } = await applied();
    for (const file of files.slice(0, 3)) {
      const text = readFileSync(file, "utf8");
      writeFileSync(file, `\uFEFF${text.split("\n").map((line) => `${line}  \t`).join("\r\n")}\r\n\r\n`);
    }
    expect((await check(p)).filter((r) => r.checksumMismatch)).toEqual([]);
    const forwards = await runMig(["forwards", "music"], { cwd: p.dir });
    expect(forwards.code, shown(forwards)).toBe(0);
    expect((await trackingRows(state.db.dialect, state.connection)).map((r) => r.id)).toEqual(history.map((h) => h.id));
  });

  it("two migration files with the same ID are an error naming both, and nothing runs", async () => {
    const { p, history, files } = await applied();
    p.write("music/migrations/music_copy.ts", readFileSync(files[4]!, "utf8"));
    for (const command of [["forwards", "music"], ["check"]]) {
      const result = await runMig(command, { cwd: p.dir });
      expect(result.code, shown(result)).not.toBe(0);
      expect(errorCodes(result)).toEqual(["MIG_E_MIGRATION_FILE"]);
      expect(result.stderr).toContain("music_copy.ts");
      expect(result.stderr).toContain(files[4]!.split("/").at(-1)!);
    }
    expect((await trackingRows(state.db.dialect, state.connection)).map((r) => r.id)).toEqual(history.slice(0, 3).map((h) => h.id));
  });
});
