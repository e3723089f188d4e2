import { rmSync } from "node:fs";
import { join } from "node:path";
import { requireIntrospector, type Connection } from "@mig/core/dialect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type DatabaseKind, type TestDatabase } from "../support/databases";
import { configText, MUSIC, SHOP } from "../support/fixtures";
import { createProject, type TestProject } from "../support/project";
import { runMig, type MigResult } from "../support/run-mig";

interface CheckRow {
  app: string;
  id: string;
  description: string;
  applied: boolean;
  checksumMismatch: boolean;
}

/**
 * The command scenarios of the contract, run with the built `mig` binary against one database.
 * The steps build on each other, in order, like a user's session.
 */
export function commandScenarios(kind: DatabaseKind): void {
  describe(`mig on ${kind} (built binary)`, () => {
    let project: TestProject;
    let db: TestDatabase;
    const mig = (...args: string[]): Promise<MigResult> => runMig(args, { cwd: project.dir, env: { DATABASE_URL: db.url } });
    const ok = async (...args: string[]): Promise<MigResult> => {
      const result = await mig(...args);
      if (result.code !== 0) throw new Error(`mig ${args.join(" ")} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
      return result;
    };
    const status = async (): Promise<CheckRow[]> => JSON.parse((await ok("check", "--json")).stdout) as CheckRow[];
    const ids = async (app: string) => (await status()).filter((r) => r.app === app).map((r) => r.id);
    const appliedIds = async () => (await status()).filter((r) => r.applied).map((r) => `${r.app}:${r.description}`);
    const withDb = async <T>(fn: (connection: Connection) => Promise<T>): Promise<T> => {
      const connection = await db.connect();
      try {
        return await fn(connection);
      } finally {
        await connection.close();
      }
    };
    const schema = () => withDb((c) => requireIntrospector(db.dialect, "the test").introspect(c));
    const userTables = async () => (await schema()).tableNames().filter((name) => !name.startsWith("mig_"));
    const columns = async (table: string) => (await schema()).table(table)?.columns.map((c) => c.name) ?? [];
    const trackingRows = () =>
      withDb(async (c) => (await c.query<{ app_name: string; name: string }>("SELECT app_name, name FROM mig_migrations ORDER BY app_name, name")).rows.map((r) => `${r.app_name}:${r.name}`));

    beforeAll(async () => {
      project = createProject(`e2e-${kind}`, { "mig.config.ts": configText(), "src/music/tables.ts": MUSIC.initial, "src/shop/tables.ts": SHOP });
      db = await createTestDatabase(kind, project.dir);
    });
    afterAll(async () => {
      await db?.drop();
      project?.remove();
    });

    it("new --auto writes a history: tables, a column, an index; shop's FKs into music", async () => {
      await ok("new", "music", "--auto", "--desc", "initial tables");
      await ok("new", "shop", "--auto", "--desc", "products");
      project.write("src/music/tables.ts", MUSIC.addColumn);
      await ok("new", "music", "--auto", "--desc", "band country");
      project.write("src/music/tables.ts", MUSIC.addIndex);
      const index = await ok("new", "music", "--auto", "--desc", "popularity index");
      expect(index.stdout).toMatch(/^Created src\/music\/migrations\/music_\d{4}_\d\d_\d\dt\d\d_\d\d_\d\d_\d{6}\.ts$/m);
      expect(project.list("src/music/migrations")).toHaveLength(3);
      expect(project.list("src/shop/migrations")).toHaveLength(1);
    });

    it("new with no changes says so and writes nothing; new all needs --auto", async () => {
      expect((await ok("new", "music", "--auto")).stdout).toContain("No changes detected");
      expect((await ok("new", "all", "--auto")).stdout).toContain("No changes detected");
      const refused = await mig("new", "all");
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/^error MIG_E_USAGE: /);
      expect(project.list("src/music/migrations")).toHaveLength(3);
    });

    it("forwards --preview prints the SQL and changes nothing", async () => {
      const preview = await ok("forwards", "all", "--preview");
      expect(preview.stdout).toMatch(/CREATE TABLE/);
      expect(preview.stdout).toContain("Preview only: nothing was changed (4 migrations)");
      expect(await userTables()).toEqual([]);
    });

    it("forwards 1, an ID, an already-applied ID, an unknown ID", async () => {
      const music = await ids("music");
      const first = await ok("forwards", "music", "1");
      expect(first.stdout).toMatch(new RegExp(`^✓ music ${music[0]} initial tables applied in \\d+`, "m"));
      expect(await appliedIds()).toEqual(["music:initial tables"]);
      await ok("forwards", "music", music[1]!);
      expect(await appliedIds()).toEqual(["music:initial tables", "music:band country"]);
      expect((await ok("forwards", "music", music[0]!)).stdout).toContain(`Migration music ${music[0]} has already been run`);
      const unknown = await mig("forwards", "music", "2001-01-01T00:00:00:000000", "--json");
      expect(unknown.code).toBe(2);
      expect(JSON.parse(unknown.stdout).error.code).toBe("MIG_E_UNKNOWN_MIGRATION");
    });

    it("forwards all applies the rest in dependency order, then has nothing to do", async () => {
      const result = await ok("forwards", "all");
      expect(result.stdout.split("\n").filter((l) => l.startsWith("✓")).map((l) => l.split(" ")[1])).toEqual(["music", "shop"]);
      expect(result.stdout).toMatch(/^Applied 2 migrations in /m);
      expect(await userTables()).toEqual(["band", "manager", "product"]);
      expect((await schema()).table("band")?.indexes.map((i) => i.name)).toContain("band_popularity_idx");
      expect((await ok("forwards", "all")).stdout).toContain("No migrations need to be run");
    });

    it("check lists every migration as applied", async () => {
      const text = await ok("check");
      expect(text.stdout).toMatch(/^APP\s+MIGRATION_ID\s+DESCRIPTION\s+APPLIED\s+CHECKSUM$/m);
      expect(text.stdout).toContain("4 applied, 0 pending");
      const rows = await status();
      expect(rows.map((r) => [r.app, r.description, r.applied, r.checksumMismatch])).toEqual([
        ["music", "initial tables", true, false],
        ["music", "band country", true, false],
        ["music", "popularity index", true, false],
        ["shop", "products", true, false],
      ]);
    });

    it("backwards without a terminal and without --auto-agree exits 3 and changes nothing", async () => {
      const refused = await mig("backwards", "music", "all", "--json");
      expect(refused.code).toBe(3);
      expect(JSON.parse(refused.stdout).error.code).toBe("MIG_E_NEEDS_INPUT");
      expect(await userTables()).toEqual(["band", "manager", "product"]);
    });

    it("backwards 1 (the default) says the data is lost, then an ID, an unknown ID, all, nothing applied", async () => {
      const shop = await ok("backwards", "shop", "--auto-agree");
      expect(shop.stderr).toMatch(/warning reversing drops data .*table product/);
      expect(shop.stdout).toMatch(/^Reversed 1 migration in /m);
      expect(await userTables()).toEqual(["band", "manager"]);
      const music = await ids("music");
      await ok("backwards", "music", music[1]!, "--auto-agree");
      expect(await appliedIds()).toEqual(["music:initial tables"]);
      expect(await columns("band")).not.toContain("country");
      expect((await mig("backwards", "music", "2001-01-01T00:00:00:000000", "--auto-agree")).code).toBe(2);
      await ok("backwards", "all", "all", "--auto-agree");
      expect(await userTables()).toEqual([]);
      expect((await ok("backwards", "music", "--auto-agree")).stdout).toContain("No migrations to reverse!");
    });

    it("a rename is refused without a terminal (exit 3, every question listed, nothing written)", async () => {
      await ok("forwards", "all");
      await withDb((c) => c.query("INSERT INTO band (name, popularity) VALUES ('Pink Floyd', 10)"));
      project.write("src/music/tables.ts", MUSIC.renameColumn);
      const refused = await mig("new", "music", "--auto", "--json");
      expect(refused.code).toBe(3);
      const { error } = JSON.parse(refused.stdout) as { error: { code: string; problems: { message: string }[] } };
      expect(error.code).toBe("MIG_E_NEEDS_INPUT");
      expect(error.problems[0]?.message).toBe("Did you rename column band.name to band.title? (y/N)");
      expect(project.list("src/music/migrations")).toHaveLength(3);
    });

    it("a rename answered by --rename keeps the data", async () => {
      const created = await ok("new", "music", "--auto", "--rename", "band.name=band.title", "--desc", "rename band name");
      expect(created.stdout).toContain("rename column band.name to title");
      await ok("forwards", "music");
      expect(await columns("band")).toEqual(expect.arrayContaining(["title"]));
      expect(await columns("band")).not.toContain("name");
      const rows = await withDb(async (c) => (await c.query<{ title: string }>("SELECT title FROM band")).rows);
      expect(rows).toEqual([{ title: "Pink Floyd" }]);
    });

    it("a rename answered by --auto-input y", async () => {
      project.write("src/music/tables.ts", MUSIC.renameManager);
      await ok("new", "music", "--auto", "--auto-input", "y", "--desc", "manager full name");
      await ok("forwards", "all");
      expect(await columns("manager")).toEqual(["id", "full_name"]);
      expect((await ok("new", "all", "--auto")).stdout).toContain("No changes detected");
    });

    it("--fake refuses several without a terminal, records one, then all with --auto-agree", async () => {
      await withDb((c) => c.query("DELETE FROM band"));
      await ok("backwards", "all", "all", "--auto-agree");
      const refused = await mig("forwards", "music", "--fake");
      expect(refused.code).toBe(3);
      expect(await trackingRows()).toEqual([]);
      await ok("forwards", "music", "1", "--fake");
      expect(await appliedIds()).toEqual(["music:initial tables"]);
      expect(await userTables()).toEqual([]);
      await ok("forwards", "all", "--fake", "--auto-agree");
      expect((await status()).every((r) => r.applied)).toBe(true);
      expect(await userTables()).toEqual([]);
    });

    it("clean removes only the orphans of the app it is given", async () => {
      const musicFiles = project.list("src/music/migrations");
      const lastMusic = (await ids("music")).at(-1)!;
      const shopId = (await ids("shop"))[0]!;
      rmSync(join(project.dir, "src/music/migrations", musicFiles.at(-1)!));
      rmSync(join(project.dir, "src/shop/migrations", project.list("src/shop/migrations")[0]!));
      expect((await mig("clean", "music")).code).toBe(3);
      const cleaned = await ok("clean", "music", "--auto-agree", "--json");
      expect(JSON.parse(cleaned.stdout)).toEqual({ app: "music", removed: [{ app: "music", id: lastMusic }] });
      const rows = await trackingRows();
      expect(rows).not.toContain(`music:${lastMusic}`);
      expect(rows).toContain(`shop:${shopId}`);
      expect(rows.filter((r) => r.startsWith("music:"))).toHaveLength(4);
    });
  });
}
