import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type DatabaseKind, type TestDatabase } from "./support/test-database";
import { runMig } from "./support/run-mig";

/** The playground's committed history, applied and reversed on one database with the real CLI. */
export function playgroundScenario(kind: DatabaseKind): void {
  describe(`the playground on ${kind}`, () => {
    let dir: string;
    let db: TestDatabase;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), "mig-playground-"));
      db = await createTestDatabase(kind, dir);
    });
    afterAll(async () => {
      await db?.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    const query = async <Row>(sql: string): Promise<Row[]> => {
      const connection = await db.connect();
      try {
        return (await connection.query<Row>(sql)).rows;
      } finally {
        await connection.close();
      }
    };
    const tables = async () => {
      const connection = await db.connect();
      try {
        return (await db.dialect.introspector.introspect(connection)).tableNames().filter((t) => !t.startsWith("mig_"));
      } finally {
        await connection.close();
      }
    };

    it("forwards all applies every migration, music before shop, and seeds the bands", async () => {
      const result = await runMig(["forwards", "all"], db.url);
      expect(result.code, result.stderr).toBe(0);
      const lines = result.stdout.split("\n").filter((l) => l.startsWith("✓"));
      expect(lines.map((l) => l.split(" ")[1])).toEqual(["music", "music", "music", "music", "music", "shop"]);
      expect(result.stdout).toMatch(/^Applied 6 migrations in /m);
      expect(await tables()).toEqual(["album", "band", "customer", "manager", "product", "purchase", "purchase_item", "track"]);
      const bands = await query<{ name: string }>("SELECT name FROM band ORDER BY name");
      expect(bands.map((b) => b.name)).toEqual(["Pink Floyd", "Portishead", "Radiohead"]);
      expect(await query<{ title: string }>("SELECT title FROM album")).toHaveLength(5);
    });

    it("check lists every migration as applied, none edited", async () => {
      const result = await runMig(["check", "--json"], db.url);
      expect(result.code, result.stderr).toBe(0);
      const rows = JSON.parse(result.stdout) as { app: string; applied: boolean; checksumMismatch: boolean }[];
      expect(rows).toHaveLength(6);
      expect(rows.every((r) => r.applied && !r.checksumMismatch)).toBe(true);
    });

    it("check --drift finds the database to be exactly what the history made (exit 0)", async () => {
      const result = await runMig(["check", "--drift", "--json"], db.url);
      expect(JSON.parse(result.stdout)).toEqual({ drift: false, differences: [], notCompared: [] });
      expect(result.code, result.stderr).toBe(0);
    });

    it("backwards all removes everything, the seed data first; forwards all brings it back", async () => {
      const back = await runMig(["backwards", "all", "all", "--auto-agree"], db.url);
      expect(back.code, back.stderr).toBe(0);
      expect(await tables()).toEqual([]);
      const again = await runMig(["forwards", "all"], db.url);
      expect(again.code, again.stderr).toBe(0);
      expect(await query<{ name: string }>("SELECT name FROM band")).toHaveLength(3);
    });
  });
}
