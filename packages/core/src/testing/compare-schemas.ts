import type { Dialect } from "../dialect/dialect";
import { normaliseForDialect } from "../dialect/normalise-for-dialect";
import { diff } from "../diff/diff";
import { entityKey } from "../snapshot/entities";
import type { Snapshot } from "../snapshot/snapshot";
import { stableJson } from "./conformance-check";

export { normaliseForDialect };

/**
 * Every difference between the schema mig meant to create (`expected`, normalised for the dialect)
 * and the one the database reports (`actual`): entities missing, unexpected or different, and the
 * operations the diff would still plan between them. Empty when they are the same schema.
 */
export function schemaDifferences(dialect: Dialect, expected: Snapshot, actual: Snapshot): string[] {
  const want = normaliseForDialect(dialect, expected);
  const got = normaliseForDialect(dialect, actual);
  const problems: string[] = [];
  for (const entity of want.entities) {
    const other = got.get(entityKey(entity));
    if (!other) problems.push(`missing ${entityKey(entity)}: ${stableJson(entity)}`);
    else if (stableJson(other) !== stableJson(entity)) {
      problems.push(`${entityKey(entity)} differs\n      expected ${stableJson(entity)}\n      actual   ${stableJson(other)}`);
    }
  }
  for (const entity of got.entities) {
    if (!want.has(entityKey(entity))) problems.push(`unexpected ${entityKey(entity)}: ${stableJson(entity)}`);
  }
  try {
    const operations = diff(got, want);
    if (operations.length > 0) problems.push(`the diff still plans: ${operations.map((o) => o.kind).join(", ")}`);
  } catch (error) {
    problems.push(`the diff refuses to compare them: ${error instanceof Error ? error.message : String(error)}`);
  }
  return problems;
}
