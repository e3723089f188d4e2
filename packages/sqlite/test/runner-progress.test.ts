import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type MigrationSource, type RunnerEvent, migrationStatus, runBackwards, runForwards } from "@mig/core";
import { type Connection, type TableSchema } from "@mig/core/dialect";
import { col, schema, testMigration, testMigrationId } from "@mig/core/testing";
import { createSqliteDialect } from "@mig/sqlite";

/**
 * SQLite with transactional DDL turned off: the runner's step-by-step path (the one MySQL takes),
 * on a database that needs no server.
 */
const dialect = createSqliteDialect({ capabilities: { transactionalDdl: false } });
const id = testMigrationId;
const tableOf = (name: string): TableSchema => schema({ name, columns: [col("id", "serial")] }).table(name) as TableSchema;

let dir: string;
let connection: Connection;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "mig-progress-"));
  connection = await dialect.connect({ filename: join(dir, "test.db") });
});
afterEach(async () => {
  await connection.close();
  rmSync(dir, { recursive: true, force: true });
});

const tables = async () => [...(await dialect.introspector.introspect(connection)).tableNames()];
const progressRows = async () =>
  (await connection.query("SELECT app_name, name, direction, statements_done, total, checksum, error FROM mig_migrations_progress")).rows;

/** Migration 2 creates two tables, then runs a raw function that fails while `failing.forwards` is set. */
const failing = { forwards: true, backwards: false };
function sources(text = "v1"): MigrationSource[] {
  return [
    testMigration({ appName: "music", id: id(1), operations: [{ kind: "create_table", schema: tableOf("band") }] }),
    testMigration({
      appName: "music",
      id: id(2),
      text,
      operations: [
        { kind: "create_table", schema: tableOf("manager") },
        { kind: "create_table", schema: tableOf("venue") },
      ],
      raw: async () => {
        if (failing.forwards) throw new Error("raw failed");
      },
      rawBackwards: async () => {
        if (failing.backwards) throw new Error("raw backwards failed");
      },
    }),
    testMigration({ appName: "music", id: id(3), operations: [{ kind: "create_table", schema: tableOf("ticket") }] }),
  ];
}

describe("without transactional DDL", () => {
  beforeEach(() => {
    failing.forwards = true;
    failing.backwards = false;
  });

  it("reports a failed migration exactly and resumes after the last completed step", async () => {
    const failed = await runForwards({ dialect, connection, sources: sources() });
    expect(failed.migrations.map((m) => m.status)).toEqual(["applied", "failed", "skipped"]);
    expect(failed.migrations[1]).toMatchObject({ statementsRun: 2, statementsTotal: 3 });
    expect(failed.error?.code).toBe("MIG_E_MIGRATION_FAILED");
    expect(await tables()).toEqual(["band", "manager", "venue"]);
    expect(await progressRows()).toEqual([
      { app_name: "music", name: id(2), direction: "forwards", statements_done: 2, total: 3, checksum: sources()[1]?.checksum, error: expect.stringContaining("raw failed") },
    ]);
    const status = await migrationStatus({ dialect, connection, sources: sources() });
    expect(status.migrations[1]).toMatchObject({ applied: false, partial: { direction: "forwards", statementsDone: 2, total: 3 } });

    failing.forwards = false;
    const events: RunnerEvent[] = [];
    const resumed = await runForwards({ dialect, connection, sources: sources(), onEvent: (e) => events.push(e) });
    expect(resumed.ok).toBe(true);
    expect(resumed.migrations.map((m) => [m.id, m.status, m.statementsRun])).toEqual([[id(2), "applied", 3], [id(3), "applied", 1]]);
    expect(events.find((e) => e.type === "migration-start")).toMatchObject({ id: id(2), resumeFrom: 2 });
    expect(await progressRows()).toEqual([]);
    expect(await tables()).toEqual(["band", "manager", "ticket", "venue"]);
  });

  it("refuses to resume when the file changed, and refuses to go backwards past a half-applied migration", async () => {
    await runForwards({ dialect, connection, sources: sources() });
    failing.forwards = false;
    const changed = await runForwards({ dialect, connection, sources: sources("v2") });
    expect(changed.error?.code).toBe("MIG_E_PARTIAL");
    const backwards = await runBackwards({ dialect, connection, sources: sources() });
    expect(backwards.error?.code).toBe("MIG_E_PARTIAL");
    expect(await tables()).toEqual(["band", "manager", "venue"]);
  });

  it("records a half-reversed migration and finishes reversing it on the next backwards run", async () => {
    failing.forwards = false;
    await runForwards({ dialect, connection, sources: sources() });
    failing.backwards = true;
    // Backwards plan of migration 2: raw-backwards first (mirrored position), then drop venue, drop manager.
    const failed = await runBackwards({ dialect, connection, sources: sources(), target: id(2) });
    expect(failed.migrations.map((m) => [m.id, m.status])).toEqual([[id(3), "applied"], [id(2), "failed"]]);
    expect(failed.migrations[1]).toMatchObject({ statementsRun: 0, statementsTotal: 3 });
    expect(await progressRows()).toMatchObject([{ name: id(2), direction: "backwards", statements_done: 0 }]);
    expect((await runForwards({ dialect, connection, sources: sources() })).error?.code).toBe("MIG_E_PARTIAL");

    failing.backwards = false;
    const resumed = await runBackwards({ dialect, connection, sources: sources(), target: id(2) });
    expect(resumed.ok).toBe(true);
    expect(await tables()).toEqual(["band"]);
    expect(await progressRows()).toEqual([]);
  });
});
