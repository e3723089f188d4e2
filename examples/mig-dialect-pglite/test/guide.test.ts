import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_CAPABILITIES } from "@mig/core/dialect";
import { pgliteDialect } from "mig-dialect-pglite";
import { codeBlocks, isExcerptOf, isJsonSubset, kindOf, type CodeBlock } from "./support/guide-blocks";
import { createProject, PACKAGE_DIR } from "./support/project";

/**
 * Every code block of docs/writing-a-dialect.md is exercised here: TypeScript blocks are
 * type-checked (and run when marked `run`), interface listings must equal the real interfaces,
 * excerpts must be in the files they name, and the walk-through project is made and its
 * commands run with the built `mig`.
 */
const ROOT = resolve(PACKAGE_DIR, "../..");
const GUIDE_PATH = join(ROOT, "docs/writing-a-dialect.md");
const guide = readFileSync(GUIDE_PATH, "utf8");
const blocks = codeBlocks(guide);
const of = (kind: ReturnType<typeof kindOf>) => blocks.filter((b) => kindOf(b) === kind);
const where = (block: CodeBlock) => `docs/writing-a-dialect.md:${block.line}`;

// Blocks are written inside this package, so that their imports resolve as the package's own do.
const WORK = join(PACKAGE_DIR, ".tmp", `guide-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

function writeBlock(name: string, code: string): string {
  const path = join(WORK, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, code);
  return path;
}

/** `code` plus a compile-time check that its interface `name` is exactly the one dialect authors import (@mig/core/dialect). */
function mirrored(name: string, code: string): string {
  return `${code}
import type { ${name} as MigCoreType } from "@mig/core/dialect";
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export const sameAsMigCore: Same<${name}, MigCoreType> = true;
`;
}

/** Type errors in `files` (strict, with the repository's compiler options); other files' errors are not ours. */
function typeErrors(files: readonly string[]): string[] {
  const base = ts.readConfigFile(join(ROOT, "tsconfig.base.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(base.config, ts.sys, ROOT);
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
  const ours = new Set(files.map((f) => resolve(f)));
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && ours.has(resolve(d.file.fileName)))
    .map((d) => {
      const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
      return `${d.file!.fileName}:${line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
}

describe("docs/writing-a-dialect.md", () => {
  it("has only code blocks this test knows how to check", () => {
    expect(blocks.length).toBeGreaterThan(5);
    expect(blocks.filter((b) => kindOf(b) === undefined).map(where)).toEqual([]);
  });

  it("TypeScript blocks type-check, and interface listings equal the real interfaces", () => {
    const files = blocks.flatMap((block) => {
      const kind = kindOf(block);
      if (kind === "typecheck" || kind === "run") return [writeBlock(`check/block-${block.line}.ts`, block.code)];
      if (kind === "mirror") return [writeBlock(`check/block-${block.line}.ts`, mirrored(block.attrs.mirrors as string, block.code))];
      if (kind === "project-file") return [writeBlock(`check/project/${block.attrs.project as string}`, block.code)];
      return [];
    });
    expect(files.length).toBeGreaterThan(4);
    expect(typeErrors(files)).toEqual([]);
  });

  it("`ts run` blocks run without throwing", async () => {
    const runnable = of("run");
    expect(runnable.length).toBeGreaterThan(1);
    for (const block of runnable) {
      const path = writeBlock(`run/block-${block.line}.ts`, block.code);
      await expect(import(pathToFileURL(path).href), where(block)).resolves.toBeDefined();
    }
  });

  it("excerpts are in the files they name", () => {
    const excerpts = [...of("excerpt"), ...of("json-excerpt")];
    expect(excerpts.length).toBeGreaterThan(2);
    for (const block of excerpts) {
      const text = readFileSync(join(ROOT, block.attrs.excerpt as string), "utf8");
      const found = block.lang === "json" ? isJsonSubset(JSON.parse(block.code), JSON.parse(text)) : isExcerptOf(block.code, text);
      expect(found, `${where(block)} is not in ${block.attrs.excerpt}`).toBe(true);
    }
  });

  it("the capability table lists every flag with its default", () => {
    const rows = [...guide.matchAll(/^\| `(\w+)` \| `([^`]+)` \|/gm)].map(([, flag, value]) => `${flag} = ${value}`);
    const expected = Object.entries(DEFAULT_CAPABILITIES).map(([flag, value]) => `${flag} = ${JSON.stringify(value)}`);
    expect(rows.sort()).toEqual(expected.sort());
  });

  it("the walk-through project works with the built mig", async () => {
    const files = of("project-file");
    const commands = of("project-commands").flatMap((b) => b.code.trim().split("\n"));
    expect(files.map((b) => b.attrs.project)).toEqual(["mig.config.ts", "src/music/tables.ts"]);
    expect(commands.length).toBeGreaterThan(3);
    const project = createProject(Object.fromEntries(files.map((b) => [b.attrs.project as string, b.code])));
    try {
      for (const command of commands) {
        const [npx, mig, ...args] = command.split(/\s+/);
        expect([npx, mig], command).toEqual(["npx", "mig"]);
        const result = await project.mig(...args);
        expect(result.code, `${command}\n${result.stdout}${result.stderr}`).toBe(0);
      }
      expect(project.list("src/music/migrations")).toHaveLength(1);
      const check = JSON.parse((await project.mig("check", "--json")).stdout) as { applied: boolean }[];
      expect(check.map((row) => row.applied)).toEqual([false]);
      const connection = await pgliteDialect.connect(`pglite:${join(project.dir, "data")}`);
      try {
        // Forwards created the tables (in the data dir) and backwards dropped them again.
        const tracked = await connection.query<{ n: number }>("SELECT count(*)::int AS n FROM mig_migrations");
        expect(tracked.rows).toEqual([{ n: 0 }]);
        expect([...(await pgliteDialect.introspector.introspect(connection)).tableNames()]).toEqual([]);
      } finally {
        await connection.close();
      }
    } finally {
      project.remove();
    }
  });
});
