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
import { LIBRARY_DDL } from "./library-ddl";

const CONFIG = `import { defineConfig } from "@mig/core";

export default defineConfig({
  apps: [{ name: "library", tables: "./src/library/tables.ts", migrations: "./src/library/migrations" }],
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
