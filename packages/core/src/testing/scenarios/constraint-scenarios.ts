import type { SchemaScenario } from "../conformance-scenario";
import { type TableSpec, col, schema } from "../schema-builders";
import { BAND, EMPTY, ID, only } from "./fixtures";

const withUnique: TableSpec = { ...BAND, uniques: [{ name: "band_name_key", columns: ["name"] }] };
const withComposite: TableSpec = { ...BAND, uniques: [{ name: "band_name_popularity_key", columns: ["name", "popularity"] }] };
const withCheck: TableSpec = { ...BAND, checks: [{ name: "band_popularity_positive", sql: "popularity >= 0" }] };
const withIndex: TableSpec = { ...BAND, indexes: [{ name: "band_popularity_idx", columns: ["popularity"] }] };
const withCompositeIndex: TableSpec = { ...BAND, indexes: [{ name: "band_popularity_name_idx", columns: ["popularity", "name"] }] };

const constraints = (can: { alterConstraints: boolean }) => can.alterConstraints;

export const CONSTRAINT_SCENARIOS: readonly SchemaScenario[] = [
  {
    name: "unique: add to an existing table (a duplicate fails, and succeeds again after reversing)",
    before: only(BAND),
    after: only(withUnique),
    requires: constraints,
    seed: { band: [{ name: "Pythonistas" }] },
    afterForwards: async (c) => c.expectFailure(() => c.db.table("band").insert({ name: "Pythonistas" }), "the added unique constraint"),
    afterBackwards: async (c) => {
      await c.db.table("band").insert({ name: "Pythonistas" });
      await c.expectRows("band", [{ name: "Pythonistas" }, { name: "Pythonistas" }], "id");
    },
  },
  {
    name: "unique: drop from an existing table",
    before: only(withUnique),
    after: only(BAND),
    requires: constraints,
    seed: { band: [{ name: "Pythonistas" }] },
    afterForwards: async (c) => {
      await c.db.table("band").insert({ name: "Pythonistas" });
      await c.db.table("band").delete({ id: 2 });
    },
  },
  {
    name: "composite unique: add to an existing table",
    before: only(BAND),
    after: only(withComposite),
    requires: constraints,
    seed: { band: [{ name: "Pythonistas", popularity: 1 }] },
    afterForwards: async (c) => {
      await c.db.table("band").insert({ name: "Pythonistas", popularity: 2 });
      await c.expectFailure(() => c.db.table("band").insert({ name: "Pythonistas", popularity: 1 }), "the composite unique constraint");
    },
  },
  {
    name: "check: add and drop",
    before: only(BAND),
    after: only(withCheck),
    requires: constraints,
    appliesTo: (can) => can.checkConstraints,
    afterForwards: async (c) => c.expectFailure(() => c.db.table("band").insert({ name: "Negative", popularity: -1 }), "the check constraint"),
    afterBackwards: async (c) => {
      await c.db.table("band").insert({ name: "Negative", popularity: -1 });
    },
  },
  {
    name: "create a table with a check constraint",
    before: EMPTY,
    after: only(withCheck),
    appliesTo: (can) => can.checkConstraints,
    afterForwards: async (c) => c.expectFailure(() => c.db.table("band").insert({ name: "Negative", popularity: -1 }), "the check constraint"),
  },
  {
    name: "index: add and drop",
    before: only(BAND),
    after: only(withIndex),
    seed: { band: [{ name: "Pythonistas" }] },
  },
  {
    name: "index: composite, added to an existing table",
    before: only(BAND),
    after: only(withCompositeIndex),
  },
  {
    name: "index: change method btree to hash",
    before: only(withIndex),
    after: only({ ...BAND, indexes: [{ name: "band_popularity_idx", columns: ["popularity"], method: "hash" }] }),
    requires: (can) => can.indexMethods.includes("hash"),
  },
  {
    name: "index: created with its table, on a varchar column",
    before: EMPTY,
    after: schema({ name: "venue", columns: [ID, col("city", "varchar", { length: 40 })], indexes: [{ name: "venue_city_idx", columns: ["city"] }] }),
  },
];
