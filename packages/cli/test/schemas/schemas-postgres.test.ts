import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run as backwards } from "../../src/commands/backwards/run";
import { run as check } from "../../src/commands/check/run";
import { run as forwards } from "../../src/commands/forwards/run";
import { run as newMigration } from "../../src/commands/new/run";
import { run as pull } from "../../src/commands/pull/run";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { createProject, type TestProject } from "../support/project";
import { testDeps } from "../support/test-deps";

const CONFIG = `import { defineConfig } from "@mig/core";

export default defineConfig({
  apps: [{ name: "music", tables: "./src/music/tables.ts", migrations: "./src/music/migrations" }],
});
`;

/**
 * A band in schema "music", an album in schema "catalog" pointing at it, a review in the
 * connection's schema pointing at the album; band and review name the enum "mood", each in its
 * own schema.
 */
const tables = (bandSchema: string) => `import { enumeration, foreignKey, integer, table, text, varchar } from "@mig/core";

export const Band = table("band", {
  name: varchar({ length: 100 }).unique(),
  popularity: integer().default(0).index(),
  mood: enumeration("mood", ["sad", "ok", "happy"]).default("ok"),
}, { schema: "${bandSchema}" });

export const Album = table("album", {
  title: text(),
  band: foreignKey(() => Band, { onDelete: "cascade" }),
}, { schema: "catalog" });

export const Review = table("review", {
  album: foreignKey(() => Album),
  stars: integer(),
  // The same enum name in the connection's schema: a type of its own, with labels of its own.
  mood: enumeration("mood", ["meh", "wow"]).nullable(),
});
`;

interface Catalog {
  tables: string[];
  indexes: string[];
  sequences: string[];
  foreignKeys: string[];
  schemas: string[];
  /** Enum types with their labels: `music.mood(sad,ok,happy)`. */
  types: string[];
}

/**
 * Tables in named PostgreSQL schemas through the mig command: created with their schemas,
 * indexes, sequences and foreign keys across schemas; moved between schemas; no drift; new --auto
 * clean; backwards all leaves nothing behind; pull --schema writes the schema option.
 */
describe("tables in named schemas on postgres", () => {
  let project: TestProject;
  let db: TestDatabase;
  let ids = 0;
  const io = () => testDeps({ cwd: project.dir, env: { DATABASE_URL: db.url }, ids: [`2026-12-02T10:00:0${++ids}:000000`] });
  const query = async <R extends Record<string, unknown>>(sql: string): Promise<R[]> => {
    const connection = await db.connect();
    try {
      return (await connection.query<R>(sql)).rows;
    } finally {
      await connection.close();
    }
  };
  /** What the catalog says, by schema-qualified name: the ground truth the tests compare with. */
  const catalog = async (): Promise<Catalog> => {
    const names = async (sql: string) => (await query<{ n: string }>(sql)).map((r) => r.n).sort();
    const user = `n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')`;
    return {
      tables: await names(`SELECT n.nspname || '.' || c.relname AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND ${user} AND c.relname NOT LIKE 'mig\\_migrations%'`),
      indexes: await names(`SELECT n.nspname || '.' || c.relname AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'i' AND ${user} AND c.relname NOT LIKE 'mig\\_migrations%'`),
      sequences: await names(`SELECT n.nspname || '.' || c.relname AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'S' AND ${user} AND c.relname NOT LIKE 'mig\\_migrations%'`),
      foreignKeys: await names(`SELECT con.conrelid::regclass::text || ' -> ' || con.confrelid::regclass::text AS n FROM pg_constraint con WHERE con.contype = 'f'`),
      schemas: await names(`SELECT nspname AS n FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'`),
      types: await names(`SELECT n.nspname || '.' || t.typname || '(' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) || ')' AS n FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY n.nspname, t.typname`),
    };
  };
  const noDrift = async () => {
    const run = io();
    const code = await check({ drift: true, json: true }, run.deps);
    return { code, differences: (JSON.parse(run.stdout()) as { differences: { change: string; entity: string; table: string; name?: string }[] }).differences };
  };
  const autoIsClean = async () => {
    const run = io();
    expect(await newMigration({ app: "music", auto: true }, run.deps), run.stderr()).toBe(0);
    expect(run.stdout()).toContain("No changes detected");
  };

  beforeAll(async () => {
    project = createProject("schemas-postgres", { "mig.config.ts": CONFIG, "src/music/tables.ts": tables("music") });
    db = await createTestDatabase("postgres", project.dir);
  });
  afterAll(async () => {
    await db?.drop();
    project?.remove();
  });

  it("creates the schemas, tables, index, serial sequences and foreign keys across schemas, all schema-qualified", async () => {
    const written = io();
    expect(await newMigration({ app: "music", auto: true }, written.deps), written.stderr()).toBe(0);
    const [file] = project.list("src/music/migrations");
    const text = project.read(`src/music/migrations/${file}`);
    expect(text).toContain(`name: "\\"music\\".\\"band\\""`);
    const applied = io();
    expect(await forwards({ app: "music" }, applied.deps), applied.stderr()).toBe(0);
    const live = await catalog();
    expect(live.tables).toEqual(["catalog.album", "music.band", "public.review"]);
    expect(live.indexes).toEqual(["catalog.album_pkey", "music.band_name_key", "music.band_pkey", "music.band_popularity_idx", "public.review_pkey"]);
    expect(live.sequences).toEqual(["catalog.album_id_seq", "music.band_id_seq", "public.review_id_seq"]);
    expect(live.foreignKeys).toEqual(["catalog.album -> music.band", "review -> catalog.album"]);
    expect(live.schemas).toEqual(["catalog", "music", "public"]);
    expect(live.types).toEqual(["music.mood(sad,ok,happy)", "public.mood(meh,wow)"]);
    await query(`INSERT INTO music.band (name) VALUES ('Pythonistas')`);
    await query(`INSERT INTO catalog.album (title, band) VALUES ('Zen', 1)`);
    await expect(query(`INSERT INTO catalog.album (title, band) VALUES ('Nowhere', 99)`)).rejects.toThrow();
  });

  it("new --auto is clean after, and a freshly migrated database has no drift", async () => {
    await autoIsClean();
    expect(await noDrift()).toEqual({ code: 0, differences: [] });
  });

  it("reports a column added by hand to a table of a named schema, and an index dropped there", async () => {
    await query(`ALTER TABLE music.band ADD COLUMN note text`);
    await query(`DROP INDEX music.band_popularity_idx`);
    const { code, differences } = await noDrift();
    expect(code).toBe(1);
    expect(differences.map((d) => `${d.change} ${d.entity} ${d.table}.${d.name ?? ""}`).sort()).toEqual([
      `extra column "music"."band".note`,
      `missing index "music"."band".band_popularity_idx`,
    ]);
    await query(`ALTER TABLE music.band DROP COLUMN note`);
    await query(`CREATE INDEX band_popularity_idx ON music.band (popularity)`);
    expect((await noDrift()).code).toBe(0);
  });

  it("moves a table to another schema by ALTER TABLE … SET SCHEMA, a renameTable in the file; the schema mig made and emptied goes", async () => {
    project.write("src/music/tables.ts", tables("archive"));
    const written = io();
    expect(await newMigration({ app: "music", auto: true }, written.deps), written.stderr()).toBe(0);
    const file = project.list("src/music/migrations")[1]!;
    expect(project.read(`src/music/migrations/${file}`)).toContain(`manager.renameTable({ from: "\\"music\\".\\"band\\"", to: "\\"archive\\".\\"band\\"" });`);
    const applied = io();
    expect(await forwards({ app: "music" }, applied.deps), applied.stderr()).toBe(0);
    const live = await catalog();
    expect(live.tables).toEqual(["archive.band", "catalog.album", "public.review"]);
    expect(live.sequences).toContain("archive.band_id_seq");
    expect(live.indexes).toContain("archive.band_popularity_idx");
    expect(live.foreignKeys).toContain("catalog.album -> archive.band");
    expect(live.schemas).toEqual(["archive", "catalog", "public"]);
    // The enum type moved with its table (music's went with its last column, so music could go).
    expect(live.types).toEqual(["archive.mood(sad,ok,happy)", "public.mood(meh,wow)"]);
    expect(await query(`SELECT name, mood::text AS mood FROM archive.band`)).toEqual([{ name: "Pythonistas", mood: "ok" }]);
    await autoIsClean();
    expect(await noDrift()).toEqual({ code: 0, differences: [] });
  });

  it("backwards all leaves nothing behind: no table, index, sequence or schema mig made", async () => {
    const back = io();
    expect(await backwards({ app: "music", target: "all", autoAgree: true }, back.deps), back.stderr()).toBe(0);
    const live = await catalog();
    expect(live).toEqual({ tables: [], indexes: [], sequences: [], foreignKeys: [], schemas: ["public"], types: [] });
  });

  it("keeps a schema that mig did not make, or that still holds something", async () => {
    await query(`CREATE SCHEMA catalog`);
    await query(`CREATE SCHEMA music`);
    await query(`COMMENT ON SCHEMA music IS 'created by mig'`);
    await query(`CREATE TABLE music.kept (id int)`);
    const applied = io();
    expect(await forwards({ app: "music" }, applied.deps), applied.stderr()).toBe(0);
    const back = io();
    expect(await backwards({ app: "music", target: "all", autoAgree: true }, back.deps), back.stderr()).toBe(0);
    const live = await catalog();
    expect(live.tables).toEqual(["music.kept"]);
    expect(live.schemas).toEqual(["catalog", "music", "public"]);
    await query(`DROP SCHEMA music CASCADE`);
    await query(`DROP SCHEMA catalog`);
  });

  it("pull --schema writes the tables of that schema with the schema option; new --auto clean and no drift after", async () => {
    const other = createProject("schemas-postgres-pull", { "mig.config.ts": CONFIG });
    const source = await createTestDatabase("postgres", other.dir);
    try {
      const connection = await source.connect();
      try {
        for (const sql of [
          `CREATE SCHEMA shop`,
          `CREATE TYPE shop.status AS ENUM ('open', 'paid', 'it''s shipped')`,
          `CREATE TABLE shop.customer (id serial PRIMARY KEY, email varchar(200) NOT NULL UNIQUE)`,
          `CREATE TABLE shop."order" (id serial PRIMARY KEY, customer integer NOT NULL REFERENCES shop.customer (id) ON DELETE CASCADE, total numeric(10,2) NOT NULL DEFAULT 0, status shop.status NOT NULL DEFAULT 'open')`,
          `CREATE INDEX order_total_idx ON shop."order" (total)`,
        ]) await connection.query(sql);
      } finally {
        await connection.close();
      }
      const run = (n: number) => testDeps({ cwd: other.dir, env: { DATABASE_URL: source.url }, ids: [`2026-12-03T10:00:0${n}:000000`] });
      const pulled = run(1);
      expect(await pull({ app: "music", schema: "shop" }, pulled.deps), pulled.stderr()).toBe(0);
      const module = other.read("src/music/tables.ts");
      expect(module).toMatch(/export const ShopCustomer = table\("customer", \{[\s\S]*?\}, \{\n  schema: "shop",\n\}\);/);
      expect(module).toMatch(/export const ShopOrder = table\("order", \{[\s\S]*customer: foreignKey\(\(\) => ShopCustomer, \{ onDelete: "cascade" \}\)/);
      // The enum of the table's own schema is an enumeration, not a raw step.
      expect(module).toContain(`status: enumeration("status", ["open", "paid", "it's shipped"]).default("open")`);
      expect(other.read(`src/music/migrations/${other.list("src/music/migrations")[0]}`)).not.toContain("addRaw");
      const auto = run(2);
      expect(await newMigration({ app: "music", auto: true }, auto.deps), auto.stderr()).toBe(0);
      expect(auto.stdout()).toContain("No changes detected");
      const drift = run(3);
      expect(await check({ drift: true, json: true }, drift.deps), drift.stdout()).toBe(0);
    } finally {
      await source.drop();
      other.remove();
    }
  });
});
