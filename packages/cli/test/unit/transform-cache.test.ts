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
    cache.setFolder("/m", "a".repeat(64), files);
    expect([...cache.getFolder("/m", "a".repeat(64))!.values()]).toEqual(files);
    expect(cache.getFolder("/m", "b".repeat(64))).toBeUndefined();
    expect(cache.getFolder("/n", "a".repeat(64))).toBeUndefined();
    const [entry] = entries(p);
    const text = readFileSync(entry!, "utf8");
    writeFileSync(entry!, text.slice(0, -10));
    expect(cache.getFolder("/m", "a".repeat(64))).toBeUndefined();
    writeFileSync(entry!, text.replace("exports.b = 2", "exports.b = 3"));
    expect(cache.getFolder("/m", "a".repeat(64))).toBeUndefined();
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
    /** One run: the folder prepared with the texts as read, then each file loaded with its text. */
    const run = async (env: Record<string, string> = {}) => {
      const loader = jitiLoader(env);
      const texts = paths.map((path) => readFileSync(path, "utf8"));
      loader.prepare(paths, texts);
      return Promise.all(paths.map(async (path, i) => (await loader.load(path, texts[i])).value));
    };
    expect(await run({ MIG_CACHE: "0" })).toEqual([1, 2]);
    expect(entries(p)).toEqual([]);
    expect(await run()).toEqual([1, 2]);
    expect(entries(p)).toHaveLength(1);
    const [entry] = entries(p);
    const text = readFileSync(entry!, "utf8");
    // The next run's code is the entry's: an entry rewritten with its hash is served as it is…
    const [header, body] = [text.slice(0, text.indexOf("\n")), text.slice(text.indexOf("\n") + 1)];
    const rewritten = body.replace("value = 2", "value = 20");
    writeFileSync(entry!, `${header.replace(/[0-9a-f]{64}$/, createHash("sha256").update(rewritten).digest("hex"))}\n${rewritten}`);
    expect(await run()).toEqual([1, 20]);
    // …an edited file is compiled again, and the entry written for the folder as it now is…
    p.write("m/a.ts", `export const value: number = 10;\n`);
    expect(await run()).toEqual([10, 20]);
    // …and an entry altered without its hash is no entry: every file is compiled again.
    writeFileSync(entry!, readFileSync(entry!, "utf8").replace("value = 10", "value = 11"));
    expect(await run()).toEqual([10, 2]);
    expect(entries(p)).toHaveLength(1);
    expect(await run()).toEqual([10, 2]);
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
