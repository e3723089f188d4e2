import type { SchemaScenario } from "../conformance-scenario";
import { col, schema, value } from "../schema-builders";
import { BAND, only, withColumns, withoutColumn } from "./fixtures";

const SEED = { band: [{ name: "Pythonistas", popularity: 3 }, { name: "Rustaceans", popularity: 5 }] };

export const COLUMN_SCENARIOS: readonly SchemaScenario[] = [
  {
    name: "add a nullable column",
    before: only(BAND),
    after: only(withColumns(BAND, col("notes", "text", { nullable: true }))),
    seed: SEED,
    rows: { band: [{ name: "Gophers", notes: "new" }] },
    afterForwards: async (c) => {
      await c.expectRows("band", [{ name: "Pythonistas", notes: null }, { name: "Rustaceans", notes: null }, { name: "Gophers", notes: "new" }], "id");
    },
  },
  {
    name: "add and rename columns with database names (mixed case, spaces)",
    before: only(BAND),
    after: only(withColumns(withoutColumn(BAND, "popularity"), col("Date Of Birth", "date", { nullable: true }), col("Chart Position", "integer", { default: value(0) }))),
    operations: [
      { kind: "add_column", table: "band", column: { kind: "column", table: "band", name: "Date Of Birth", type: "date", nullable: true, default: null } },
      { kind: "rename_column", table: "band", from: "popularity", to: "Chart Position" },
    ],
    seed: SEED,
    afterForwards: async (c) => {
      await c.expectRows("band", [{ name: "Pythonistas", "Chart Position": 3 }, { name: "Rustaceans", "Chart Position": 5 }], "id");
    },
    afterBackwards: async (c) => {
      await c.expectRows("band", [{ name: "Pythonistas", popularity: 3 }, { name: "Rustaceans", popularity: 5 }], "id");
    },
  },
  {
    name: "add a NOT NULL column with a default to a table with rows",
    before: only(withoutColumn(BAND, "popularity")),
    after: only(BAND),
    seed: { band: [{ name: "Pythonistas" }] },
    afterForwards: async (c) => {
      await c.expectRows("band", [{ name: "Pythonistas", popularity: 0 }], "id");
    },
  },
  {
    name: "add a NOT NULL column without a default, backfilling existing rows",
    before: only(withoutColumn(BAND, "popularity")),
    after: only(withColumns(withoutColumn(BAND, "popularity"), col("popularity", "integer"))),
    backfill: { "band.popularity": 42 },
    // The backfill is a temporary default, dropped right after: an in-place ALTER COLUMN.
    requires: (can) => can.autoAlter,
    seed: { band: [{ name: "Pythonistas" }] },
    afterForwards: async (c) => {
      await c.expectRows("band", [{ name: "Pythonistas", popularity: 42 }], "id");
      await c.expectFailure(() => c.db.table("band").insert({ name: "No popularity" }), "NOT NULL without a default");
    },
  },
  {
    name: "drop a column; backwards restores it with its default",
    before: only(BAND),
    after: only(withoutColumn(BAND, "popularity")),
    seed: SEED,
    rows: { band: [{ name: "Gophers" }] },
    afterBackwards: async (c) => {
      // The column comes back with its default for existing rows, not with its old data.
      await c.expectRows("band", [{ name: "Pythonistas", popularity: 0 }, { name: "Rustaceans", popularity: 0 }, { name: "Gophers", popularity: 0 }], "id");
    },
  },
  {
    name: "drop a NOT NULL column without a default; backwards re-adds it with a placeholder for existing rows",
    before: only(withColumns(BAND, col("genre", "varchar", { length: 30 }))),
    after: only(BAND),
    // Re-adding a NOT NULL column to a table with rows needs a value for them (a temporary default).
    appliesTo: (can) => can.addColumnBackfill,
    seed: { band: [{ name: "Pythonistas", genre: "prog" }] },
    rows: { band: [{ name: "Gophers" }] },
    afterBackwards: async (c) => {
      // The data does not come back: every existing row gets the type's placeholder ("" here).
      await c.expectRows("band", [{ name: "Pythonistas", genre: "" }, { name: "Gophers", genre: "" }], "id");
      await c.expectFailure(() => c.db.table("band").insert({ name: "No genre" }), "NOT NULL without a default");
    },
  },
  {
    name: "rename a column keeps its data",
    before: only(BAND),
    after: only(withColumns(withoutColumn(BAND, "name"), col("title", "varchar", { length: 50 }))),
    renames: { tables: [], columns: [{ table: "band", from: "name", to: "title" }] },
    seed: SEED,
    afterForwards: async (c) => {
      await c.expectRows("band", [{ title: "Pythonistas" }, { title: "Rustaceans" }], "id");
    },
    afterBackwards: async (c) => {
      await c.expectRows("band", [{ name: "Pythonistas" }, { name: "Rustaceans" }], "id");
    },
  },
  {
    name: "rename a table and add a column to it in one migration",
    before: only(BAND),
    after: schema({ ...withColumns(BAND, col("genre", "varchar", { length: 30, nullable: true })), name: "music_group" }),
    renames: { tables: [{ from: "band", to: "music_group" }], columns: [] },
    seed: SEED,
    afterBackwards: async (c) => {
      await c.expectRows("band", [{ name: "Pythonistas" }, { name: "Rustaceans" }], "id");
    },
  },
];
