import { describe, expect, it } from "vitest";
import { run } from "../../src/commands/new/run";
import { MUSIC } from "../support/fixtures";
import { sqliteProject } from "../support/sqlite-project";
import { testDeps } from "../support/test-deps";

const ID = (n: number) => `2026-11-22T10:00:0${n}:000000`;

describe("mig new", () => {
  it("without --auto writes an empty migration with a raw function", async () => {
    const project = sqliteProject();
    const io = testDeps({ cwd: project.dir, ids: [ID(1)] });
    expect(await run({ app: "music", desc: 'seed "bands"' }, io.deps)).toBe(0);
    expect(project.list("src/music/migrations")).toEqual(["music_2026_11_22t10_00_01_000000.ts"]);
    const text = project.read("src/music/migrations/music_2026_11_22t10_00_01_000000.ts");
    expect(text).toContain('export const ID = "2026-11-22T10:00:01:000000"');
    expect(text).toContain("addRaw");
    expect(text).toContain('seed \\"bands\\"');
  });

  it("refuses new all without --auto (exit 2) and writes nothing", async () => {
    const project = sqliteProject();
    const io = testDeps({ cwd: project.dir });
    expect(await run({ app: "all" }, io.deps)).toBe(2);
    expect(io.stderr()).toContain("error MIG_E_USAGE");
    expect(project.list("src/music/migrations")).toEqual([]);
  });

  it("names an unknown app with a suggestion (exit 2)", async () => {
    const project = sqliteProject();
    const io = testDeps({ cwd: project.dir });
    expect(await run({ app: "musci", auto: true }, io.deps)).toBe(2);
    expect(io.stderr()).toMatch(/MIG_E_USAGE.*"music"/);
  });

  it("--auto writes the tables, then reports no changes and writes nothing", async () => {
    const project = sqliteProject();
    const io = testDeps({ cwd: project.dir, ids: [ID(1), ID(2)] });
    expect(await run({ app: "music", auto: true }, io.deps)).toBe(0);
    const [file] = project.list("src/music/migrations");
    const text = project.read(`src/music/migrations/${file}`);
    expect(text).toContain('name: "manager"');
    expect(text).toContain('name: "band"');
    expect(text).not.toMatch(/from "\.\.?\//); // never imports app code
    const again = testDeps({ cwd: project.dir, ids: [ID(2)] });
    expect(await run({ app: "music", auto: true }, again.deps)).toBe(0);
    expect(again.stdout()).toContain("No changes detected");
    expect(project.list("src/music/migrations")).toHaveLength(1);
  });

  it("--auto tells the process the size of every app's tables modules before loading any", async () => {
    const project = sqliteProject();
    const io = testDeps({ cwd: project.dir, ids: [ID(1)] });
    const sizes: number[] = [];
    const loadsBefore: number[] = [];
    let loads = 0;
    const load = io.deps.loadModule;
    const deps = {
      ...io.deps,
      loadModule: (path: string) => (/tables\.ts$/.test(path) && loads++, load(path)),
      schemaSize: (bytes: number) => void (sizes.push(bytes), loadsBefore.push(loads)),
    };
    expect(await run({ app: "music", auto: true }, deps)).toBe(0);
    const bytes = Buffer.byteLength(project.read("src/music/tables.ts")) + Buffer.byteLength(project.read("src/shop/tables.ts"));
    expect(sizes).toEqual([bytes]);
    expect(loadsBefore).toEqual([0]);
    expect(loads).toBeGreaterThan(0);
  });

  it("--online on SQLite says once that it changes nothing there, and records online on in-table changes", async () => {
    const project = sqliteProject();
    const io = testDeps({ cwd: project.dir, ids: [ID(1)] });
    expect(await run({ app: "music", auto: true, online: true }, io.deps)).toBe(0);
    expect(io.stderr().match(/online mode changes nothing/g)).toHaveLength(1);
    project.write("src/music/tables.ts", MUSIC.initial.replace("popularity: integer().default(0),", "popularity: integer().default(0).index(),"));
    const again = testDeps({ cwd: project.dir, ids: [ID(2)] });
    expect(await run({ app: "music", auto: true, online: true }, again.deps)).toBe(0);
    const file = project.list("src/music/migrations").find((name) => name.includes("10_00_02"))!;
    expect(project.read(`src/music/migrations/${file}`)).toMatch(/manager\.addIndex\([\s\S]*online: true/);
  });

  it("new all --auto writes one file per app with changes, in JSON too", async () => {
    const project = sqliteProject();
    const io = testDeps({ cwd: project.dir, ids: [ID(1), ID(2)] });
    expect(await run({ app: "all", auto: true, json: true }, io.deps)).toBe(0);
    const result = JSON.parse(io.stdout()) as { created: { app: string; id: string }[]; unchanged: string[] };
    expect(result.created.map((c) => [c.app, c.id])).toEqual([
      ["music", ID(1)],
      ["shop", ID(2)],
    ]);
    expect(project.read(`src/shop/migrations/${project.list("src/shop/migrations")[0]}`)).toContain('references: { table: "band"');
  });

  it("new all refuses --rename and --backfill arguments that no app takes (exit 2)", async () => {
    const project = sqliteProject();
    const io = testDeps({ cwd: project.dir, ids: [ID(1), ID(2)] });
    expect(await run({ app: "all", auto: true, rename: ["nosuch=thing"], backfill: ["x.y=1"], json: true }, io.deps)).toBe(2);
    const { error } = JSON.parse(io.stdout()) as { error: { code: string; problems: unknown[] } };
    expect(error.code).toBe("MIG_E_USAGE");
    expect(error.problems).toHaveLength(2);
    expect(project.list("src/music/migrations")).toEqual([]);
  });

  it("is byte-identical when generated twice from the same inputs", async () => {
    const one = sqliteProject();
    const two = sqliteProject();
    for (const project of [one, two]) expect(await run({ app: "music", auto: true }, testDeps({ cwd: project.dir, ids: [ID(1)] }).deps)).toBe(0);
    const file = one.list("src/music/migrations")[0]!;
    expect(one.read(`src/music/migrations/${file}`)).toBe(two.read(`src/music/migrations/${file}`));
  });
});

describe("mig new: renames", () => {
  async function projectWithHistory() {
    const project = sqliteProject({ shop: null, music: MUSIC.addColumn });
    project.write("mig.config.ts", project.read("mig.config.ts").replace(/\n {4}\{ name: "shop"[^\n]*/, ""));
    expect(await run({ app: "music", auto: true }, testDeps({ cwd: project.dir, ids: [ID(1)] }).deps)).toBe(0);
    project.write("src/music/tables.ts", MUSIC.addColumn.replace("  name: varchar({ length: 100 }),", "  title: varchar({ length: 100 }),"));
    return project;
  }

  it("without a TTY, writes nothing and exits 3 listing every question (JSON)", async () => {
    const project = await projectWithHistory();
    const io = testDeps({ cwd: project.dir, ids: [ID(2)] });
    expect(await run({ app: "music", auto: true, json: true }, io.deps)).toBe(3);
    const { error } = JSON.parse(io.stdout()) as { error: { code: string; problems: { message: string }[] } };
    expect(error.code).toBe("MIG_E_NEEDS_INPUT");
    expect(error.problems.map((p) => p.message)).toEqual([
      "Did you rename column band.name to band.title? (y/N)",
      "Column band.title is NOT NULL and has no default: what value should existing rows get? (if the renames above are answered no)",
    ]);
    expect(project.list("src/music/migrations")).toHaveLength(1);
  });

  it("answered by --rename", async () => {
    const project = await projectWithHistory();
    const io = testDeps({ cwd: project.dir, ids: [ID(2)] });
    expect(await run({ app: "music", auto: true, rename: ["band.name=band.title"] }, io.deps)).toBe(0);
    const text = project.read("src/music/migrations/music_2026_11_22t10_00_02_000000.ts");
    expect(text).toContain('manager.renameColumn({ table: "band", from: "name", to: "title" });');
    expect(io.asked).toEqual([]);
  });

  it("answered by --auto-input y", async () => {
    const project = await projectWithHistory();
    expect(await run({ app: "music", auto: true, autoInput: "y" }, testDeps({ cwd: project.dir, ids: [ID(2)] }).deps)).toBe(0);
    expect(project.read("src/music/migrations/music_2026_11_22t10_00_02_000000.ts")).toContain("renameColumn");
  });

  it("--auto-input n makes a drop and an add, which needs a backfill value", async () => {
    const project = await projectWithHistory();
    const io = testDeps({ cwd: project.dir, ids: [ID(2)] });
    expect(await run({ app: "music", auto: true, autoInput: "n" }, io.deps)).toBe(3);
    expect(io.stderr()).toContain("band.title is NOT NULL");
  });

  it("asks on a TTY, with the contract's question", async () => {
    const project = await projectWithHistory();
    const io = testDeps({ cwd: project.dir, tty: true, confirms: [true], ids: [ID(2)] });
    expect(await run({ app: "music", auto: true }, io.deps)).toBe(0);
    expect(io.asked).toEqual(["Did you rename column band.name to band.title?"]);
    expect(project.read("src/music/migrations/music_2026_11_22t10_00_02_000000.ts")).toContain("renameColumn");
  });

  it("rejects a --rename that names no possible rename (exit 2)", async () => {
    const project = await projectWithHistory();
    const io = testDeps({ cwd: project.dir, ids: [ID(2)] });
    expect(await run({ app: "music", auto: true, rename: ["band.nope=band.title"] }, io.deps)).toBe(2);
    expect(io.stderr()).toContain("MIG_E_USAGE");
  });
});

describe("mig new: backfills, data loss, dialect limits", () => {
  it("asks a backfill value on a TTY; refuses what SQLite cannot add (exit 1, nothing written)", async () => {
    const project = sqliteProject({ shop: null });
    expect(await run({ app: "music", auto: true }, testDeps({ cwd: project.dir, ids: [ID(1)] }).deps)).toBe(0);
    project.write("src/music/tables.ts", MUSIC.initial.replace("  popularity: integer().default(0),", "  popularity: integer().default(0),\n  rank: integer(),"));
    const io = testDeps({ cwd: project.dir, tty: true, texts: ["7"], confirms: [false], ids: [ID(2)] });
    expect(await run({ app: "music", auto: true }, io.deps)).toBe(1);
    // SQLite cannot add it in place (addColumnBackfill: false); a table rebuild could, declined here.
    expect(io.asked).toEqual(["Column band.rank is NOT NULL and has no default: what value should existing rows get?", "Allow a table rebuild for these changes where the database needs one (copy each table into a new one)?"]);
    expect(io.stderr()).toContain("MIG_E_UNSUPPORTED");
    expect(project.list("src/music/migrations")).toHaveLength(1);
  });

  it("asks on a TTY whether to rebuild what SQLite cannot alter in place", async () => {
    const project = sqliteProject({ shop: null });
    expect(await run({ app: "music", auto: true }, testDeps({ cwd: project.dir, ids: [ID(1)] }).deps)).toBe(0);
    project.write("src/music/tables.ts", MUSIC.initial.replace("varchar({ length: 100 })", "varchar({ length: 200 })"));
    const declined = testDeps({ cwd: project.dir, tty: true, confirms: [false], ids: [ID(2)] });
    expect(await run({ app: "music", auto: true }, declined.deps)).toBe(1);
    expect(declined.asked).toEqual(["Allow a table rebuild for these changes where the database needs one (copy each table into a new one)?"]);
    expect(declined.stderr()).toMatch(/cannot be done in place: sqlite: alter_column band\.name/);
    expect(project.list("src/music/migrations")).toHaveLength(1);
    const agreed = testDeps({ cwd: project.dir, tty: true, confirms: [true], ids: [ID(2)] });
    expect(await run({ app: "music", auto: true }, agreed.deps)).toBe(0);
    // The file holds the logical change, with the consent on it: no rebuild is written.
    const written = project.read("src/music/migrations/music_2026_11_22t10_00_02_000000.ts");
    expect(written).not.toContain("rebuildTable");
    expect(written).toMatch(/manager\.alterColumn\([\s\S]*length: 200[\s\S]*allowRebuild: true/);
  });

  it("--allow-rebuild opts in without a terminal", async () => {
    const project = sqliteProject({ shop: null });
    expect(await run({ app: "music", auto: true }, testDeps({ cwd: project.dir, ids: [ID(1)] }).deps)).toBe(0);
    project.write("src/music/tables.ts", MUSIC.initial.replace("varchar({ length: 100 })", "varchar({ length: 200 })"));
    const refused = testDeps({ cwd: project.dir, ids: [ID(2)] });
    expect(await run({ app: "music", auto: true }, refused.deps)).toBe(1);
    expect(refused.stderr()).toContain("--allow-rebuild");
    const io = testDeps({ cwd: project.dir, ids: [ID(2)] });
    expect(await run({ app: "music", auto: true, allowRebuild: true }, io.deps)).toBe(0);
    expect(project.read("src/music/migrations/music_2026_11_22t10_00_02_000000.ts")).toMatch(/alterColumn[\s\S]*length: 200[\s\S]*allowRebuild: true/);
    expect(io.asked).toEqual([]);
  });

  it("warns that a drop loses data", async () => {
    const project = sqliteProject({ shop: null, music: MUSIC.addColumn });
    expect(await run({ app: "music", auto: true }, testDeps({ cwd: project.dir, ids: [ID(1)] }).deps)).toBe(0);
    project.write("src/music/tables.ts", MUSIC.initial);
    const io = testDeps({ cwd: project.dir, ids: [ID(2)] });
    expect(await run({ app: "music", auto: true }, io.deps)).toBe(0);
    expect(io.stderr()).toMatch(/warning .*data will be lost.*band\.country/);
  });

  it("refuses an operation SQLite cannot do in place without --allow-rebuild, naming it (exit 1, nothing written)", async () => {
    const project = sqliteProject({ shop: null });
    expect(await run({ app: "music", auto: true }, testDeps({ cwd: project.dir, ids: [ID(1)] }).deps)).toBe(0);
    project.write("src/music/tables.ts", MUSIC.initial.replace("varchar({ length: 100 })", "varchar({ length: 200 })"));
    const io = testDeps({ cwd: project.dir, ids: [ID(2)], env: {} });
    expect(await run({ app: "music", auto: true, json: true }, io.deps)).toBe(1);
    const { error } = JSON.parse(io.stdout()) as { error: { code: string; message: string; problems?: { message: string }[] } };
    expect(error.code).toBe("MIG_E_UNSUPPORTED");
    expect(JSON.stringify(error)).toContain("band");
    expect(project.list("src/music/migrations")).toHaveLength(1);
  });

  it("reports an invalid table definition with a coded error before writing", async () => {
    const project = sqliteProject({ shop: null, music: `import { table, varchar } from "@mig/core";\nexport const A = table("a", { x: varchar({ length: 5 }), y: varchar({ length: 5 }).dbName("x") });\n` });
    const io = testDeps({ cwd: project.dir, ids: [ID(1)] });
    expect(await run({ app: "music", auto: true }, io.deps)).toBe(1);
    expect(io.stderr()).toContain("MIG_E_SCHEMA_INVALID");
    expect(project.list("src/music/migrations")).toEqual([]);
  });
});
