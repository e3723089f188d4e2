import { readdirSync } from "node:fs";
import { join } from "node:path";
import { replayMigrations } from "@mig/core";
import { type Connection } from "@mig/core/dialect";
import { afterAll, describe, expect, it } from "vitest";
import { type CliProject, configText, createCliProject } from "../src/cli/cli-project";
import { introspectApp, schemaProblems, trackingRows } from "../src/cli/database-state";
import { runMig, shown } from "../src/cli/mig-process";
import { DIALECT_NAMES, type DialectName, type TestDatabase, createTestDatabase } from "../src/test-database";
import { WORK_DIR } from "./support/work-dir";

/*
 * One history, every database: a history written by `mig new` against each built-in dialect is
 * applied unchanged on all three. The config names every database as a target, so `new` records
 * consent to a rebuild where SQLite needs one; the files hold logical operations only, and each
 * database's planner lowers them when they are applied.
 */

const HEAD = `import { table, varchar, integer, foreignKey } from "@mig/core";\n\n`;

/** The tables module, step by step: each step is one `mig new --auto`. */
const STEPS: readonly { readonly desc: string; readonly tables: string; readonly flags?: readonly string[] }[] = [
  {
    desc: "Authors and books",
    tables: `export const Author = table("author", { name: varchar({ length: 50 }) });
export const Book = table("book", { title: varchar({ length: 100 }), author: foreignKey(() => Author) });
`,
  },
  {
    desc: "Page counts",
    tables: `export const Author = table("author", { name: varchar({ length: 50 }) });
export const Book = table("book", { title: varchar({ length: 100 }), author: foreignKey(() => Author), pages: integer().nullable() });
`,
  },
  // A widening change: SQLite rebuilds the table (consent recorded by --allow-rebuild), the others ALTER.
  {
    desc: "Longer author names",
    tables: `export const Author = table("author", { name: varchar({ length: 200 }) });
export const Book = table("book", { title: varchar({ length: 100 }), author: foreignKey(() => Author), pages: integer().nullable() });
`,
    flags: ["--allow-rebuild"],
  },
  {
    desc: "Rename book.title",
    tables: `export const Author = table("author", { name: varchar({ length: 200 }) });
export const Book = table("book", { name: varchar({ length: 100 }), author: foreignKey(() => Author), pages: integer().nullable() });
`,
    flags: ["--rename", "book.title=book.name"],
  },
  {
    desc: "Index pages",
    tables: `export const Author = table("author", { name: varchar({ length: 200 }) });
export const Book = table("book", { name: varchar({ length: 100 }), author: foreignKey(() => Author), pages: integer().nullable().index() });
`,
  },
  // A nullable foreign-key column: SQLite adds it in place (ADD COLUMN … REFERENCES), no rebuild;
  // taking it out again needs one, so the foreign key carries consent for the way back.
  {
    desc: "Editors",
    tables: `export const Author = table("author", { name: varchar({ length: 200 }) });
export const Book = table("book", {
  name: varchar({ length: 100 }),
  author: foreignKey(() => Author),
  pages: integer().nullable().index(),
  editor: foreignKey(() => Author, { onDelete: "set null" }).nullable(),
});
`,
    flags: ["--allow-rebuild"],
  },
];

/** The data migration, after the page counts: portable SQL with parameters. */
const SEED = `  manager.addRaw(async (db) => {
    await db.raw("INSERT INTO author (name) VALUES ({})", "Ursula");
    await db.raw("INSERT INTO book (title, author, pages) VALUES ({}, {}, {})", "The Dispossessed", 1, 387);
  });

  manager.addRawBackwards(async (db) => {
    await db.raw("DELETE FROM book");
    await db.raw("DELETE FROM author");
  });`;

const TARGETS = `targets: ["sqlite", "postgres", "mysql"],`;
const databases: TestDatabase[] = [];
const projects: CliProject[] = [];
afterAll(async () => {
  projects.splice(0).forEach((p) => p.remove());
  await Promise.all(databases.splice(0).map((db) => db.drop()));
});

async function database(dialectName: DialectName): Promise<TestDatabase> {
  const db = await createTestDatabase(dialectName, "mig_rel_cross");
  databases.push(db);
  return db;
}

async function mig(project: CliProject, args: readonly string[]) {
  const result = await runMig(args, { cwd: project.dir });
  expect(result.code, shown(result)).toBe(0);
  return result;
}

/** Writes the history with `mig new` while the config points at `source`. */
async function writeHistory(source: TestDatabase): Promise<CliProject> {
  const project = createCliProject(WORK_DIR, `cross-${source.dialectName}`, { connection: source.url, apps: [{ name: "library" }], extra: TARGETS });
  projects.push(project);
  for (const [index, step] of STEPS.entries()) {
    project.write("library/tables.ts", HEAD + step.tables);
    await mig(project, ["new", "library", "--auto", "--desc", step.desc, ...(step.flags ?? [])]);
    if (index === 1) {
      const before = new Set(project.list("library/migrations"));
      await mig(project, ["new", "library", "--desc", "Seed an author and a book"]);
      const file = project.list("library/migrations").find((name) => !before.has(name)) as string;
      const text = project.read(`library/migrations/${file}`);
      project.write(`library/migrations/${file}`, text.replace(/  manager\.addRaw\([\s\S]*?\n  \}\);\n\n  manager\.addRawBackwards\([\s\S]*?\n  \}\);/, SEED));
    }
  }
  return project;
}

/** The schema the history adds up to, from the files themselves. */
async function historySchema(project: CliProject) {
  const folder = join(project.dir, "library/migrations");
  const files = readdirSync(folder).filter((name) => name.endsWith(".ts"));
  const managers = await Promise.all(files.map(async (name) => ((await import(join(folder, name))) as { forwards(): Promise<never> }).forwards()));
  return replayMigrations(managers);
}

async function rows(connection: Connection) {
  const { rows: books } = await connection.query<Record<string, unknown>>("SELECT name, pages, author, editor FROM book");
  return books.map((b) => ({ name: b.name, pages: Number(b.pages), author: Number(b.author), editor: b.editor }));
}

describe.each(DIALECT_NAMES)("a history written on %s", (sourceName) => {
  let project: CliProject;
  let source: TestDatabase;

  it("holds logical operations only, with consent to the rebuild on the operation", async () => {
    source = await database(sourceName);
    project = await writeHistory(source);
    const files = project.list("library/migrations");
    expect(files).toHaveLength(STEPS.length + 1);
    const texts = files.map((name) => project.read(`library/migrations/${name}`));
    expect(texts.join("\n")).not.toContain("rebuildTable");
    const widening = texts.find((text) => text.includes("Longer author names")) as string;
    expect(widening).toMatch(/manager\.alterColumn\([\s\S]*length: 200[\s\S]*allowRebuild: true/);
    // The new column itself needs no rebuild anywhere: only its foreign key (for the way back on SQLite).
    const editors = texts.find((text) => text.includes('"Editors"')) as string;
    expect(editors).toMatch(/manager\.addColumn\(\{[^}]*editor[^}]*\}\);/);
    expect(editors).toMatch(/manager\.addForeignKey\([\s\S]*allowRebuild: true/);
  });

  describe.each(DIALECT_NAMES)("applied unchanged on %s", (targetName) => {
    let target: TestDatabase;
    let connection: Connection;

    it("forwards: the schema is the history's, the data survives the rebuild, and mig new --auto is clean", async () => {
      target = await database(targetName);
      connection = await target.connect();
      project.write("mig.config.ts", configText({ connection: target.url, apps: [{ name: "library" }], extra: TARGETS }));
      await mig(project, ["forwards", "all"]);
      expect(await schemaProblems(target.dialect, connection, await historySchema(project))).toEqual([]);
      expect((await trackingRows(target.dialect, connection)).map((r) => r.app)).toEqual(Array(STEPS.length + 1).fill("library"));
      expect(await rows(connection)).toEqual([{ name: "The Dispossessed", pages: 387, author: 1, editor: null }]);
      const { rows: authors } = await connection.query<{ name: string }>("SELECT name FROM author");
      expect(authors).toEqual([{ name: "Ursula" }]);
      // The foreign key added in the last step holds.
      await expect(connection.execute({ sql: "UPDATE book SET editor = 99", params: [] })).rejects.toThrow();
      const clean = await mig(project, ["new", "library", "--auto"]);
      expect(clean.stdout).toContain("No changes detected");
    });

    it("backwards all leaves nothing", async () => {
      await mig(project, ["backwards", "library", "all", "--auto-agree"]);
      expect((await introspectApp(target.dialect, connection)).tableNames()).toEqual([]);
      expect(await trackingRows(target.dialect, connection)).toEqual([]);
    });
  });
});
