import { join } from "node:path";
import { sqliteDialect } from "@mig/sqlite";
import { describe, expect, it } from "vitest";
import { run as backwards } from "../../src/commands/backwards/run";
import { run as check } from "../../src/commands/check/run";
import { run as forwards } from "../../src/commands/forwards/run";
import { run as newMigration } from "../../src/commands/new/run";
import { configText, MUSIC } from "../support/fixtures";
import type { TestProject } from "../support/project";
import { sqliteProject } from "../support/sqlite-project";
import { testDeps } from "../support/test-deps";

const ID = (n: number) => `2026-11-22T10:00:0${n}:000000`;
const FILE = (n: number) => `src/music/migrations/music_2026_11_22t10_00_0${n}_000000.ts`;

async function introspect(project: TestProject) {
  const connection = await sqliteDialect.connect({ filename: join(project.dir, "test.db") });
  try {
    return await sqliteDialect.introspector.introspect(connection, { excludeTables: ["mig_migrations"] });
  } finally {
    await connection.close();
  }
}

async function write(project: TestProject, n: number, tables: string, flags: { allowRebuild?: boolean } = {}) {
  project.write("src/music/tables.ts", tables);
  const io = testDeps({ cwd: project.dir, ids: [ID(n)] });
  const code = await newMigration({ app: "music", auto: true, ...flags }, io.deps);
  return { code, io };
}

/** A migration file as written on PostgreSQL: a logical alter, with no consent to a rebuild. */
const WIDEN_WITHOUT_CONSENT = `import { MigrationManager } from "@mig/core";

export const ID = "${ID(2)}";
export const VERSION = "0.1.0";
export const DESCRIPTION = "Longer band names (written on PostgreSQL)";

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "music", description: DESCRIPTION });

  manager.alterColumn({ table: "band", name: "name", from: { type: "varchar", length: 100 }, to: { type: "varchar", length: 200 } });

  return manager;
}
`;

describe("targets: mig new checks every database the history must run on", () => {
  it("refuses a name one target cannot take when the migration is written, naming the target", async () => {
    const project = sqliteProject({ shop: null });
    project.write("mig.config.ts", configText({ connection: "sqlite:./test.db", extra: `  targets: ["sqlite", "postgres"],` }));
    const long = `band_${"x".repeat(71)}`;
    expect(Buffer.byteLength(long)).toBe(76);
    const { code, io } = await write(project, 1, `${MUSIC.initial}\nexport const Long = table("${long}", { x: integer() });\n`);
    expect(code).toBe(1);
    expect(io.stderr()).toContain("MIG_E_IDENTIFIER");
    expect(io.stderr()).toContain("76 bytes");
    expect(io.stderr()).toContain("postgres");
    expect(project.list("src/music/migrations")).toEqual([]);
    // Without the target, SQLite takes it.
    project.write("mig.config.ts", configText({ connection: "sqlite:./test.db" }));
    expect((await write(project, 1, `${MUSIC.initial}\nexport const Long = table("${long}", { x: integer() });\n`)).code).toBe(0);
  });

  it("asks consent for what any target can only do by a rebuild, and records it on the operation", async () => {
    const project = sqliteProject({ shop: null });
    project.write("mig.config.ts", configText({ connection: "postgres://mig@127.0.0.1:1/unused", extra: `  targets: ["postgres", "sqlite"],` }));
    expect((await write(project, 1, MUSIC.initial)).code).toBe(0);
    const widened = MUSIC.initial.replace("varchar({ length: 100 })", "varchar({ length: 200 })");
    // PostgreSQL ALTERs in place, but SQLite, a target, cannot: refused without consent, naming sqlite.
    const refused = await write(project, 2, widened);
    expect(refused.code).toBe(1);
    expect(refused.io.stderr()).toMatch(/sqlite: alter_column band\.name/);
    expect(refused.io.stderr()).toContain("--allow-rebuild");
    expect((await write(project, 2, widened, { allowRebuild: true })).code).toBe(0);
    expect(project.read(FILE(2))).toMatch(/manager\.alterColumn\([\s\S]*allowRebuild: true/);
  });
});

describe("consent when applying a history written elsewhere", () => {
  async function postgresHistory(): Promise<TestProject> {
    const project = sqliteProject({ shop: null });
    expect((await write(project, 1, MUSIC.initial)).code).toBe(0);
    project.write(FILE(2), WIDEN_WITHOUT_CONSENT);
    project.write("src/music/tables.ts", MUSIC.initial.replace("varchar({ length: 100 })", "varchar({ length: 200 })"));
    return project;
  }

  it("refuses without consent, naming the operation and the way to consent; nothing is applied", async () => {
    const project = await postgresHistory();
    const io = testDeps({ cwd: project.dir });
    expect(await forwards({ app: "music" }, io.deps)).toBe(1);
    expect(io.stderr()).toContain("MIG_E_UNSUPPORTED");
    expect(io.stderr()).toMatch(/alter_column band\.name/);
    expect(io.stderr()).toContain("--allow-rebuild");
    // Planned before anything ran: not even the first migration was applied.
    expect((await introspect(project)).tableNames()).toEqual([]);
  });

  it("forwards --allow-rebuild rebuilds the table, and backwards reverses it with the same consent", async () => {
    const project = await postgresHistory();
    expect(await forwards({ app: "music", target: ID(1) }, testDeps({ cwd: project.dir }).deps)).toBe(0);
    const io = testDeps({ cwd: project.dir });
    expect(await forwards({ app: "music", allowRebuild: true }, io.deps)).toBe(0);
    expect((await introspect(project)).column("band", "name")).toMatchObject({ type: "varchar", length: 200 });
    // Refused backwards without consent too; with it, back to 100.
    expect(await backwards({ app: "music", autoAgree: true }, testDeps({ cwd: project.dir }).deps)).toBe(1);
    expect(await backwards({ app: "music", autoAgree: true, allowRebuild: true }, testDeps({ cwd: project.dir }).deps)).toBe(0);
    expect((await introspect(project)).column("band", "name")).toMatchObject({ type: "varchar", length: 100 });
  });

  it("check plans the pending migrations as forwards would: it reports the refusal before the deploy (exit 1)", async () => {
    const project = await postgresHistory();
    const io = testDeps({ cwd: project.dir });
    expect(await check({}, io.deps)).toBe(1);
    expect(io.stderr()).toMatch(/music\/2026-11-22T10:00:02:000000 cannot run on sqlite: .*alter_column band\.name/);
    expect(io.stderr()).toContain("--allow-rebuild");
    project.write("mig.config.ts", configText({ connection: "sqlite:./test.db", extra: `  allowRebuild: ["sqlite"],` }));
    expect(await check({}, testDeps({ cwd: project.dir }).deps)).toBe(0);
  });

  it("allowRebuild in the config consents for the dialects it names", async () => {
    const project = await postgresHistory();
    project.write("mig.config.ts", configText({ connection: "sqlite:./test.db", extra: `  allowRebuild: ["postgres"],` }));
    expect(await forwards({ app: "music" }, testDeps({ cwd: project.dir }).deps)).toBe(1);
    project.write("mig.config.ts", configText({ connection: "sqlite:./test.db", extra: `  allowRebuild: ["sqlite"],` }));
    expect(await forwards({ app: "music" }, testDeps({ cwd: project.dir }).deps)).toBe(0);
    expect((await introspect(project)).column("band", "name")).toMatchObject({ type: "varchar", length: 200 });
  });
});

describe("SQLite does in place what SQLite can", () => {
  it("adds a nullable foreign-key column with ADD COLUMN … REFERENCES, without a rebuild (consent only for the way back)", async () => {
    const project = sqliteProject({ shop: null });
    expect((await write(project, 1, MUSIC.initial)).code).toBe(0);
    const withMentor = MUSIC.initial.replace(
      "  popularity: integer().default(0),",
      '  popularity: integer().default(0),\n  mentor: foreignKey(() => Manager, { onDelete: "set null" }).nullable(),',
    );
    // Taking the column out again needs a rebuild (SQLite's DROP COLUMN refuses a column with a
    // foreign key): consent is asked for, and recorded on the foreign key only.
    const asked = await write(project, 2, withMentor);
    expect(asked.code).toBe(1);
    expect(asked.io.stderr()).toMatch(/going backwards/);
    expect((await write(project, 2, withMentor, { allowRebuild: true })).code).toBe(0);
    expect(project.read(FILE(2))).toMatch(/manager\.addColumn\(\{[^}]*mentor[^}]*\}\);/);
    expect(project.read(FILE(2))).toMatch(/manager\.addForeignKey\([\s\S]*allowRebuild: true/);
    const preview = testDeps({ cwd: project.dir });
    expect(await forwards({ app: "music", preview: true }, preview.deps)).toBe(0);
    expect(preview.stdout()).toMatch(/ALTER TABLE "band" ADD COLUMN "mentor" INTEGER CONSTRAINT "band_mentor_fkey" REFERENCES "manager"/);
    expect(preview.stdout()).not.toContain("PRAGMA foreign_keys = OFF");
    expect(await forwards({ app: "music" }, testDeps({ cwd: project.dir }).deps)).toBe(0);
    const schema = await introspect(project);
    expect(schema.table("band")?.foreignKeys.map((fk) => [fk.name, fk.columns, fk.references.table, fk.onDelete])).toContainEqual([
      "band_mentor_fkey",
      ["mentor"],
      "manager",
      "set null",
    ]);
    expect((await write(project, 3, withMentor)).io.stdout()).toContain("No changes detected");
    // And back, by a rebuild with the recorded consent.
    expect(await backwards({ app: "music", autoAgree: true }, testDeps({ cwd: project.dir }).deps)).toBe(0);
    expect((await introspect(project)).column("band", "mentor")).toBeUndefined();
  });

  it("warns about a narrowing change, naming the column, as every dialect does", async () => {
    const project = sqliteProject({ shop: null });
    expect((await write(project, 1, MUSIC.initial)).code).toBe(0);
    const { code, io } = await write(project, 2, MUSIC.initial.replace("varchar({ length: 100 })", "varchar({ length: 20 })"), { allowRebuild: true });
    expect(code).toBe(0);
    expect(io.stderr()).toMatch(/warning .*data will be lost.*band\.name/);
  });
});
