import { mkdirSync } from "node:fs";
import { type Snapshot } from "@mig/core";
import { type UnsupportedObject } from "@mig/core/dialect";
import { schemaDrift } from "@mig/core/internal";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run as check } from "../../src/commands/check/run";
import { run as forwards } from "../../src/commands/forwards/run";
import { run as newMigration } from "../../src/commands/new/run";
import { run as pull } from "../../src/commands/pull/run";
import { createTestDatabase, type DatabaseKind, type TestDatabase } from "../support/databases";
import { createProject, type TestProject } from "../support/project";
import { testDeps } from "../support/test-deps";
import { BLOG_DDL } from "./blog-ddl";
import { LIBRARY_DDL } from "./library-ddl";

const configFor = (app: string) => `import { defineConfig } from "@mig/core";

export default defineConfig({
  apps: [{ name: "${app}", tables: "./src/${app}/tables.ts", migrations: "./src/${app}/migrations" }],
});
`;
const CONFIG = configFor("library");

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

/**
 * `mig pull` of a hand-written schema on one database: the tables module and baseline it writes,
 * `new --auto` clean at once, no drift, and a fresh database built from the pulled history
 * equal to the original by introspection (what mig does not model included).
 */
export function pullScenarios(kind: DatabaseKind): void {
  describe(`mig pull on ${kind}`, () => {
    let project: TestProject;
    let original: TestDatabase;
    let fresh: TestDatabase;
    const io = (db: TestDatabase) => testDeps({ cwd: project.dir, env: { DATABASE_URL: db.url }, ids: ["2026-12-01T10:00:00:000000"] });

    beforeAll(async () => {
      project = createProject(`pull-${kind}`, { "mig.config.ts": CONFIG });
      original = await createTestDatabase(kind, project.dir);
      mkdirSync(`${project.dir}/fresh`);
      fresh = await createTestDatabase(kind, `${project.dir}/fresh`);
      const connection = await original.connect();
      try {
        for (const sql of LIBRARY_DDL[kind]) await connection.query(sql);
      } finally {
        await connection.close();
      }
    });
    afterAll(async () => {
      await original?.drop();
      await fresh?.drop();
      project?.remove();
    });

    it("writes a tables module and a baseline recorded as applied; new --auto is clean at once; no drift", async () => {
      const pulled = io(original);
      expect(await pull({ app: "library" }, pulled.deps), pulled.stderr()).toBe(0);
      const tables = project.read("src/library/tables.ts");
      expect(tables).toContain(`export const Authors = table("authors"`);
      expect(tables).toContain(`primaryKey: ["book_isbn", "category_id"]`);
      expect(tables).toMatch(/parent_id: foreignKey\("self", \{ onDelete: "set null"[^}]*\}\)\.nullable\(\)/);
      expect(tables).toContain(`name: "books_price_positive"`);
      // The enum (a named type, an inline ENUM, a TEXT column with CHECK (mood IN (...))) is an enumeration.
      expect(tables).toContain(`mood: enumeration("mood", ["sad", "ok", "happy"]).default("ok")`);
      // FK targets come first.
      expect(tables.indexOf(`table("authors"`)).toBeLessThan(tables.indexOf(`table("books"`));
      expect(tables.indexOf(`table("books"`)).toBeLessThan(tables.indexOf(`table("book_categories"`));
      expect(project.list("src/library/migrations")).toHaveLength(1);

      const auto = io(original);
      expect(await newMigration({ app: "library", auto: true }, auto.deps), auto.stderr()).toBe(0);
      expect(auto.stdout()).toContain("No changes detected");

      const drift = io(original);
      expect(await check({ drift: true, json: true }, drift.deps), drift.stdout()).toBe(0);
      expect(JSON.parse(drift.stdout()).differences).toEqual([]);
    });

    it("what the DSL cannot say (a keyless table; on PostgreSQL also a two-column FK) is kept as a raw step with a comment; the enum is not", async () => {
      const [file] = project.list("src/library/migrations");
      const baseline = project.read(`src/library/migrations/${file}`);
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
      const built = io(fresh);
      expect(await forwards({ app: "all" }, built.deps), built.stderr()).toBe(0);
      const [a, b] = [await introspect(original), await introspect(fresh)];
      expect(schemaDrift(fresh.dialect, a.snapshot, b.snapshot)).toEqual([]);
      expect(b.unsupported.map((o) => [o.kind, o.table, o.name, o.sql])).toEqual(a.unsupported.map((o) => [o.kind, o.table, o.name, o.sql]));
      expect(a.unsupported.map((o) => `${o.table}.${o.name}`)).toEqual([]);
    });

    it("refuses an app that already has migrations, with a coded error", async () => {
      const again = io(original);
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
    let project: TestProject;
    let original: TestDatabase;
    let fresh: TestDatabase;
    const io = (db: TestDatabase) => testDeps({ cwd: project.dir, env: { DATABASE_URL: db.url }, ids: ["2026-12-01T11:00:00:000000"] });

    beforeAll(async () => {
      project = createProject(`pull-blog-${kind}`, { "mig.config.ts": configFor("blog") });
      original = await createTestDatabase(kind, project.dir);
      mkdirSync(`${project.dir}/fresh`);
      fresh = await createTestDatabase(kind, `${project.dir}/fresh`);
      const connection = await original.connect();
      try {
        for (const sql of BLOG_DDL[kind]) await connection.query(sql);
      } finally {
        await connection.close();
      }
    });
    afterAll(async () => {
      await original?.drop();
      await fresh?.drop();
      project?.remove();
    });

    it("pulls every table into the DSL (nothing raw); new --auto is clean and there is no drift", async () => {
      const pulled = io(original);
      expect(await pull({ app: "blog" }, pulled.deps), pulled.stderr()).toBe(0);
      const tables = project.read("src/blog/tables.ts");
      expect(tables).toContain(`role: enumeration("${kind === "postgres" ? "user_role" : "role"}", ["reader", "author", "admin"]).default("reader")`);
      expect(tables).toContain(`status: enumeration("${kind === "postgres" ? "post_status" : "status"}", ["draft", "published", "archived"]).default("draft")`);
      expect(tables).toContain(`primaryKey: ["post", "tag"]`);
      expect(tables).toMatch(/parent: foreignKey\("self", \{ onDelete: "cascade"[^}]*\}\)\.nullable\(\)/);
      expect(tables).toContain(`name: "comments_body_not_empty"`);
      expect(tables.indexOf(`table("users"`)).toBeLessThan(tables.indexOf(`table("posts"`));
      expect(tables.indexOf(`table("posts"`)).toBeLessThan(tables.indexOf(`table("post_tags"`));
      const [file] = project.list("src/blog/migrations");
      expect(project.read(`src/blog/migrations/${file}`)).not.toContain("addRaw");

      const auto = io(original);
      expect(await newMigration({ app: "blog", auto: true }, auto.deps), auto.stderr()).toBe(0);
      expect(auto.stdout()).toContain("No changes detected");
      const drift = io(original);
      expect(await check({ drift: true, json: true }, drift.deps), drift.stdout()).toBe(0);
      expect(JSON.parse(drift.stdout()).differences).toEqual([]);
    });

    it("a fresh database built from the pulled history equals the original, by introspection", async () => {
      const built = io(fresh);
      expect(await forwards({ app: "all" }, built.deps), built.stderr()).toBe(0);
      const [a, b] = [await introspect(original), await introspect(fresh)];
      expect(schemaDrift(fresh.dialect, a.snapshot, b.snapshot)).toEqual([]);
      expect(a.unsupported).toEqual([]);
      expect(b.unsupported).toEqual([]);
    });
  });
}
