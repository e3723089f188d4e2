import type { SchemaScenario } from "../conformance-scenario";
import { type ColumnSpec, col, value } from "../schema-builders";
import { ID, only } from "./fixtures";

/** A table `item` with one interesting column `c`, before and after a change to it. */
function alter(name: string, from: ColumnSpec, to: ColumnSpec, data: { before?: unknown; after?: unknown } = {}, extra: Partial<SchemaScenario> = {}): SchemaScenario {
  const table = (c: ColumnSpec) => only({ name: "item", columns: [ID, c] });
  return {
    name,
    before: table(from),
    after: table(to),
    requires: (can) => can.autoAlter,
    ...(data.before !== undefined ? { seed: { item: [{ c: data.before }] } } : {}),
    ...(data.after !== undefined
      ? {
          afterForwards: async (ctx) => ctx.expectRows("item", [{ c: data.after }], "id"),
          afterBackwards: async (ctx) => ctx.expectRows("item", [{ c: data.before }], "id"),
        }
      : {}),
    ...extra,
  };
}

export const ALTER_SCENARIOS: readonly SchemaScenario[] = [
  alter("alter type: varchar to integer, converting the data", col("c", "varchar", { length: 20 }), col("c", "integer"), { before: "42", after: 42 }),
  alter("alter type: integer to bigint", col("c", "integer"), col("c", "bigint"), { before: 2147483647, after: 2147483647 }),
  alter("alter type: real to double precision", col("c", "real"), col("c", "doublePrecision"), { before: 1.5, after: 1.5 }),
  alter("alter type: json to jsonb", col("c", "json"), col("c", "jsonb"), { before: '{"a":[1,2]}', after: { a: [1, 2] } }, {
    appliesTo: (can) => can.jsonb,
  }),
  alter("alter type: varchar to text", col("c", "varchar", { length: 20 }), col("c", "text"), { before: "words", after: "words" }),
  alter("alter varchar length 20 to 100", col("c", "varchar", { length: 20 }), col("c", "varchar", { length: 100 }), { before: "short", after: "short" }),
  alter("alter numeric precision (5,2) to (7,3)", col("c", "numeric", { precision: 5, scale: 2 }), col("c", "numeric", { precision: 7, scale: 3 }), {
    before: "123.45",
    after: "123.45",
  }),
  alter("alter nullability: NOT NULL to NULL", col("c", "integer"), col("c", "integer", { nullable: true }), { before: 1, after: 1 }, {
    afterForwards: async (ctx) => {
      await ctx.db.table("item").insert({ c: null });
      await ctx.db.table("item").delete({ c: null });
    },
  }),
  alter("alter nullability: NULL to NOT NULL", col("c", "integer", { nullable: true }), col("c", "integer"), { before: 1, after: 1 }, {
    afterForwards: async (ctx) => {
      await ctx.expectFailure(() => ctx.db.table("item").insert({ c: null }), "the NOT NULL constraint");
    },
  }),
  alter("alter default: set", col("c", "integer", { nullable: true }), col("c", "integer", { nullable: true, default: value(7) }), {}, {
    afterForwards: async (ctx) => {
      await ctx.db.table("item").insert({ id: 100 });
      await ctx.expectRows("item", [{ c: 7 }], "id");
    },
  }),
  alter("alter default: change", col("c", "varchar", { length: 20, default: value("old") }), col("c", "varchar", { length: 20, default: value("new") })),
  alter("alter default: drop", col("c", "integer", { default: value(3) }), col("c", "integer"), { before: 3, after: 3 }),
];
