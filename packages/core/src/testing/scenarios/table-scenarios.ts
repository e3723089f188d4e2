import type { SchemaScenario } from "../conformance-scenario";
import { col, schema, value } from "../schema-builders";
import { BAND, EMPTY, ID, only } from "./fixtures";

const EVERY_TYPE = {
  name: "every_type",
  columns: [
    col("id", "bigserial"),
    col("v", "varchar", { length: 120, default: value("hello") }),
    col("t", "text", { nullable: true }),
    col("i", "integer", { default: value(-7) }),
    col("b", "bigint", { nullable: true }),
    col("s", "smallint", { nullable: true }),
    col("flag", "boolean", { default: value(true) }),
    col("r", "real", { nullable: true }),
    col("d", "doublePrecision", { nullable: true }),
    col("n", "numeric", { precision: 8, scale: 3, default: value("12.500") }),
    col("ts", "timestamp", { default: { kind: "now" } }),
    col("tz", "timestamptz", { nullable: true }),
    col("day", "date", { nullable: true }),
    col("clock", "time", { nullable: true }),
    col("u", "uuid", { nullable: true }),
    col("j", "json", { nullable: true }),
    col("jb", "jsonb", { nullable: true }),
    col("bytes", "bytea", { nullable: true }),
  ],
};

/** Five tables in a foreign-key chain, declared out of order: created parents first. */
const chain = ["e", "c", "a", "d", "b"].map((name) => {
  const parent = String.fromCharCode(name.charCodeAt(0) - 1);
  return name === "a"
    ? { name: "chain_a", columns: [ID] }
    : {
        name: `chain_${name}`,
        columns: [ID, col("parent_id", "integer")],
        foreignKeys: [{ name: `chain_${name}_parent_id_fkey`, columns: ["parent_id"], references: { table: `chain_${parent}`, columns: ["id"] }, onDelete: "cascade" as const }],
      };
});

export const TABLE_SCENARIOS: readonly SchemaScenario[] = [
  {
    name: "create table",
    before: EMPTY,
    after: only(BAND),
    rows: { band: [{ name: "Pythonistas" }, { name: "Rustaceans", popularity: 7 }] },
    afterForwards: async (c) => {
      await c.db.table("band").insert({ name: "Gophers" });
      await c.expectRows("band", [{ name: "Pythonistas", popularity: 0 }, { name: "Rustaceans", popularity: 7 }, { name: "Gophers", popularity: 0 }], "id");
    },
  },
  {
    name: "create table with every column type",
    before: EMPTY,
    after: only(EVERY_TYPE),
    rows: { every_type: [{ v: "x", t: "text", b: 9007199254740991, s: 3, flag: false, r: 1.5, d: 2.25, n: "1.125", day: "2024-02-29", j: '{"a":1}', jb: "[1,2]" }] },
    afterForwards: async (c) => {
      await c.db.table("every_type").insert({ t: "defaults" });
      await c.expectRows(
        "every_type",
        [
          { v: "x", t: "text", i: -7, b: 9007199254740991, s: 3, flag: false, r: 1.5, d: 2.25, n: "1.125", j: { a: 1 }, jb: [1, 2] },
          { v: "hello", t: "defaults", i: -7, flag: true, n: "12.5", b: null },
        ],
        "id",
      );
    },
  },
  {
    name: "drop table",
    before: only(BAND),
    after: EMPTY,
    seed: { band: [{ name: "Pythonistas" }] },
    afterBackwards: async (c) => {
      // The table comes back from the migration's own record; its data does not.
      await c.expectRows("band", [], "id");
    },
  },
  {
    name: "rename table keeps data, constraints and indexes",
    before: schema({ ...BAND, uniques: [{ name: "band_name_key", columns: ["name"] }], indexes: [{ name: "band_popularity_idx", columns: ["popularity"] }] }),
    after: schema({ ...BAND, name: "music_group", uniques: [{ name: "band_name_key", columns: ["name"] }], indexes: [{ name: "band_popularity_idx", columns: ["popularity"] }] }),
    renames: { tables: [{ from: "band", to: "music_group" }], columns: [] },
    seed: { band: [{ name: "Pythonistas", popularity: 3 }] },
    afterForwards: async (c) => {
      await c.expectRows("music_group", [{ name: "Pythonistas", popularity: 3 }], "id");
      await c.expectFailure(() => c.db.table("music_group").insert({ name: "Pythonistas" }), "the unique constraint after the rename");
    },
    afterBackwards: async (c) => {
      await c.expectRows("band", [{ name: "Pythonistas", popularity: 3 }], "id");
    },
  },
  {
    name: "create five tables in a foreign-key chain declared out of order",
    before: EMPTY,
    after: schema(...chain),
    rows: { chain_a: [{ id: 1 }], chain_b: [{ parent_id: 1 }], chain_c: [{ parent_id: 1 }], chain_d: [{ parent_id: 1 }], chain_e: [{ parent_id: 1 }] },
    afterForwards: async (c) => {
      await c.expectFailure(() => c.db.table("chain_c").insert({ parent_id: 99 }), "the foreign key chain_c → chain_b");
    },
  },
  {
    name: "composite primary key, composite unique and composite index",
    before: EMPTY,
    after: schema({
      name: "band_member",
      columns: [col("band_id", "integer"), col("person", "varchar", { length: 80 }), col("role", "varchar", { length: 20 })],
      primaryKey: ["band_id", "person"],
      uniques: [{ name: "band_member_person_role_key", columns: ["person", "role"] }],
      indexes: [{ name: "band_member_role_band_id_idx", columns: ["role", "band_id"] }],
    }),
    rows: { band_member: [{ band_id: 1, person: "Ann", role: "drums" }] },
    afterForwards: async (c) => {
      await c.expectFailure(() => c.db.table("band_member").insert({ band_id: 1, person: "Ann", role: "bass" }), "the composite primary key");
      await c.expectFailure(() => c.db.table("band_member").insert({ band_id: 2, person: "Ann", role: "drums" }), "the composite unique constraint");
    },
  },
];
