import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { jitiLoader } from "../../src/project/jiti-loader";
import { TransformCache } from "../../src/project/transform-cache";
import { createProject, type TestProject } from "../support/project";

const projects: TestProject[] = [];
afterEach(() => {
  for (const project of projects.splice(0)) project.remove();
});

/** A project with its own package.json, so that its cache is `node_modules/.cache/mig` inside it. */
function project(files: Readonly<Record<string, string>>): TestProject {
  const created = createProject("transform-cache", { "package.json": `{ "private": true }\n`, ...files });
  projects.push(created);
  return created;
}

const cacheDir = (p: TestProject) => join(p.dir, "node_modules", ".cache", "mig", "transform");
const entries = (p: TestProject) => (existsSync(cacheDir(p)) ? readdirSync(cacheDir(p)).map((name) => join(cacheDir(p), name)) : []);

/** One run over a folder, as `loadMigrations` does it: the files read, prepared with their texts, then each loaded with its text. */
async function loadFolder(paths: readonly string[], env: Record<string, string> = {}): Promise<unknown[]> {
  const loader = jitiLoader(env);
  const texts = paths.map((path) => readFileSync(path, "utf8"));
  loader.prepare(paths, texts);
  const values: unknown[] = [];
  for (let i = 0; i < paths.length; i++) values.push((await loader.load(paths[i]!, texts[i])).value);
  loader.finish();
  return values;
}

describe("TransformCache", () => {
  it("serves code only under the key it was stored with", () => {
    const p = project({});
    const cache = new TransformCache(cacheDir(p));
    const key = TransformCache.key("esbuild x", "export const a = 1;");
    cache.set("/m/a.ts", key, "exports.a = 1;");
    expect(cache.get("/m/a.ts", key)).toBe("exports.a = 1;");
    expect(cache.get("/m/a.ts", TransformCache.key("esbuild x", "export const a = 2;"))).toBeUndefined();
    expect(cache.get("/m/a.ts", TransformCache.key("esbuild y", "export const a = 1;"))).toBeUndefined();
    expect(cache.get("/m/b.ts", key)).toBeUndefined();
  });

  it("ignores a truncated or altered entry", () => {
    const p = project({});
    const cache = new TransformCache(cacheDir(p));
    const key = TransformCache.key("t", "source");
    cache.set("/m/a.ts", key, "exports.a = 'a long enough line of code';");
    const [entry] = entries(p);
    const text = readFileSync(entry!, "utf8");
    writeFileSync(entry!, text.slice(0, -10));
    expect(cache.get("/m/a.ts", key)).toBeUndefined();
    writeFileSync(entry!, text.replace("long", "LONG"));
    expect(cache.get("/m/a.ts", key)).toBeUndefined();
    writeFileSync(entry!, "not an entry at all");
    expect(cache.get("/m/a.ts", key)).toBeUndefined();
  });

  it("serves a folder's files only under the transform they were stored with, from an intact entry", () => {
    const p = project({});
    const cache = new TransformCache(cacheDir(p));
    const files = [
      { name: "a.ts", source: "export const a = 1;", code: "exports.a = 1;" },
      { name: "b.ts", source: "export const b = 2;", code: "exports.b = 2;" },
    ];
    const digest = cache.setFolder("/m", "a".repeat(64), files);
    expect(cache.getFolder("/m", "a".repeat(64))).toEqual({ files: new Map(files.map((file) => [file.name, file])), digest });
    expect(cache.getFolder("/m", "b".repeat(64))).toBeUndefined();
    expect(cache.getFolder("/n", "a".repeat(64))).toBeUndefined();
    const [entry] = entries(p);
    const text = readFileSync(entry!, "utf8");
    writeFileSync(entry!, text.slice(0, -10));
    expect(cache.getFolder("/m", "a".repeat(64))).toBeUndefined();
    writeFileSync(entry!, text.replace("exports.b = 2", "exports.b = 3"));
    expect(cache.getFolder("/m", "a".repeat(64))).toBeUndefined();
  });

  it("serves a folder's code cache only for the entry it was made for, intact", () => {
    const p = project({});
    const cache = new TransformCache(cacheDir(p));
    const caches = new Map([
      ["a.ts", Buffer.from([1, 2, 3])],
      ["b.ts", Buffer.from([4, 5])],
    ]);
    cache.setCodeCache("/m", "c".repeat(64), caches);
    expect(cache.getCodeCache("/m", "c".repeat(64))).toEqual(caches);
    expect(cache.getCodeCache("/m", "d".repeat(64))).toBeUndefined();
    expect(cache.getCodeCache("/n", "c".repeat(64))).toBeUndefined();
    const [entry] = entries(p);
    const bytes = readFileSync(entry!);
    const altered = Buffer.from(bytes);
    altered[altered.length - 1] = altered.at(-1)! ^ 0xff;
    writeFileSync(entry!, altered);
    expect(cache.getCodeCache("/m", "c".repeat(64))).toBeUndefined();
    writeFileSync(entry!, bytes.subarray(0, -1));
    expect(cache.getCodeCache("/m", "c".repeat(64))).toBeUndefined();
  });

  it("stores nothing, and throws nothing, where it cannot write", () => {
    const p = project({ "node_modules/.cache/mig": "a file where the folder should be" });
    const cache = new TransformCache(cacheDir(p));
    const key = TransformCache.key("t", "source");
    expect(() => cache.set("/m/a.ts", key, "exports.a = 1;")).not.toThrow();
    expect(cache.get("/m/a.ts", key)).toBeUndefined();
  });
});

describe("the loader's transform cache", () => {
  it("never serves an edited module stale", async () => {
    const p = project({ "lib.ts": `export const base: number = 1;\n`, "mod.ts": `import { base } from "./lib";\nexport const value: number = base + 1;\n` });
    expect((await jitiLoader({}).load(join(p.dir, "mod.ts"))).value).toBe(2);
    expect(entries(p)).toHaveLength(2);
    p.write("mod.ts", `import { base } from "./lib";\nexport const value: number = base + 10;\n`);
    p.write("lib.ts", `export const base: number = 5;\n`);
    // A new loader, as a new run of the CLI, and the same one, as a second load within a run.
    expect((await jitiLoader({}).load(join(p.dir, "mod.ts"))).value).toBe(15);
    const { load } = jitiLoader({});
    expect((await load(join(p.dir, "mod.ts"))).value).toBe(15);
    p.write("mod.ts", `export const value: number = 3;\n`);
    expect((await load(join(p.dir, "mod.ts"))).value).toBe(3);
    expect(entries(p)).toHaveLength(2);
  });

  it("serves modules prepared ahead as they are when loaded", async () => {
    const p = project({ "a.ts": `export const value: number = 1;\n`, "b.ts": `export const value: number = 2;\n` });
    const loader = jitiLoader({ MIG_CACHE: "0" });
    loader.prepare([join(p.dir, "a.ts"), join(p.dir, "b.ts"), join(p.dir, "missing.ts")]);
    p.write("b.ts", `export const value: number = 20;\n`);
    expect((await loader.load(join(p.dir, "a.ts"))).value).toBe(1);
    expect((await loader.load(join(p.dir, "b.ts"))).value).toBe(20);
    await expect(loader.load(join(p.dir, "missing.ts"))).rejects.toThrow();
  });

  it("compiles again over a corrupt entry, and repairs it", async () => {
    const p = project({ "mod.ts": `export const value: number = 7;\n` });
    expect((await jitiLoader({}).load(join(p.dir, "mod.ts"))).value).toBe(7);
    const [entry] = entries(p);
    const text = readFileSync(entry!, "utf8");
    writeFileSync(entry!, text.replace("= 7", "= 8"));
    expect(readFileSync(entry!, "utf8")).not.toBe(text);
    expect((await jitiLoader({}).load(join(p.dir, "mod.ts"))).value).toBe(7);
    expect(readFileSync(entry!, "utf8")).toBe(text);
  });

  it("keeps the files of a folder loaded together in one entry, each served only for its exact source", async () => {
    const p = project({ "m/a.ts": `export const value: number = 1;\n`, "m/b.ts": `export const value: number = 2;\n` });
    const paths = ["a.ts", "b.ts"].map((name) => join(p.dir, "m", name));
    const folderEntry = () => entries(p).filter((path) => path.endsWith(".folder.json"));
    expect(await loadFolder(paths, { MIG_CACHE: "0" })).toEqual([1, 2]);
    expect(entries(p)).toEqual([]);
    expect(await loadFolder(paths)).toEqual([1, 2]);
    expect(folderEntry()).toHaveLength(1);
    const [entry] = folderEntry();
    const text = readFileSync(entry!, "utf8");
    // The next run's code is the entry's: an entry rewritten with its hash is served as it is…
    const [header, body] = [text.slice(0, text.indexOf("\n")), text.slice(text.indexOf("\n") + 1)];
    const rewritten = body.replace("value = 2", "value = 20");
    writeFileSync(entry!, `${header.replace(/[0-9a-f]{64}$/, createHash("sha256").update(rewritten).digest("hex"))}\n${rewritten}`);
    expect(await loadFolder(paths)).toEqual([1, 20]);
    // …an edited file is compiled again, and the entry written for the folder as it now is…
    p.write("m/a.ts", `export const value: number = 10;\n`);
    expect(await loadFolder(paths)).toEqual([10, 20]);
    // …and an entry altered without its hash is no entry: every file is compiled again.
    writeFileSync(entry!, readFileSync(entry!, "utf8").replace("value = 10", "value = 11"));
    expect(await loadFolder(paths)).toEqual([10, 2]);
    expect(folderEntry()).toHaveLength(1);
    expect(await loadFolder(paths)).toEqual([10, 2]);
  });

  it("keeps V8's code cache of a folder's modules for its entry as it is, and ignores a corrupt one", async () => {
    const p = project({ "m/a.ts": `export const value: number = 1;\n`, "m/b.ts": `export const value: number = 2;\n` });
    const paths = ["a.ts", "b.ts"].map((name) => join(p.dir, "m", name));
    const codeCache = () => entries(p).filter((path) => path.endsWith(".folder.v8"));
    // The first run compiles and writes the entry; its code cache is made at the end of the run.
    expect(await loadFolder(paths)).toEqual([1, 2]);
    expect(codeCache()).toHaveLength(1);
    const [file] = codeCache();
    const bytes = readFileSync(file!);
    // A run that V8 takes the cache in leaves it as it is.
    expect(await loadFolder(paths)).toEqual([1, 2]);
    expect(readFileSync(file!).equals(bytes)).toBe(true);
    // A cache altered in its last byte is not given to V8: the modules are compiled, and it is made again.
    const corrupt = Buffer.from(bytes);
    corrupt[corrupt.length - 1] = corrupt.at(-1)! ^ 0xff;
    writeFileSync(file!, corrupt);
    expect(await loadFolder(paths)).toEqual([1, 2]);
    expect(readFileSync(file!).equals(corrupt)).toBe(false);
    expect(await loadFolder(paths)).toEqual([1, 2]);
    // An edited file makes a new entry, and the cache of the old one is not used for it.
    p.write("m/b.ts", `export const value: number = 3;\n`);
    expect(await loadFolder(paths)).toEqual([1, 3]);
    expect(codeCache()).toHaveLength(1);
    expect(readFileSync(codeCache()[0]!).equals(bytes)).toBe(false);
    expect(await loadFolder(paths)).toEqual([1, 3]);
  });

  it("loads through a cache folder it cannot use, and writes nothing with MIG_CACHE=0", async () => {
    const p = project({ "mod.ts": `export const value: number = 1;\n` });
    expect((await jitiLoader({ MIG_CACHE: "0" }).load(join(p.dir, "mod.ts"))).value).toBe(1);
    expect(existsSync(join(p.dir, "node_modules"))).toBe(false);
    // A file where the cache folder should be: nothing can be read from or written to it.
    p.write("node_modules/.cache/mig/transform", "not a folder");
    expect((await jitiLoader({}).load(join(p.dir, "mod.ts"))).value).toBe(1);
    expect(readFileSync(cacheDir(p), "utf8")).toBe("not a folder");
  });
});
