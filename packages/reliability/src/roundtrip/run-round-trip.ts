import { rmSync } from "node:fs";
import { join } from "node:path";
import {
  type Dialect,
  type MigrationSource,
  type Operation,
  type RunResult,
  type RunnableMigration,
  type Snapshot,
  Snapshot as SnapshotClass,
  diff,
  isMigError,
  replayMigrations,
  resolveCapabilities,
  runBackwards,
  runForwards,
  snapshotFromTables,
} from "@mig/core";
import { type Connection, requireIntrospector } from "@mig/core/dialect";
import { DEFAULT_TRACKING_TABLE, progressTableName } from "@mig/core/internal";
import { schemaDifferences } from "@mig/core/testing";
import { type ModuleLoader, loadMigrationSource, writeAutoMigration } from "../migration-files";
import { type DialectName, dropAllTables } from "../test-database";
import { insertRows, rowProblemsAfterBackwards, rowProblemsAfterForwards } from "./case-rows";
import type { RoundTripCase } from "./generate-case";
import { planAutoMigration } from "./plan-auto-migration";
import { type SchemaModel, toTables } from "./schema-model";

export interface RoundTripEnv {
  readonly dialectName: DialectName;
  readonly dialect: Dialect;
  readonly connection: Connection;
  /** A folder for this case's migration files (removed when the case passes). */
  readonly dir: string;
  readonly load: ModuleLoader;
  readonly allowRebuild: boolean;
}

/** How a case ended when it did not fail: ran both ways, or refused by `mig new` before anything was written. */
export type RoundTripOutcome =
  | { readonly kind: "passed"; readonly operations: readonly Operation["kind"][] }
  | { readonly kind: "unchanged" }
  | { readonly kind: "refused"; readonly code: string; readonly message: string };

const APP = "rt";
const ID_A = "2026-01-01T00:00:00:000001";
const ID_B = "2026-01-01T00:00:00:000002";

/** A failed check of a round trip: the step and every difference found. */
export class RoundTripFailure extends Error {}

function fail(step: string, details: readonly string[]): never {
  throw new RoundTripFailure(`${step}:\n  - ${details.join("\n  - ")}`);
}

function expectOk(result: RunResult, step: string): void {
  if (result.ok) return;
  const e = result.error;
  const cause = e?.cause instanceof Error ? ` (cause: ${e.cause.message})` : "";
  const statement = typeof e?.meta.statement === "string" ? ` statement: ${e.meta.statement}` : "";
  fail(step, [`${e?.code ?? "no error"}: ${e?.message ?? ""}${cause}${statement}`]);
}

function snapshotOf(model: SchemaModel, dialect: Dialect): Snapshot {
  const capabilities = resolveCapabilities(dialect.capabilities);
  // Validated for the dialect as `mig new` does: a type or default the dialect refuses fails the case.
  return snapshotFromTables(toTables(model), { maxIdentifierLength: capabilities.maxIdentifierLength, indexMethods: capabilities.indexMethods, dialect });
}

async function introspect(env: RoundTripEnv): Promise<Snapshot> {
  return requireIntrospector(env.dialect, "the round trip").introspect(env.connection, { excludeTables: [DEFAULT_TRACKING_TABLE, progressTableName(DEFAULT_TRACKING_TABLE)] });
}

async function expectSchema(env: RoundTripEnv, expected: Snapshot, step: string): Promise<void> {
  const problems = schemaDifferences(env.dialect, expected, await introspect(env));
  if (problems.length > 0) fail(`${step}: the database does not have the schema of the migrations`, problems);
}

/** `mig new --auto` run again must say "No changes detected": the replayed migrations give the tables' schema. */
function expectNoChanges(replayed: Snapshot, tables: Snapshot, step: string): void {
  const operations = diff(replayed, tables);
  if (operations.length > 0) fail(`${step}: replaying the migrations does not give the tables' schema`, operations.map((o) => JSON.stringify(o)));
}

async function expectTracking(env: RoundTripEnv, ids: readonly string[], step: string): Promise<void> {
  const q = (name: string) => env.dialect.emitter.hooks.quoteIdentifier(name);
  const { rows } = await env.connection.query<{ app_name: string; name: string }>(`SELECT ${q("app_name")}, ${q("name")} FROM ${q(DEFAULT_TRACKING_TABLE)} ORDER BY ${q("name")}`);
  const got = rows.map((r) => `${r.app_name}/${r.name}`);
  const want = ids.map((id) => `${APP}/${id}`);
  if (JSON.stringify(got) !== JSON.stringify(want)) fail(`${step}: tracking rows`, [`got ${JSON.stringify(got)}`, `want ${JSON.stringify(want)}`]);
}

async function migrationFor(env: RoundTripEnv, id: string, operations: readonly Operation[]): Promise<MigrationSource & { manager: RunnableMigration }> {
  const written = writeAutoMigration(join(env.dir, "migrations"), { appName: APP, id, operations });
  return loadMigrationSource(written.path, APP, env.load);
}

/**
 * One round trip, as a user would make it: `mig new --auto` for A (from nothing) and `forwards`;
 * rows in; the tables changed to B, `mig new --auto` with the renames decided, `forwards`; then
 * `backwards` twice. After every step the introspected schema must be the migrations' schema and
 * the rows must hold what they held (or what the change says they get).
 */
export async function runRoundTrip(env: RoundTripEnv, c: RoundTripCase): Promise<RoundTripOutcome> {
  const { dialect, connection } = env;
  await dropAllTables(env.dialectName, connection);
  rmSync(env.dir, { recursive: true, force: true });

  const tablesA = snapshotOf(c.a, dialect);
  const m1 = await migrationFor(env, ID_A, await planAutoMigration({ dialect, from: SnapshotClass.empty(), to: tablesA, allowRebuild: env.allowRebuild }));
  const replayA = replayMigrations([m1.manager]);
  expectNoChanges(replayA, tablesA, "after writing migration 1");
  expectOk(await runForwards({ dialect, connection, sources: [m1] }), "forwards (migration 1)");
  await expectSchema(env, replayA, "after forwards (migration 1)");
  await insertRows(dialect, connection, c);

  const tablesB = snapshotOf(c.b, dialect);
  let operations: readonly Operation[];
  try {
    operations = await planAutoMigration({ dialect, from: replayA, to: tablesB, renames: c.renames, backfill: c.backfill, allowRebuild: env.allowRebuild });
  } catch (error) {
    if (isMigError(error, "MIG_E_UNSUPPORTED") || isMigError(error, "MIG_E_DIFF")) {
      await expectSchema(env, replayA, "after mig new refused");
      return { kind: "refused", code: error.code, message: error.message };
    }
    throw error;
  }
  if (operations.length === 0) return { kind: "unchanged" };

  const m2 = await migrationFor(env, ID_B, operations);
  const replayB = replayMigrations([m1.manager, m2.manager]);
  expectNoChanges(replayB, tablesB, "after writing migration 2");
  const sources = [m1, m2];
  const forwards = await runForwards({ dialect, connection, sources });
  expectOk(forwards, "forwards (migration 2)");
  await expectSchema(env, replayB, "after forwards (migration 2)");
  const afterForwards = await rowProblemsAfterForwards(dialect, connection, c);
  if (afterForwards.length > 0) fail("rows after forwards", afterForwards);
  const again = await runForwards({ dialect, connection, sources });
  if (!again.ok || !again.nothingToDo) fail("forwards again", ["expected nothing to do"]);
  await expectTracking(env, [ID_A, ID_B], "after forwards");

  expectOk(await runBackwards({ dialect, connection, sources, target: "1" }), "backwards (migration 2)");
  await expectSchema(env, replayA, "after backwards (migration 2)");
  const afterBackwards = await rowProblemsAfterBackwards(dialect, connection, c);
  if (afterBackwards.length > 0) fail("rows after backwards", afterBackwards);
  await expectTracking(env, [ID_A], "after backwards");

  expectOk(await runBackwards({ dialect, connection, sources, target: "all" }), "backwards (migration 1)");
  await expectSchema(env, SnapshotClass.empty(), "after backwards (all)");
  await expectTracking(env, [], "after backwards all");

  rmSync(env.dir, { recursive: true, force: true });
  return { kind: "passed", operations: m2.manager.forwardsPlan().map((o) => o.kind) };
}
