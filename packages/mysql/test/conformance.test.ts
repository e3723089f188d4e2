import { afterAll, beforeAll, test } from "vitest";
import type { Connection } from "@mig/core/dialect";
import { defineConformanceSuite } from "@mig/core/testing";
import { mysqlDialect } from "@mig/mysql";
import { type TestDatabase, createTestDatabase } from "./support/test-database";

// A fresh database for this test file (MIG_TEST_MYSQL_URL must be set: unset fails, never skips).
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("mig_my_conformance");
});
afterAll(async () => {
  await database?.drop();
});

async function reset(connection: Connection): Promise<void> {
  const { rows } = await connection.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()",
  );
  // Foreign-key checks off while dropping, so the order of the drops does not matter.
  await connection.query("SET FOREIGN_KEY_CHECKS = 0");
  for (const { name } of rows) await connection.query(`DROP TABLE ${mysqlDialect.emitter.hooks.quoteIdentifier(name)}`);
  await connection.query("SET FOREIGN_KEY_CHECKS = 1");
}

defineConformanceSuite({
  dialect: mysqlDialect,
  connect: () => mysqlDialect.connect(database.url),
  reset,
  test,
});
