import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ColumnEntity, Entity } from "../snapshot/entities";
import { Snapshot } from "../snapshot/snapshot";
import { diff } from "../diff/diff";
import { replayMigrations } from "../manager/replay-migrations";
import { generateMigrationId } from "../manager/migration-id";
import { serialiseSnapshot } from "../snapshot/canonical-json";
import { serialiseMigration } from "../serialise/serialise-migration";
import { migrationLoader } from "../serialise/load-migration.test-helper";
import type { Operation } from "../operations/operation";
import { cacheWrittenMigration, replayWithCache, type MigrationFileText } from "./replay-with-cache";

const loader = migrationLoader();
beforeAll(() => loader.warmUp(), 120_000);

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "mig-replay-cache-"));
  dirs.push(dir);
  return dir;
};

const column = (table: string, name: string): ColumnEntity => ({ kind: "column", table, name, type: "integer", nullable: true, default: null });
const idAt = (k: number) => generateMigrationId(new Date(Date.UTC(2024, 0, 1, 0, 0, k)));

function initialOperations(tables: readonly string[] = ["band", "manager"]): readonly Operation[] {
  const entities: Entity[] = [];
  for (const table of tables) {
    entities.push({ kind: "table", name: table, primaryKey: ["id"] });
    entities.push({ kind: "column", table, name: "id", type: "serial", nullable: false, default: null });
  }
  return diff(Snapshot.empty(), Snapshot.fromEntities(entities));
}

/** Migration files as `mig new --auto` writes them: tables, then one added column each. */
function history(count: number, columnName: (k: number) => string = (k) => `c_${k}`): MigrationFileText[] {
  const files: MigrationFileText[] = [];
  for (let k = 0; k < count; k++) {
    const operations = k === 0 ? initialOperations() : [{ kind: "add_column" as const, table: "band", column: column("band", columnName(k)) }];
    files.push({ path: `/app/migrations/m_${k}.ts`, text: serialiseMigration({ id: idAt(k), appName: "app", version: "0.1.0", description: "", operations }) });
  }
  return files;
}

/** Runs replayWithCache with real loading (jiti), counting what it loads. */
async function run(files: readonly MigrationFileText[], cacheDir: string | undefined) {
  let loads = 0;
  const loadFile = async (file: MigrationFileText) => {
    loads++;
    return (await loader.load(`${file.path.split("/").pop()!.replace(".ts", "")}_${loads}_${Math.random().toString(36).slice(2)}.ts`, file.text)).forwards();
  };
  const result = await replayWithCache({
    cacheDir,
    key: "app /app/migrations",
    migVersion: "0.1.0",
    files,
    loadAll: async () => Promise.all(files.map(async (file) => ({ path: file.path, migration: await loadFile(file) }))),
    loadOne: loadFile,
  });
  return { ...result, loads };
}

/** The truth: every file loaded and replayed, no cache. */
async function truth(files: readonly MigrationFileText[]): Promise<string> {
  const managers = await Promise.all(files.map(async (file, i) => (await loader.load(`truth_${i}_${Math.random().toString(36).slice(2)}.ts`, file.text)).forwards()));
  return serialiseSnapshot(replayMigrations(managers));
}

describe("replayWithCache", () => {
  it("loads everything the first time, nothing the second, only new files after that", async () => {
    const cacheDir = tempDir();
    const files = history(5);
    const first = await run(files, cacheDir);
    expect(first).toMatchObject({ loaded: 5, cached: 0, loads: 5 });
    expect(readdirSync(cacheDir)).toHaveLength(1);

    const second = await run(files, cacheDir);
    expect(second).toMatchObject({ loaded: 0, cached: 5, loads: 0 });
    expect(serialiseSnapshot(second.snapshot)).toBe(await truth(files));

    const more = history(7);
    const third = await run(more, cacheDir);
    expect(third).toMatchObject({ loaded: 2, cached: 5 });
    expect(serialiseSnapshot(third.snapshot)).toBe(await truth(more));
    expect(await run(more, cacheDir)).toMatchObject({ loaded: 0, cached: 7 });
  }, 60_000);

  it("is never stale: an edited file misses the cache and gives the edited snapshot", async () => {
    const cacheDir = tempDir();
    const files = history(4);
    await run(files, cacheDir);
    // Edit migration 2: the column it adds gets another name.
    const edited = history(4, (k) => (k === 2 ? "renamed_in_file" : `c_${k}`));
    expect(edited[2]!.text).not.toBe(files[2]!.text);
    const result = await run(edited, cacheDir);
    expect(result).toMatchObject({ loaded: 4, cached: 0 });
    const text = serialiseSnapshot(result.snapshot);
    expect(text).toBe(await truth(edited));
    expect(text).toContain("renamed_in_file");
    expect(text).not.toContain('"c_2"');
    // Even a whitespace-only edit counts (the key is the exact text).
    const spaced = edited.map((f, i) => (i === 1 ? { ...f, text: `${f.text}\n` } : f));
    expect(await run(spaced, cacheDir)).toMatchObject({ loaded: 4, cached: 0 });
  }, 60_000);

  it("replays everything when a file is removed, or one is added before the last cached ID", async () => {
    const cacheDir = tempDir();
    const files = history(4);
    await run(files, cacheDir);
    const removed = [files[0]!, files[1]!, files[3]!];
    // Without migration 2 the snapshot has no c_2.
    const afterRemoval = await run(removed, cacheDir);
    expect(afterRemoval).toMatchObject({ loaded: 3, cached: 0 });
    expect(serialiseSnapshot(afterRemoval.snapshot)).toBe(await truth(removed));

    await run(files, cacheDir);
    const early = {
      path: "/app/migrations/early.ts",
      text: serialiseMigration({ id: generateMigrationId(new Date(Date.UTC(2024, 0, 1, 0, 0, 1, 500))), appName: "app", version: "0.1.0", description: "", operations: [{ kind: "add_column", table: "manager", column: column("manager", "early") }] }),
    };
    const inserted = [...files, early];
    const result = await run(inserted, cacheDir);
    expect(result.cached).toBe(0);
    expect(serialiseSnapshot(result.snapshot)).toBe(await truth(inserted));
  }, 60_000);

  it("never uses an entry of another mig version, or a file that reaches outside its text", async () => {
    const cacheDir = tempDir();
    const files = history(3);
    await run(files, cacheDir);
    const other = await replayWithCache({
      cacheDir, key: "app /app/migrations", migVersion: "9.9.9", files,
      loadAll: async () => Promise.all(files.map(async (f, i) => ({ path: f.path, migration: await (await loader.load(`v_${i}_${Date.now()}.ts`, f.text)).forwards() }))),
      loadOne: async () => { throw new Error("not expected"); },
    });
    expect(other.cached).toBe(0);

    const handWritten = files.map((f, i) => (i === 1 ? { ...f, text: f.text.replace('import { MigrationManager } from "@mig/core";', 'import { MigrationManager } from "@mig/core";\nconst fromEnv = process.env.NOTHING;') } : f));
    const dir = tempDir();
    await run(handWritten, dir);
    // Only migration 0 is cacheable: the entry stops before the hand-written file.
    expect(await run(handWritten, dir)).toMatchObject({ cached: 1, loaded: 2 });
  }, 60_000);

  it("ignores a truncated, altered or unreadable entry, and writes it anew", async () => {
    const cacheDir = tempDir();
    const files = history(3);
    await run(files, cacheDir);
    const [name] = readdirSync(cacheDir);
    const entry = join(cacheDir, name!);
    const text = readFileSync(entry, "utf8");
    expect(await run(files, cacheDir)).toMatchObject({ cached: 3, loaded: 0 });
    writeFileSync(entry, text.slice(0, text.length - 20));
    const truncated = await run(files, cacheDir);
    expect(truncated).toMatchObject({ cached: 0, loaded: 3 });
    expect(serialiseSnapshot(truncated.snapshot)).toBe(await truth(files));
    // Still JSON, still a snapshot, but not what was written: its sha256 no longer matches.
    expect(text).toContain('"type":"integer"');
    writeFileSync(entry, text.replace('"type":"integer"', '"type":"bigint"'));
    const altered = await run(files, cacheDir);
    expect(altered).toMatchObject({ cached: 0, loaded: 3 });
    expect(serialiseSnapshot(altered.snapshot)).toBe(await truth(files));
    writeFileSync(entry, "{}");
    expect(await run(files, cacheDir)).toMatchObject({ cached: 0, loaded: 3 });
    expect(readFileSync(entry, "utf8")).toBe(text);
    expect(await run(files, cacheDir)).toMatchObject({ cached: 3, loaded: 0 });
  }, 60_000);

  it("without a cache folder loads everything every time", async () => {
    const files = history(2);
    expect(await run(files, undefined)).toMatchObject({ loaded: 2, cached: 0 });
    expect(await run(files, undefined)).toMatchObject({ loaded: 2, cached: 0 });
  }, 60_000);
});

describe("cacheWrittenMigration", () => {
  const KEY = "app /app/migrations";
  /** A file as `mig new --auto` writes it on top of `files`, and the cache told about it. */
  function write(cacheDir: string | undefined, files: readonly MigrationFileText[], replayed: Awaited<ReturnType<typeof run>>, k: number, operations: readonly Operation[]): MigrationFileText {
    const id = idAt(k);
    const written = { path: `/app/migrations/written_${k}.ts`, text: serialiseMigration({ id, appName: "app", version: "0.1.0", description: "", operations }) };
    cacheWrittenMigration({ cacheDir, key: KEY, migVersion: "0.1.0", files }, replayed, { ...written, migrationId: id, appName: "app", operations });
    return written;
  }
  const addColumn = (name: string): Operation[] => [{ kind: "add_column", table: "band", column: column("band", name) }];

  it("covers the file just written: the next run loads nothing and gets what loading every file gives", async () => {
    const cacheDir = tempDir();
    // The first migration of a project: nothing replayed, the file creates the tables.
    const first = write(cacheDir, [], await run([], cacheDir), 0, initialOperations());
    const afterFirst = await run([first], cacheDir);
    expect(afterFirst).toMatchObject({ loaded: 0, cached: 1, loads: 0 });
    expect(serialiseSnapshot(afterFirst.snapshot)).toBe(await truth([first]));

    const second = write(cacheDir, [first], afterFirst, 5, addColumn("written"));
    const files = [first, second];
    const afterSecond = await run(files, cacheDir);
    expect(afterSecond).toMatchObject({ loaded: 0, cached: 2, loads: 0 });
    const text = serialiseSnapshot(afterSecond.snapshot);
    expect(text).toBe(await truth(files));
    expect(text).toContain('"written"');

    // The written file edited afterwards: its bytes no longer match, everything is loaded.
    const edited = [first, { ...second, text: second.text.replace('"written"', '"edited"') }];
    const result = await run(edited, cacheDir);
    expect(result).toMatchObject({ loaded: 2, cached: 0 });
    expect(serialiseSnapshot(result.snapshot)).toBe(await truth(edited));
  }, 60_000);

  it("stores nothing when the new ID is not after the last, a replayed file is hand-written, or the cache is off", async () => {
    const cacheDir = tempDir();
    const files = history(3);
    const replayed = await run(files, cacheDir);
    const [name] = readdirSync(cacheDir);
    const before = readFileSync(join(cacheDir, name!), "utf8");
    // An ID before the last replayed one (a clock set back): the entry stays as it was.
    write(cacheDir, files, replayed, 1, addColumn("early"));
    expect(readFileSync(join(cacheDir, name!), "utf8")).toBe(before);

    const handWritten = files.map((f, i) => (i === 1 ? { ...f, text: f.text.replace('import { MigrationManager } from "@mig/core";', 'import { MigrationManager } from "@mig/core";\nconst fromEnv = process.env.NOTHING;') } : f));
    const dir = tempDir();
    const partly = await run(handWritten, dir);
    const written = write(dir, handWritten, partly, 9, addColumn("later"));
    // Only migration 0 is covered, as before: the written file is loaded like the others after it.
    expect(await run([...handWritten, written], dir)).toMatchObject({ cached: 1, loaded: 3 });

    const off = write(undefined, files, await run(files, undefined), 9, addColumn("off"));
    expect(await run([...files, off], cacheDir)).toMatchObject({ cached: 3, loaded: 1 });
  }, 60_000);

  it("appends a written file to the entry it extends, compacts it once long, and never trusts a cut or altered line", async () => {
    const cacheDir = tempDir();
    // Twenty tables: the entry's snapshot is long enough for a few appended columns.
    const tables = Array.from({ length: 20 }, (_, i) => `t_${i}`);
    const first = write(cacheDir, [], await run([], cacheDir), 0, initialOperations(tables));
    const [name] = readdirSync(cacheDir);
    const entry = join(cacheDir, name!);
    let files = [first];
    let previous = readFileSync(entry, "utf8");
    let appended = 0;
    for (let k = 1; k <= 12; k++) {
      const replayed = await run(files, cacheDir);
      expect(replayed).toMatchObject({ loaded: 0, cached: files.length, loads: 0 });
      expect(serialiseSnapshot(replayed.snapshot)).toBe(await truth(files));
      files = [...files, write(cacheDir, files, replayed, k, [{ kind: "add_column", table: `t_${k % 3}`, column: column(`t_${k % 3}`, `c_${k}`) }])];
      const text = readFileSync(entry, "utf8");
      // Either one line and its digest appended to the entry as it was, or the entry written anew.
      if (text.startsWith(previous)) {
        appended++;
        expect(text.slice(previous.length).split("\n")).toHaveLength(3);
      } else {
        expect(text.split("\n")[0]).toContain(files[files.length - 1]!.path);
      }
      previous = text;
    }
    // Some appended, and the entry compacted at least once (its appended lines stay short).
    expect(appended).toBeGreaterThan(1);
    expect(appended).toBeLessThan(12);
    const last = await run(files, cacheDir);
    expect(last).toMatchObject({ loaded: 0, cached: files.length });
    expect(serialiseSnapshot(last.snapshot)).toBe(await truth(files));

    // One more appended, then cut short, altered, or extended by a line not chained to it: each misses.
    const replayed = await run(files, cacheDir);
    const base = readFileSync(entry, "utf8");
    files = [...files, write(cacheDir, files, replayed, 20, [{ kind: "add_column", table: "t_0", column: column("t_0", "appended") }])];
    const text = readFileSync(entry, "utf8");
    expect(text.startsWith(base)).toBe(true);
    const line = text.slice(base.length).split("\n")[0]!;
    for (const broken of [
      text.slice(0, text.length - 10),
      text.slice(0, base.length + 10),
      text.replace(line, line.replace('"appended"', '"other"')),
      `${text}${line}\n${"0".repeat(64)}\n`,
    ]) {
      writeFileSync(entry, broken);
      const result = await run(files, cacheDir);
      expect(result).toMatchObject({ cached: 0, loaded: files.length });
      expect(serialiseSnapshot(result.snapshot)).toBe(await truth(files));
    }
  }, 120_000);

  it("appends nothing to an entry that changed since it was read", async () => {
    const cacheDir = tempDir();
    const tables = Array.from({ length: 20 }, (_, i) => `t_${i}`);
    const first = write(cacheDir, [], await run([], cacheDir), 0, initialOperations(tables));
    const replayed = await run([first], cacheDir);
    const [name] = readdirSync(cacheDir);
    const entry = join(cacheDir, name!);
    // Another run wrote the entry in between (here: the same entry with one more line).
    writeFileSync(entry, `${readFileSync(entry, "utf8")}x\n`);
    const second = write(cacheDir, [first], replayed, 1, [{ kind: "add_column", table: "t_0", column: column("t_0", "late") }]);
    // Written anew instead: it covers both files, and the next run gets what loading them gives.
    expect(readFileSync(entry, "utf8").endsWith("x\n")).toBe(false);
    const result = await run([first, second], cacheDir);
    expect(result).toMatchObject({ loaded: 0, cached: 2 });
    expect(serialiseSnapshot(result.snapshot)).toBe(await truth([first, second]));
  }, 60_000);
});
