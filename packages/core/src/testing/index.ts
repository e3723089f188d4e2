/**
 * @mig/core/testing: the conformance kit a dialect (built-in or third-party) runs, and the
 * helpers it is made of. Imports no test runner.
 */
export * from "./schema-builders";
export * from "./test-migration";
export * from "./conformance-check";
export * from "./conformance-scenario";
export * from "./compare-schemas";
export { planScenario, runSchemaScenario, type RunScenarioOptions } from "./run-schema-scenario";
export { RUNNER_SCENARIOS } from "./runner-scenarios";
export { SCHEMA_SCENARIOS, HOSTILE, HOSTILE_STRING } from "./scenarios/index";
export * from "./define-conformance-suite";
export * from "./write-load";
export * from "./online-changes";
