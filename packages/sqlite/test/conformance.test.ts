import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, test } from "vitest";
import type { Connection } from "@mig/core/dialect";
import { defineConformanceSuite } from "@mig/core/testing";
import { sqliteDialect } from "@mig/sqlite";

// One database file for this test file; every test starts from an empty database.
const dir = mkdtempSync(join(tmpdir(), "mig-sqlite-conformance-"));
const filename = join(dir, "conformance.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function reset(connection: Connection): Promise<void> {
  const { rows } = await connection.query<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  // Foreign keys off while dropping, so the order of the drops does not matter (foreignkeys.html#fk_enable).
  await connection.query("PRAGMA foreign_keys = OFF");
  for (const { name } of rows) await connection.query(`DROP TABLE ${sqliteDialect.emitter.hooks.quoteIdentifier(name)}`);
  await connection.query("PRAGMA foreign_keys = ON");
}

defineConformanceSuite({
  dialect: sqliteDialect,
  connect: () => sqliteDialect.connect({ filename }),
  reset,
  test,
  // The kit also compares the SQL a scenario's migration emits, where a dialect declares it.
  expectedSql: {
    "schema: index: add and drop": ['CREATE INDEX "band_popularity_idx" ON "band" ("popularity")'],
    "schema: rename a column keeps its data": ['ALTER TABLE "band" RENAME COLUMN "name" TO "title"'],
  },
});
