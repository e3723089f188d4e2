import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import type { Connection } from "@mig/core/dialect";
import { defineConformanceSuite } from "@mig/core/testing";
import { pgliteDialect } from "mig-dialect-pglite";

// One data dir for this file, opened through a URL as a project would. The first connection stays
// open until the end, so that every test joins the same PGlite instance instead of starting it again.
const dir = mkdtempSync(join(tmpdir(), "mig-pglite-conformance-"));
const url = `pglite:${join(dir, "data")}`;
let keeper: Promise<Connection> | undefined;

afterAll(async () => {
  await (await keeper)?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function connect(): Promise<Connection> {
  keeper ??= pgliteDialect.connect(url);
  await keeper;
  return pgliteDialect.connect(url);
}

/** An empty database: the public schema dropped with everything in it, and made again; the kit's own schemas (`kit_…`) dropped. */
async function reset(connection: Connection): Promise<void> {
  await connection.query(`DO $$ DECLARE s text; BEGIN FOR s IN SELECT nspname FROM pg_namespace WHERE nspname LIKE 'kit\\_%' LOOP EXECUTE format('DROP SCHEMA %I CASCADE', s); END LOOP; END $$`);
  await connection.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
}

/** PGlite must emit exactly PostgreSQL's SQL: two scenarios pin it. */
const expectedSql = {
  "schema: add a nullable column": ['ALTER TABLE "band" ADD COLUMN "notes" TEXT'],
  "schema: index: add and drop": ['CREATE INDEX "band_popularity_idx" ON "band" ("popularity")'],
};

const registered = defineConformanceSuite({ dialect: pgliteDialect, connect, reset, test, expectedSql });

test("the kit registers every shared scenario for pglite", () => {
  expect(registered.filter((name) => name.startsWith("schema: ")).length).toBeGreaterThan(10);
  expect(registered.filter((name) => name.startsWith("runner: ")).length).toBeGreaterThan(3);
});
