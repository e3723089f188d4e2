import { type ResolvedCapabilities, resolveCapabilities } from "../dialect/capabilities";
import type { Connection } from "../dialect/connection";
import type { Dialect } from "../dialect/dialect";
import { diff } from "../diff/diff";
import { detectDrift } from "../drift/detect-drift";
import { replayMigrations } from "../manager/replay-migrations";
import type { MigrationSource } from "../runner/migration-source";
import { planForDialect } from "../diff/plan-for-dialect";
import { isMigError } from "../errors/mig-error";
import { requireIntrospector } from "../dialect/require-introspector";
import type { Operation } from "../operations/operation";
import { createRawDb } from "../runner/raw-db";
import { runBackwards } from "../runner/run-backwards";
import { runForwards } from "../runner/run-forwards";
import type { RunResult } from "../runner/runner-types";
import { DEFAULT_TRACKING_TABLE, progressTableName } from "../runner/tracking-schema";
import { schemasOfTables } from "../schema/qualified-table-name";
import { Snapshot } from "../snapshot/snapshot";
import { schemaDifferences } from "./compare-schemas";
import { ConformanceFailure, check, checkEqual, checkRejects, looselyEqual, stableJson } from "./conformance-check";
import type { Rows, ScenarioContext, SchemaScenario } from "./conformance-scenario";
import { testMigration, testMigrationId } from "./test-migration";

const APP = "conformance";

export interface RunScenarioOptions {
  /** The SQL the scenario's migration must emit. */
  readonly expectedSql?: readonly string[];
  /** Plan as `mig new --allow-rebuild` does: what the dialect cannot alter in place is rebuilt. */
  readonly allowRebuild?: boolean;
}

/**
 * Runs one schema scenario on `connection` (an empty database): set up `before`, migrate to
 * `after`, compare with the introspected schema, insert rows, reverse, compare again. A scenario
 * the dialect cannot do must be refused with `MIG_E_UNSUPPORTED`, changing nothing.
 */
export async function runSchemaScenario(dialect: Dialect, connection: Connection, scenario: SchemaScenario, options: RunScenarioOptions = {}): Promise<void> {
  const capabilities = resolveCapabilities(dialect.capabilities);
  const { expectedSql, allowRebuild = false } = options;
  const setup = testMigration({ appName: APP, id: testMigrationId(1), description: "set up", operations: diff(Snapshot.empty(), scenario.before) });
  const { operations, accepted } = planScenario(scenario, capabilities, allowRebuild);
  check(operations.length > 0, `scenario "${scenario.name}" plans no operations`);
  const change = testMigration({ appName: APP, id: testMigrationId(2), description: scenario.name, operations });
  const sources = [setup, change];
  const context = scenarioContext(dialect, connection);

  expectOk(await runForwards({ dialect, connection, sources, target: setup.id }), "setting up the scenario's starting schema");
  await expectSchema(dialect, connection, scenario.before, "after setting up the starting schema", scenario);
  await insertRows(context, scenario.seed);

  if (expectedSql) {
    const preview = await runForwards({ dialect, connection, sources, preview: true });
    checkEqual(preview.migrations[0]?.statements?.map((s) => s.sql), [...expectedSql], `the SQL of "${scenario.name}"`);
  }

  // With rebuilds allowed, the planner decides: what it lowered must then work end to end.
  const supported = allowRebuild ? accepted : (scenario.requires?.(capabilities) ?? true);
  const forwards = await runForwards({ dialect, connection, sources });
  if (!supported) {
    check(!forwards.ok && forwards.error?.code === "MIG_E_UNSUPPORTED", `the dialect's capabilities say it cannot do this, so it must be refused with MIG_E_UNSUPPORTED; got ${describe(forwards)}`);
    await expectSchema(dialect, connection, scenario.before, "after the refusal (nothing may change)", scenario);
    return;
  }
  expectOk(forwards, "applying the migration");
  await expectSchema(dialect, connection, scenario.after, "after applying the migration", scenario);
  await expectNoDrift(dialect, connection, sources);
  await insertRows(context, scenario.rows);
  await scenario.afterForwards?.(context);

  expectOk(await runBackwards({ dialect, connection, sources, target: change.id }), "reversing the migration");
  await expectSchema(dialect, connection, scenario.before, "after reversing the migration", scenario);
  await expectNoDrift(dialect, connection, [setup]);
  await scenario.afterBackwards?.(context);
}

/**
 * The scenario's migration as `mig new --auto` would write it for this dialect: the diff, fitted
 * by `planForDialect` (a dialect without ALTER CONSTRAINT gets a cycle's foreign keys inside its
 * CREATE TABLEs). Where the planner refuses, the diff's plan is used as is, as a hand-written
 * migration would be: then the runner must refuse it.
 */
export function planScenario(
  scenario: SchemaScenario,
  capabilities: ResolvedCapabilities,
  allowRebuild = false,
): { readonly operations: readonly Operation[]; readonly accepted: boolean } {
  const planned: readonly Operation[] = scenario.operations ?? diff(scenario.before, scenario.after, {
    ...(scenario.renames ? { renames: scenario.renames } : {}),
    ...(scenario.backfill ? { backfill: scenario.backfill } : {}),
  });
  try {
    return { operations: planForDialect(planned, capabilities, { from: scenario.before, allowRebuild }), accepted: true };
  } catch (error) {
    if (isMigError(error, "MIG_E_UNSUPPORTED")) return { operations: planned, accepted: false };
    throw error;
  }
}

function expectOk(result: RunResult, what: string): void {
  if (!result.ok) throw new ConformanceFailure(`${what} failed: ${describe(result)}`);
}

function describe(result: RunResult): string {
  if (result.ok) return "it succeeded";
  const error = result.error;
  if (!error) return "it failed without an error";
  const cause = error.cause instanceof Error ? ` (cause: ${error.cause.message})` : "";
  const statement = typeof error.meta.statement === "string" ? `\n  statement: ${error.meta.statement}` : "";
  return `${error.code}: ${error.message}${cause}${statement}`;
}

/** The live schema; `schemas`: named schemas to read besides the connection's own (dialects with schemas). */
export async function introspect(dialect: Dialect, connection: Connection, schemas: readonly string[] = []): Promise<Snapshot> {
  return requireIntrospector(dialect, "the conformance kit").introspect(connection, {
    excludeTables: [DEFAULT_TRACKING_TABLE, progressTableName(DEFAULT_TRACKING_TABLE)],
    ...(schemas.length > 0 ? { schemas } : {}),
  });
}

async function expectSchema(dialect: Dialect, connection: Connection, expected: Snapshot, when: string, scenario?: SchemaScenario): Promise<void> {
  // Every named schema the scenario uses is read at every step, so a table left behind in one is seen.
  const schemas = scenario ? schemasOfTables([...scenario.before.tableNames(), ...scenario.after.tableNames()]) : [];
  const problems = schemaDifferences(dialect, expected, await introspect(dialect, connection, schemas));
  if (problems.length > 0) throw new ConformanceFailure(`The database does not have the intended schema ${when}:\n  - ${problems.join("\n  - ")}`);
}

/** What `mig check --drift` reports after the migrations ran: nothing, whatever the dialect's spellings. */
async function expectNoDrift(dialect: Dialect, connection: Connection, applied: readonly MigrationSource[]): Promise<void> {
  const expected = replayMigrations(await Promise.all(applied.map((source) => source.load())));
  const { differences } = await detectDrift({ dialect, connection, expected });
  if (differences.length > 0) throw new ConformanceFailure(`A freshly migrated database reports drift:\n  - ${differences.map((d) => d.message).join("\n  - ")}`);
}

async function insertRows(context: ScenarioContext, rows: Rows | undefined): Promise<void> {
  for (const [table, list] of Object.entries(rows ?? {})) {
    if (list.length > 0) await context.db.table(table).insert(list);
  }
}

function scenarioContext(dialect: Dialect, connection: Connection): ScenarioContext {
  const db = createRawDb(connection, dialect);
  const q = (name: string) => dialect.emitter.hooks.quoteIdentifier(name);
  return {
    dialect,
    connection,
    capabilities: resolveCapabilities(dialect.capabilities),
    db,
    async expectRows(table, expected, orderBy) {
      const { rows } = await connection.query<Record<string, unknown>>(`SELECT * FROM ${dialect.emitter.hooks.quoteTable(table)} ORDER BY ${q(orderBy)}`);
      const same = rows.length === expected.length && expected.every((want, i) => Object.entries(want).every(([k, v]) => looselyEqual(rows[i]?.[k], v)));
      if (!same) throw new ConformanceFailure(`Rows of "${table}" differ\n  expected (these keys): ${stableJson(expected)}\n  actual: ${stableJson(rows)}`);
    },
    expectFailure: (fn, what) => checkRejects(fn, `expected the database to refuse this (${what}), but it accepted it`),
  };
}
