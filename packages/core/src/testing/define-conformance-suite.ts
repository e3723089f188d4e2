import { resolveCapabilities } from "../dialect/capabilities";
import type { Connection } from "../dialect/connection";
import type { Dialect } from "../dialect/dialect";
import { MigError } from "../errors/mig-error";
import { DEFAULT_TRACKING_TABLE } from "../runner/tracking-schema";
import type { RunnerScenario, RunnerScenarioContext, SchemaScenario } from "./conformance-scenario";
import { introspect, planScenario, runSchemaScenario } from "./run-schema-scenario";
import { RUNNER_SCENARIOS } from "./runner-scenarios";
import { SCHEMA_SCENARIOS } from "./scenarios/index";

export interface ConformanceSuiteOptions {
  readonly dialect: Dialect;
  /** Opens a connection to the test database (the kit closes it). Called once per test, and again for concurrency tests. */
  readonly connect: () => Promise<Connection>;
  /** Empties the test database: no tables, no tracking tables. Called before every test. */
  readonly reset: (connection: Connection) => Promise<void>;
  /** Your test runner's `test`/`it`: the kit registers one test per scenario and imports no runner. */
  readonly test: (name: string, fn: () => Promise<void>) => void;
  /** Names of tests to leave out (each must exist: a typo is an error, not a silent skip). */
  readonly skip?: readonly string[];
  /** The SQL your emitter is expected to produce for a scenario's migration, by test name. */
  readonly expectedSql?: Readonly<Record<string, readonly string[]>>;
  /** Scenarios of your own, run like the shared ones. */
  readonly extraScenarios?: readonly SchemaScenario[];
}

/**
 * Test names of the shared scenarios: `schema: <name>`, `schema: <name> (table rebuild)` for the
 * rebuild variant of a change a dialect with `rebuildTable` cannot make in place, and `runner: <name>`.
 */
export const schemaTestName = (scenario: SchemaScenario): string => `schema: ${scenario.name}`;
export const rebuildTestName = (scenario: SchemaScenario): string => `schema: ${scenario.name} (table rebuild)`;
export const runnerTestName = (scenario: RunnerScenario): string => `runner: ${scenario.name}`;

/**
 * Registers the conformance suite for a dialect with your test runner: every shared schema
 * scenario (apply → introspect → no diff → rows → reverse → introspect → the original, or a
 * `MIG_E_UNSUPPORTED` refusal where the capability flags say so) and every runner scenario.
 * Returns the names of the registered tests.
 *
 * @example
 * ```ts
 * import { test } from "vitest";
 * import { defineConformanceSuite } from "@mig/core/testing";
 * import { myDialect } from "../src";
 *
 * defineConformanceSuite({
 *   dialect: myDialect,
 *   connect: () => myDialect.connect(process.env.MY_TEST_URL!),
 *   reset: async (connection) => { await connection.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public"); },
 *   test,
 * });
 * ```
 */
export function defineConformanceSuite(options: ConformanceSuiteOptions): readonly string[] {
  const capabilities = resolveCapabilities(options.dialect.capabilities);
  const schemaScenarios = [...SCHEMA_SCENARIOS, ...(options.extraScenarios ?? [])].filter((s) => s.appliesTo?.(capabilities) ?? true);
  // A change refused in place that the planner can lower to a table rebuild is also run that way.
  const rebuildScenarios = capabilities.rebuildTable
    ? schemaScenarios.filter((s) => !(s.requires?.(capabilities) ?? true) && planScenario(s, capabilities, true).accepted)
    : [];
  const all = [...schemaScenarios.map(schemaTestName), ...rebuildScenarios.map(rebuildTestName), ...RUNNER_SCENARIOS.map(runnerTestName)];
  // Any name a scenario can have is known, registered here or not (a rebuild variant depends on the flags).
  const known = new Set([...all, ...SCHEMA_SCENARIOS.flatMap((s) => [schemaTestName(s), rebuildTestName(s)])]);
  const unknown = (options.skip ?? []).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new MigError("MIG_E_USAGE", `defineConformanceSuite: no test named ${unknown.map((n) => JSON.stringify(n)).join(", ")}`, {
      hint: `Test names: ${all.join("; ")}`,
    });
  }
  const skip = new Set(options.skip ?? []);
  const registered: string[] = [];
  const register = (name: string, body: (connection: Connection, opened: Connection[]) => Promise<void>) => {
    if (skip.has(name)) return;
    registered.push(name);
    options.test(name, async () => {
      const connection = await options.connect();
      const opened: Connection[] = [];
      try {
        await options.reset(connection);
        await body(connection, opened);
      } finally {
        for (const other of opened) await other.close();
        await connection.close();
      }
    });
  };
  for (const scenario of schemaScenarios) {
    const expectedSql = options.expectedSql?.[schemaTestName(scenario)];
    register(schemaTestName(scenario), (connection) => runSchemaScenario(options.dialect, connection, scenario, expectedSql ? { expectedSql } : {}));
  }
  for (const scenario of rebuildScenarios) {
    const expectedSql = options.expectedSql?.[rebuildTestName(scenario)];
    register(rebuildTestName(scenario), (connection) =>
      runSchemaScenario(options.dialect, connection, scenario, { allowRebuild: true, ...(expectedSql ? { expectedSql } : {}) }),
    );
  }
  for (const scenario of RUNNER_SCENARIOS) {
    register(runnerTestName(scenario), (connection, opened) => scenario.run(runnerContext(options, connection, opened)));
  }
  return registered;
}

function runnerContext(options: ConformanceSuiteOptions, connection: Connection, opened: Connection[]): RunnerScenarioContext {
  const { dialect } = options;
  const q = (name: string) => dialect.emitter.hooks.quoteIdentifier(name);
  return {
    dialect,
    connection,
    capabilities: resolveCapabilities(dialect.capabilities),
    async connectAgain() {
      const other = await options.connect();
      opened.push(other);
      return other;
    },
    tables: async () => [...(await introspect(dialect, connection)).tableNames()],
    async tracked() {
      try {
        const { rows } = await connection.query<{ app_name: string; name: string }>(
          `SELECT ${q("app_name")} AS app_name, ${q("name")} AS name FROM ${q(DEFAULT_TRACKING_TABLE)} ORDER BY ${q("id")}`,
        );
        return rows.map((r) => `${r.app_name}/${r.name}`);
      } catch {
        return []; // no tracking table yet
      }
    },
  };
}
