import { afterAll, beforeAll } from "vitest";
import type { Connection } from "@mig/core/dialect";
import { type DialectName, type TestDatabase, createTestDatabase } from "../../src/test-database";

export interface CliDatabase {
  readonly db: TestDatabase;
  /** An open connection of the test process, for checks. */
  readonly connection: Connection;
}

/**
 * A fresh database for the tests of one dialect in this file (created before them, dropped
 * after). The returned object is filled in by `beforeAll`.
 */
export function useDatabase(dialectName: DialectName, prefix = "mig_rel_cli"): CliDatabase {
  const holder = {} as { db: TestDatabase; connection: Connection };
  beforeAll(async () => {
    holder.db = await createTestDatabase(dialectName, prefix);
    holder.connection = await holder.db.connect();
  });
  afterAll(() => holder.db?.drop());
  return holder;
}
