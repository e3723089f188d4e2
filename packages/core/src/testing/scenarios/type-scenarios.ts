import type { SchemaScenario } from "../conformance-scenario";
import { type ColumnSpec, col, value } from "../schema-builders";
import { EMPTY, ID, only } from "./fixtures";

/*
 * The column types a dialect offers by its capability flags: char everywhere; enums where
 * `enums` is not false (named types, inline ENUMs or CHECKs); intervals and native arrays where
 * `interval` and `arrays` say so; an array with the JSON fallback everywhere; NaN and Infinity
 * defaults where `nonFiniteNumbers` says so.
 */

const mood = (values: readonly string[], extra: Partial<ColumnSpec> = {}) => col("mood", "enum", { enumName: "mood", values, ...extra });

const PERSON = (values: readonly string[]) => only({ name: "person", columns: [ID, col("code", "char", { length: 3, default: value("abc") }), mood(values, { default: value("ok") })] });

/** `item.c` from one enum to another, the one row's label kept. */
function enumChange(name: string, from: readonly string[], to: readonly string[], label: string): SchemaScenario {
  const table = (values: readonly string[]) => only({ name: "item", columns: [ID, col("c", "enum", { enumName: "item_c", values })] });
  return {
    name,
    before: table(from),
    after: table(to),
    appliesTo: (can) => can.enums !== false,
    requires: (can) => can.autoAlter,
    seed: { item: [{ c: label }] },
    afterForwards: async (ctx) => ctx.expectRows("item", [{ c: label }], "id"),
    afterBackwards: async (ctx) => ctx.expectRows("item", [{ c: label }], "id"),
  };
}

export const TYPE_SCENARIOS: readonly SchemaScenario[] = [
  {
    name: "create table with char and enum columns",
    before: EMPTY,
    after: PERSON(["sad", "ok", "happy"]),
    appliesTo: (can) => can.enums !== false,
    rows: { person: [{ code: "xyz", mood: "happy" }] },
    afterForwards: async (c) => {
      await c.db.table("person").insert({ id: 50 });
      await c.expectRows("person", [{ code: "xyz", mood: "happy" }, { code: "abc", mood: "ok" }], "id");
      await c.expectFailure(() => c.db.table("person").insert({ id: 51, mood: "angry" }), "a label the enum does not have");
    },
  },
  enumChange("enum: add a label", ["sad", "ok"], ["sad", "ok", "happy"], "ok"),
  enumChange("enum: add a label in the middle", ["sad", "happy"], ["sad", "ok", "happy"], "happy"),
  enumChange("enum: remove a label no row holds", ["sad", "ok", "happy"], ["sad", "happy"], "sad"),
  enumChange("enum: reorder the labels", ["sad", "ok", "happy"], ["happy", "ok", "sad"], "ok"),
  {
    name: "create table with an array stored as JSON where there are no arrays",
    before: EMPTY,
    after: only({ name: "post", columns: [ID, col("tags", "array", { element: { type: "text" }, fallback: "json", nullable: true })] }),
  },
  {
    name: "create table with a native array",
    before: EMPTY,
    after: only({ name: "post", columns: [ID, col("scores", "array", { element: { type: "integer" } }), col("names", "array", { element: { type: "varchar", length: 20 }, nullable: true })] }),
    appliesTo: (can) => can.arrays,
  },
  {
    name: "create table with an interval column",
    before: EMPTY,
    after: only({ name: "slot", columns: [ID, col("span", "interval", { nullable: true })] }),
    appliesTo: (can) => can.interval,
  },
  {
    name: "create table with NaN and Infinity defaults",
    before: EMPTY,
    after: only({
      name: "measure",
      columns: [ID, col("r", "real", { default: value("Infinity") }), col("d", "doublePrecision", { default: value("NaN") }), col("n", "numeric", { precision: 6, scale: 2, default: value("-Infinity") })],
    }),
    appliesTo: (can) => can.nonFiniteNumbers,
  },
];
