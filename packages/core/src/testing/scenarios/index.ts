import type { SchemaScenario } from "../conformance-scenario";
import { ALTER_SCENARIOS } from "./alter-scenarios";
import { COLUMN_SCENARIOS } from "./column-scenarios";
import { CONSTRAINT_SCENARIOS } from "./constraint-scenarios";
import { FOREIGN_KEY_SCENARIOS } from "./foreign-key-scenarios";
import { HOSTILE_SCENARIOS } from "./hostile-scenarios";
import { SCHEMA_SCENARIOS_OF_SCHEMAS } from "./schema-scenarios";
import { TABLE_SCENARIOS } from "./table-scenarios";
import { TYPE_SCENARIOS } from "./type-scenarios";

export { HOSTILE, HOSTILE_STRING } from "./hostile-scenarios";

/** The shared scenario table every dialect runs (built-in and third-party alike). */
export const SCHEMA_SCENARIOS: readonly SchemaScenario[] = [
  ...TABLE_SCENARIOS,
  ...COLUMN_SCENARIOS,
  ...ALTER_SCENARIOS,
  ...CONSTRAINT_SCENARIOS,
  ...FOREIGN_KEY_SCENARIOS,
  ...HOSTILE_SCENARIOS,
  ...SCHEMA_SCENARIOS_OF_SCHEMAS,
  ...TYPE_SCENARIOS,
];
