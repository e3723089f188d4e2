import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run as check } from "../../src/commands/check/run";
import { run as forwards } from "../../src/commands/forwards/run";
import { run as newMigration } from "../../src/commands/new/run";
import { createTestDatabase, type DatabaseKind, execSql, type TestDatabase } from "../support/databases";
import { createProject, type TestProject } from "../support/project";
import { testDeps } from "../support/test-deps";

const CONFIG = `import { defineConfig } from "@mig/core";

export default defineConfig({
  apps: [{ name: "catalog", tables: "./src/catalog/tables.ts", migrations: "./src/catalog/migrations" }],
});
`;

const TABLES = `import { integer, table, text, varchar } from "@mig/core";

export const Genre = table("genre", {
  name: varchar({ length: 50 }).index(),
  rank: integer().default(0),
});
`;

const TABLES_WITH_NOTE = TABLES.replace("rank: integer().default(0),", "rank: integer().default(0),\n  note: text().nullable(),");

/** Hand-made changes, as each database's users make them. */
const BY_HAND: Readonly<Record<DatabaseKind, { dropIndex: string; addIndex: string }>> = {
  postgres: { dropIndex: `DROP INDEX genre_name_idx`, addIndex: `CREATE INDEX genre_name_idx ON genre (name)` },
  mysql: { dropIndex: `DROP INDEX genre_name_idx ON genre`, addIndex: `CREATE INDEX genre_name_idx ON genre (name)` },
  sqlite: { dropIndex: `DROP INDEX genre_name_idx`, addIndex: `CREATE INDEX genre_name_idx ON genre (name)` },
};

interface DriftJson {
  drift: boolean;
  differences: { change: string; entity: string; table: string; name?: string; aspects?: string[] }[];
}

/**
 * `mig check --drift` and the drift guard of `mig forwards` on one database: a freshly migrated
 * database has no drift; a column added, an index dropped and a default changed by hand are each
 * reported; forwards refuses to run on top of them unless --ignore-drift.
 */
export function driftScenarios(kind: DatabaseKind): void {
  describe(`drift on ${kind}`, () => {
    let project: TestProject;
    let db: TestDatabase;
    let ids = 0;
    const io = () => testDeps({ cwd: project.dir, env: { DATABASE_URL: db.url }, ids: [`2026-12-01T10:00:0${++ids}:000000`] });
    const exec = (...statements: string[]) => execSql(db, statements);
    const drift = async (): Promise<{ code: number; report: DriftJson }> => {
      const run = io();
      const code = await check({ drift: true, json: true }, run.deps);
      return { code, report: JSON.parse(run.stdout()) as DriftJson };
    };

    /** SQLite has no ALTER COLUMN: change the default as its users do, by rebuilding the table. */
    const changeDefault = async (to: number) => {
      if (kind !== "sqlite") return exec(`ALTER TABLE genre ALTER COLUMN ${kind === "mysql" ? "`rank`" : "rank"} SET DEFAULT ${to}`);
      const connection = await db.connect();
      try {
        const { rows } = await connection.query<{ sql: string }>(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'genre'`);
        const create = rows[0]!.sql.replace(/^CREATE TABLE\s+"?genre"?/, `CREATE TABLE "genre_new"`).replace(/DEFAULT \(?\d+\)?/, `DEFAULT ${to}`);
        for (const sql of [create, `INSERT INTO genre_new SELECT * FROM genre`, `DROP TABLE genre`, `ALTER TABLE genre_new RENAME TO genre`, BY_HAND.sqlite.addIndex]) {
          await connection.query(sql);
        }
      } finally {
        await connection.close();
      }
    };

    beforeAll(async () => {
      project = createProject(`drift-${kind}`, { "mig.config.ts": CONFIG, "src/catalog/tables.ts": TABLES });
      db = await createTestDatabase(kind, project.dir);
      expect(await newMigration({ app: "catalog", auto: true }, io().deps)).toBe(0);
      expect(await forwards({ app: "all" }, io().deps)).toBe(0);
    });
    afterAll(async () => {
      await db?.drop();
      project?.remove();
    });

    it("a freshly migrated database has no drift (exit 0)", async () => {
      const { code, report } = await drift();
      expect(report).toEqual({ drift: false, differences: [], notCompared: [] });
      expect(code).toBe(0);
    });

    it("a column added by hand is reported (exit 1), and no longer once dropped again", async () => {
      await exec(`ALTER TABLE genre ADD COLUMN extra integer`);
      const { code, report } = await drift();
      expect(report.differences).toMatchObject([{ change: "extra", entity: "column", table: "genre", name: "extra" }]);
      expect(code).toBe(1);
      await exec(`ALTER TABLE genre DROP COLUMN extra`);
      expect((await drift()).report.differences).toEqual([]);
    });

    it("an index dropped by hand is reported", async () => {
      await exec(BY_HAND[kind].dropIndex);
      const { code, report } = await drift();
      expect(report.differences).toMatchObject([{ change: "missing", entity: "index", table: "genre", name: "genre_name_idx" }]);
      expect(code).toBe(1);
      await exec(BY_HAND[kind].addIndex);
      expect((await drift()).report.differences).toEqual([]);
    });

    it("a default changed by hand is reported, and forwards refuses to run on it unless --ignore-drift", async () => {
      await changeDefault(5);
      const { code, report } = await drift();
      expect(report.differences).toMatchObject([{ change: "changed", entity: "column", table: "genre", name: "rank", aspects: ["default"] }]);
      expect(code).toBe(1);

      project.write("src/catalog/tables.ts", TABLES_WITH_NOTE);
      expect(await newMigration({ app: "catalog", auto: true }, io().deps)).toBe(0);
      const refused = io();
      expect(await forwards({ app: "catalog", json: true }, refused.deps)).toBe(1);
      const error = JSON.parse(refused.stdout()).error as { code: string; problems: { message: string }[] };
      expect(error.code).toBe("MIG_E_DRIFT");
      expect(error.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^column genre\.rank: default changed \(migrations: 0, database: 5\)/)]);

      const forced = io();
      expect(await forwards({ app: "catalog", ignoreDrift: true }, forced.deps), forced.stderr()).toBe(0);
      // Still drifted: the default is still not the migrations' one.
      expect((await drift()).report.differences).toHaveLength(1);
      await changeDefault(0);
      expect((await drift()).report.differences).toEqual([]);
    });
  });
}
