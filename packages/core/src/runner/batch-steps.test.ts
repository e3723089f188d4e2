import { describe, expect, it } from "vitest";
import { stepGroups } from "./batch-steps";
import type { Step } from "./plan-migration";

const statement = (sql: string, params?: unknown[]): Step => ({ kind: "statement", statement: params ? { sql, params } : { sql } });
const raw: Step = { kind: "raw", fn: () => undefined };

const shape = (groups: ReturnType<typeof stepGroups>) =>
  groups.map((g) => (g.batch ? `batch ${g.batch.map((s) => s.sql).join(",")}` : g.steps.map((s) => (s.kind === "raw" ? "raw" : s.statement.sql)).join(",")));

describe("stepGroups", () => {
  it("batches each run of two or more parameterless statements; raw functions, parameters and lone statements go alone", () => {
    const steps = [statement("a"), statement("b"), raw, statement("c"), statement("d", [1]), statement("e"), statement("f", []), statement("g"), raw];
    const groups = stepGroups(steps, true);
    expect(shape(groups)).toEqual(["batch a,b", "raw", "c", "d", "batch e,f,g", "raw"]);
    // Every step once, in order.
    expect(groups.flatMap((g) => g.steps)).toEqual(steps);
  });

  it("keeps every step alone when the connection cannot batch", () => {
    expect(shape(stepGroups([statement("a"), statement("b")], false))).toEqual(["a", "b"]);
  });
});
