import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { type RunnerEvent, runForwards } from "@mig/core";
import { type Connection, type TableSchema, isMigError } from "@mig/core/dialect";
import { col, schema, testMigration, testMigrationId } from "@mig/core/testing";
import { acquireSqliteMigrationLock, sqliteDialect } from "@mig/sqlite";

const dialect = sqliteDialect;
const tableOf = (name: string): TableSchema => schema({ name, columns: [col("id", "serial")] }).table(name) as TableSchema;
const sources = ["a", "b", "c", "d", "e"].map((name, i) =>
  testMigration({
    appName: "music",
    id: testMigrationId(i + 1),
    operations: [{ kind: "create_table", schema: tableOf(name) }],
    // Yield to the event loop inside each migration so that concurrent runs interleave.
    raw: async () => new Promise((resolve) => setTimeout(resolve, 5)),
  }),
);

let dir: string;
let filename: string;
const open: Connection[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "mig-concurrency-"));
  filename = join(dir, "test.db");
});
afterEach(async () => {
  for (const connection of open.splice(0)) await connection.close();
  rmSync(dir, { recursive: true, force: true });
});
const connect = async () => {
  const connection = await dialect.connect({ filename });
  open.push(connection);
  return connection;
};

it("eight runs at once apply every migration exactly once", async () => {
  const connections = await Promise.all(Array.from({ length: 8 }, connect));
  const results = await Promise.all(connections.map((connection) => runForwards({ dialect, connection, sources })));
  expect(results.every((r) => r.ok)).toBe(true);
  const applied = results.flatMap((r) => r.migrations.filter((m) => m.status === "applied").map((m) => m.id));
  expect(applied.sort()).toEqual(sources.map((s) => s.id));
  const { rows } = await connections[0]!.query<{ n: number }>("SELECT COUNT(*) AS n FROM mig_migrations");
  expect(rows[0]?.n).toBe(5);
});

it("waits for the lock, says so, and gives up with MIG_E_LOCK_TIMEOUT", async () => {
  const connection = await connect();
  const held = await acquireSqliteMigrationLock(filename, { timeoutMs: 1000 });
  const events: RunnerEvent[] = [];
  try {
    const error = await runForwards({ dialect, connection, sources, lockTimeoutMs: 200, onEvent: (e) => events.push(e) }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isMigError(error, "MIG_E_LOCK_TIMEOUT")).toBe(true);
    expect(events.map((e) => e.type)).toEqual(["lock-wait"]);
  } finally {
    held.release();
  }
  const result = await runForwards({ dialect, connection, sources, lockTimeoutMs: 200 });
  expect(result.ok).toBe(true);
  expect(result.migrations).toHaveLength(5);
});
