import { afterAll, beforeAll, test } from "vitest";
import type { Connection } from "@mig/core/dialect";
import { defineConformanceSuite } from "@mig/core/testing";
import { postgresDialect } from "@mig/postgres";
import { type TestDatabase, createTestDatabase } from "./support/test-database";

// A fresh database for this test file (MIG_TEST_POSTGRES_URL must be set: unset fails, never skips).
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("mig_pg_conformance");
});
afterAll(async () => {
  await database?.drop();
});

async function reset(connection: Connection): Promise<void> {
  // The kit's named schemas (`kit_…`) too, should a failed scenario leave one behind.
  await connection.query(`DO $$ DECLARE s text; BEGIN FOR s IN SELECT nspname FROM pg_namespace WHERE nspname LIKE 'kit\\_%' LOOP EXECUTE format('DROP SCHEMA %I CASCADE', s); END LOOP; END $$`);
  await connection.query("DROP SCHEMA public CASCADE");
  await connection.query("CREATE SCHEMA public");
}

defineConformanceSuite({
  dialect: postgresDialect,
  connect: () => postgresDialect.connect(database.url),
  reset,
  test,
});
