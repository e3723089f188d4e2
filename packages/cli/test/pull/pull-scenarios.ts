import { mkdirSync } from "node:fs";
import { type Snapshot } from "@mig/core";
import { type UnsupportedObject } from "@mig/core/dialect";
import { schemaDrift } from "@mig/core/internal";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run as check } from "../../src/commands/check/run";
import { run as forwards } from "../../src/commands/forwards/run";
import { run as newMigration } from "../../src/commands/new/run";
import { run as pull } from "../../src/commands/pull/run";
import { createTestDatabase, type DatabaseKind, execSql, type TestDatabase } from "../support/databases";
import { createProject, type TestProject } from "../support/project";
import { testDeps } from "../support/test-deps";
import { BLOG_DDL } from "./blog-ddl";
import { LIBRARY_DDL } from "./library-ddl";

const configFor = (app: string) => `import { defineConfig } from "@mig/core";

export default defineConfig({
  apps: [{ name: "${app}", tables: "./src/${app}/tables.ts", migrations: "./src/${app}/migrations" }],
});
`;

async function introspect(db: TestDatabase): Promise<{ snapshot: Snapshot; unsupported: UnsupportedObject[] }> {
  const connection = await db.connect();
  try {
    const unsupported: UnsupportedObject[] = [];
    const snapshot = await db.dialect.introspector.introspect(connection, { excludeTables: ["mig_migrations", "mig_migrations_progress"], onUnsupported: (o) => unsupported.push(o) });
    return { snapshot, unsupported };
  } finally {
    await connection.close();
  }
}

/** The databases of a pull trial: `original` built by hand-written DDL, `fresh` empty, and the project pulling them. */
interface PullTrial {
  project: TestProject;
  original: TestDatabase;
  fresh: TestDatabase;
  /** The CLI's deps in the project, connected to `db` (new migrations get the trial's one ID). */
  io(db: TestDatabase): ReturnType<typeof testDeps>;
}

/** Creates (before the suite) and drops (after it) the project and the two databases of a pull trial. */
function pullTrial(kind: DatabaseKind, options: { name: string; app: string; ddl: Record<DatabaseKind, readonly string[]>; id: string }): PullTrial {
  const trial = {
    io: (db: TestDatabase) => testDeps({ cwd: trial.project.dir, env: { DATABASE_URL: db.url }, ids: [options.id] }),
  } as PullTrial;
  beforeAll(async () => {
    trial.project = createProject(`${options.name}-${kind}`, { "mig.config.ts": configFor(options.app) });
    trial.original = await createTestDatabase(kind, trial.project.dir);
    mkdirSync(`${trial.project.dir}/fresh`);
    trial.fresh = await createTestDatabase(kind, `${trial.project.dir}/fresh`);
    await execSql(trial.original, options.ddl[kind]);
  });
  afterAll(async () => {
    await trial.original?.drop();
    await trial.fresh?.drop();
    trial.project?.remove();
  });
  return trial;
}

/**
 * `mig pull` of a hand-written schema on one database: the tables module and baseline it writes,
 * `new --auto` clean at once, no drift, and a fresh database built from the pulled history
 * equal to the original by introspection (what mig does not model included).
 */
export function pullScenarios(kind: DatabaseKind): void {
  describe(`mig pull on ${kind}`, () => {
    const trial = pullTrial(kind, { name: "pull", app: "library", ddl: LIBRARY_DDL, id: "2026-12-01T10:00:00:000000" });

    it("writes a tables module and a baseline recorded as applied; new --auto is clean at once; no drift", async () => {
      const pulled = trial.io(trial.original);
      expect(await pull({ app: "library" }, pulled.deps), pulled.stderr()).toBe(0);
      const tables = trial.project.read("src/library/tables.ts");
      expect(tables).toContain(`export const Authors = table("authors"`);
      expect(tables).toContain(`primaryKey: ["book_isbn", "category_id"]`);
      expect(tables).toMatch(/parent_id: foreignKey\("self", \{ onDelete: "set null"[^}]*\}\)\.nullable\(\)/);
      expect(tables).toContain(`name: "books_price_positive"`);
      // The enum (a named type, an inline ENUM, a TEXT column with CHECK (mood IN (...))) is an enumeration.
      expect(tables).toContain(`mood: enumeration("mood", ["sad", "ok", "happy"]).default("ok")`);
      // FK targets come first.
      expect(tables.indexOf(`table("authors"`)).toBeLessThan(tables.indexOf(`table("books"`));
      expect(tables.indexOf(`table("books"`)).toBeLessThan(tables.indexOf(`table("book_categories"`));
      expect(trial.project.list("src/library/migrations")).toHaveLength(1);

      const auto = trial.io(trial.original);
      expect(await newMigration({ app: "library", auto: true }, auto.deps), auto.stderr()).toBe(0);
      expect(auto.stdout()).toContain("No changes detected");

      const drift = trial.io(trial.original);
      expect(await check({ drift: true, json: true }, drift.deps), drift.stdout()).toBe(0);
      expect(JSON.parse(drift.stdout()).differences).toEqual([]);
    });

    it("what the DSL cannot say (a keyless table; on PostgreSQL also a two-column FK) is kept as a raw step with a comment; the enum is not", async () => {
      const [file] = trial.project.list("src/library/migrations");
      const baseline = trial.project.read(`src/library/migrations/${file}`);
      expect(baseline).not.toMatch(/Kept as raw SQL: column reviews\.mood/);
      if (kind === "sqlite") expect(baseline).not.toContain("addRaw");
      else expect(baseline).toContain("manager.addRaw(");
      if (kind !== "sqlite") expect(baseline).toMatch(/\/\/ Kept as raw SQL: table audit_log: it has no primary key/);
      if (kind === "postgres") {
        expect(baseline).toMatch(/\/\/ Kept as raw SQL: foreign key prints\.prints_edition_fkey: it spans several columns/);
        expect(baseline).not.toMatch(/Kept as raw SQL: index reviews\.reviews_mood_idx/);
      }
    });

    it("a fresh database built from the pulled history equals the original, by introspection", async () => {
      const built = trial.io(trial.fresh);
      expect(await forwards({ app: "all" }, built.deps), built.stderr()).toBe(0);
      const [a, b] = [await introspect(trial.original), await introspect(trial.fresh)];
      expect(schemaDrift(trial.fresh.dialect, a.snapshot, b.snapshot)).toEqual([]);
      expect(b.unsupported.map((o) => [o.kind, o.table, o.name, o.sql])).toEqual(a.unsupported.map((o) => [o.kind, o.table, o.name, o.sql]));
      expect(a.unsupported.map((o) => `${o.table}.${o.name}`)).toEqual([]);
    });

    it("refuses an app that already has migrations, with a coded error", async () => {
      const again = trial.io(trial.original);
      expect(await pull({ app: "library", tables: "src/library/other.ts", json: true }, again.deps)).toBe(2);
      expect(JSON.parse(again.stdout()).error.code).toBe("MIG_E_USAGE");
    });
  });
}

/**
 * The same adoption of a second hand-written schema (a blog): `pull`, `new --auto` clean, no
 * drift, nothing kept raw, and a fresh database built from the pulled history equal to the
 * original by introspection; plus what the module must say about its enums, composite key,
 * self-reference and check.
 */
export function pullBlogScenario(kind: DatabaseKind): void {
  describe(`mig pull of a blog on ${kind}`, () => {
    const trial = pullTrial(kind, { name: "pull-blog", app: "blog", ddl: BLOG_DDL, id: "2026-12-01T11:00:00:000000" });

    it("pulls every table into the DSL (nothing raw); new --auto is clean and there is no drift", async () => {
      const pulled = trial.io(trial.original);
      expect(await pull({ app: "blog" }, pulled.deps), pulled.stderr()).toBe(0);
      const tables = trial.project.read("src/blog/tables.ts");
      expect(tables).toContain(`role: enumeration("${kind === "postgres" ? "user_role" : "role"}", ["reader", "author", "admin"]).default("reader")`);
      expect(tables).toContain(`status: enumeration("${kind === "postgres" ? "post_status" : "status"}", ["draft", "published", "archived"]).default("draft")`);
      expect(tables).toContain(`primaryKey: ["post", "tag"]`);
      expect(tables).toMatch(/parent: foreignKey\("self", \{ onDelete: "cascade"[^}]*\}\)\.nullable\(\)/);
      expect(tables).toContain(`name: "comments_body_not_empty"`);
      expect(tables.indexOf(`table("users"`)).toBeLessThan(tables.indexOf(`table("posts"`));
      expect(tables.indexOf(`table("posts"`)).toBeLessThan(tables.indexOf(`table("post_tags"`));
      const [file] = trial.project.list("src/blog/migrations");
      expect(trial.project.read(`src/blog/migrations/${file}`)).not.toContain("addRaw");

      const auto = trial.io(trial.original);
      expect(await newMigration({ app: "blog", auto: true }, auto.deps), auto.stderr()).toBe(0);
      expect(auto.stdout()).toContain("No changes detected");
      const drift = trial.io(trial.original);
      expect(await check({ drift: true, json: true }, drift.deps), drift.stdout()).toBe(0);
      expect(JSON.parse(drift.stdout()).differences).toEqual([]);
    });

    it("a fresh database built from the pulled history equals the original, by introspection", async () => {
      const built = trial.io(trial.fresh);
      expect(await forwards({ app: "all" }, built.deps), built.stderr()).toBe(0);
      const [a, b] = [await introspect(trial.original), await introspect(trial.fresh)];
      expect(schemaDrift(trial.fresh.dialect, a.snapshot, b.snapshot)).toEqual([]);
      expect(a.unsupported).toEqual([]);
      expect(b.unsupported).toEqual([]);
    });
  });
}
