import type { ColumnDefault, ColumnTypeSpec, Connection, JsonValue, UnsupportedObject } from "@mig/core/dialect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresDialect } from "../src/index";
import { apply, createTables, expected, introspect } from "./support/apply";
import { col, tableSchema } from "./support/schema-builders";
import { type TestDatabase, createTestDatabase } from "./support/test-database";

let db: TestDatabase;
let connection: Connection;

beforeAll(async () => {
  db = await createTestDatabase();
  connection = await db.connect();
});
afterAll(async () => {
  await db?.drop();
});

const value = (v: JsonValue): ColumnDefault => ({ kind: "value", value: v });

/** Every contract type, NOT NULL with a default of each kind that fits it, and nullable without one. */
const COLUMNS: [string, ColumnTypeSpec, ColumnDefault | null][] = [
  ["v", { type: "varchar", length: 20 }, value("it's")],
  ["v_free", { type: "varchar" }, value("")],
  ["t", { type: "text" }, value("multi\nline \\ back'slash")],
  ["i", { type: "integer" }, value(-1)],
  ["i_pos", { type: "integer" }, value(42)],
  ["big", { type: "bigint" }, value(5000000000)],
  ["big_exact", { type: "bigint" }, value("9007199254740993")],
  ["small", { type: "smallint" }, value(3)],
  ["bo", { type: "boolean" }, value(true)],
  ["bo_false", { type: "boolean" }, value(false)],
  ["r", { type: "real" }, value(1.5)],
  ["d", { type: "doublePrecision" }, value(-2.25)],
  ["n", { type: "numeric", precision: 5, scale: 2 }, value("12.5")],
  ["n_int", { type: "numeric", precision: 7 }, value("-3")],
  ["n_free", { type: "numeric" }, value("3.14159")],
  ["ts", { type: "timestamp" }, value("2020-01-02 03:04:05")],
  ["ts_now", { type: "timestamp" }, { kind: "now" }],
  ["tz", { type: "timestamptz" }, value("2020-01-02T03:04:05.250Z")],
  ["tz_now", { type: "timestamptz" }, { kind: "now" }],
  ["dt", { type: "date" }, value("2020-02-29")],
  ["dt_now", { type: "date" }, { kind: "now" }],
  ["tm", { type: "time" }, value("12:30")],
  ["tm_now", { type: "time" }, { kind: "now" }],
  ["u", { type: "uuid" }, { kind: "random" }],
  ["u_fixed", { type: "uuid" }, value("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11")],
  ["j", { type: "json" }, value({ b: 1, a: [1, "two", null] })],
  ["jb", { type: "jsonb" }, value({ z: { y: true }, a: "it's" })],
  ["jb_string", { type: "jsonb" }, value("just text")],
  ["by", { type: "bytea" }, value("00ff10")],
  ["sq", { type: "text" }, { kind: "sql", sql: "lower('ABC')" }],
  ["sq_expr", { type: "integer" }, { kind: "sql", sql: "(1 + 2) * 3" }],
];

describe("introspection round trip (PostgreSQL)", () => {
  it("reads back every type and every default kind as created", async () => {
    const table = tableSchema("every_type", {
      columns: [
        col("every_type", "id", { type: "serial" }),
        col("every_type", "seq", { type: "bigserial" }),
        ...COLUMNS.map(([name, spec, d]) => col("every_type", name, spec, { default: d })),
        ...COLUMNS.map(([name, spec]) => col("every_type", `${name}_null`, spec, { nullable: true })),
      ],
    });
    await createTables(connection, table);
    const actual = await introspect(connection);
    expect(actual.table("every_type")?.columns).toEqual(expected(table).table("every_type")?.columns);
    // Spot checks that the comparison is not vacuous.
    const column = (name: string) => actual.column("every_type", name);
    expect(column("id")).toMatchObject({ type: "serial", default: null, nullable: false });
    expect(column("seq")).toMatchObject({ type: "bigserial", default: null });
    expect(column("t")?.default).toEqual(value("multi\nline \\ back'slash"));
    expect(column("n")?.default).toEqual(value("12.50"));
    expect(column("big")?.default).toEqual(value(5000000000));
    expect(column("big_exact")?.default).toEqual(value("9007199254740993"));
    expect(column("tz")?.default).toEqual(value("2020-01-02 03:04:05.25+00"));
    expect(column("u")?.default).toEqual({ kind: "random" });
    expect(column("ts_now")?.default).toEqual({ kind: "now" });
    expect(column("jb")?.default).toEqual(value({ a: "it's", z: { y: true } }));
    expect(column("by")?.default).toEqual(value("00ff10"));
    expect(column("sq")?.default).toEqual({ kind: "sql", sql: "lower('ABC')" });
    expect(column("v_null")).toMatchObject({ type: "varchar", length: 20, nullable: true, default: null });
    expect(column("n_null")).toMatchObject({ type: "numeric", precision: 5, scale: 2 });
    // Introspection already returns the comparison form, and normalising is idempotent.
    expect(postgresDialect.normalise!(actual).entities).toEqual(actual.entities);
    expect(postgresDialect.normalise!(expected(table)).entities).toEqual(expected(table).entities);
  });

  it("reads back primary keys, uniques, indexes with methods, checks and foreign keys with their actions", async () => {
    const artist = tableSchema("artist", {
      primaryKey: ["artist_id"],
      columns: [col("artist", "artist_id", { type: "uuid" }, { default: { kind: "random" } }), col("artist", "name", { type: "text" })],
    });
    const label = tableSchema("label", {
      primaryKey: ["country", "code"],
      columns: [col("label", "country", { type: "varchar", length: 2 }), col("label", "code", { type: "integer" })],
    });
    const album = tableSchema("album", {
      columns: [
        col("album", "id", { type: "bigserial" }),
        col("album", "artist", { type: "uuid" }),
        col("album", "parent", { type: "bigint" }, { nullable: true }),
        col("album", "label_country", { type: "varchar", length: 2 }, { nullable: true }),
        col("album", "label_code", { type: "integer" }, { nullable: true }),
        col("album", "title", { type: "varchar", length: 200 }),
        col("album", "kind", { type: "text" }),
        col("album", "tracks", { type: "smallint" }),
        col("album", "rating", { type: "numeric", precision: 3, scale: 1 }, { nullable: true }),
        col("album", "tags", { type: "jsonb" }),
        col("album", "released", { type: "timestamp" }),
        col("album", "Odd Col", { type: "integer" }),
      ],
      uniques: [
        { name: "album_title_key", columns: ["title"] },
        { name: "album_artist_title_key", columns: ["artist", "title"] },
      ],
      indexes: [
        { name: "album_tracks_title_idx", columns: ["tracks", "title"], method: "btree" },
        { name: "album_tags_idx", columns: ["tags"], method: "gin" },
        { name: "album_kind_idx", columns: ["kind"], method: "hash" },
        { name: "album_released_idx", columns: ["released"], method: "brin" },
      ],
      checks: [
        { name: "album_tracks_positive", sql: "tracks >= 0" },
        { name: "album_title_nonempty", sql: "title <> ''" },
        { name: "album_rating_range", sql: "rating BETWEEN 0 AND 10" },
        { name: "album_kind_known", sql: "kind IN ('lp', 'ep', 'single')" },
        { name: "album_odd", sql: `"Odd Col" > -1 AND ("Odd Col" < 100 OR "Odd Col" IS NULL)` },
        { name: "album_title_length", sql: "length(title) > 2" },
        { name: "album_not", sql: "NOT (tracks = 1 OR tracks = 2) AND rating > 0.5" },
        { name: "album_like", sql: "title NOT LIKE '%\\%'" },
      ],
      foreignKeys: [
        { name: "album_artist_fkey", columns: ["artist"], references: { table: "artist", columns: ["artist_id"] }, onDelete: "cascade", onUpdate: "restrict" },
        { name: "album_parent_fkey", columns: ["parent"], references: { table: "album", columns: ["id"] }, onDelete: "set null", onUpdate: "no action" },
        {
          name: "album_label_fkey",
          columns: ["label_country", "label_code"],
          references: { table: "label", columns: ["country", "code"] },
          onDelete: "set default",
          onUpdate: "cascade",
        },
      ],
    });
    await createTables(connection, artist, label, album);
    const actual = await introspect(connection);
    for (const name of ["artist", "label", "album"]) expect(actual.table(name)).toEqual(expected(artist, label, album).table(name));
    expect(actual.table("label")?.table.primaryKey).toEqual(["country", "code"]);
    expect(actual.table("album")?.checks.find((c) => c.name === "album_kind_known")?.sql).toBe("kind = ANY (ARRAY['lp', 'ep', 'single'])");
    expect(actual.table("album")?.indexes.map((i) => [i.name, i.method])).toEqual([
      ["album_kind_idx", "hash"],
      ["album_released_idx", "brin"],
      ["album_tags_idx", "gin"],
      ["album_tracks_title_idx", "btree"],
    ]);
  });

  it("leaves out the tracking tables and excluded tables", async () => {
    await connection.query(`CREATE TABLE mig_migrations (id serial PRIMARY KEY)`);
    await connection.query(`CREATE TABLE mig_migrations_old (id serial PRIMARY KEY)`);
    await connection.query(`CREATE TABLE "not_mine" (id serial PRIMARY KEY)`);
    const actual = await postgresIntrospect({ excludeTables: ["not_mine"] });
    expect(actual.tableNames()).not.toContain("mig_migrations");
    expect(actual.tableNames()).not.toContain("mig_migrations_old");
    expect(actual.tableNames()).not.toContain("not_mine");
    expect((await introspect(connection)).tableNames()).toContain("not_mine");
  });

  it("only sees the current schema", async () => {
    await connection.query(`CREATE SCHEMA other`);
    await connection.query(`CREATE TABLE other.elsewhere (id serial PRIMARY KEY)`);
    expect((await introspect(connection)).tableNames()).not.toContain("elsewhere");
    await connection.query(`SET search_path TO other`);
    try {
      expect((await introspect(connection)).tableNames()).toEqual(["elsewhere"]);
    } finally {
      await connection.query(`SET search_path TO DEFAULT`);
    }
  });

  it("reads a default changed in place", async () => {
    const t = tableSchema("alter_default", { columns: [col("alter_default", "id", { type: "serial" }), col("alter_default", "x", { type: "text" }, { nullable: true })] });
    await createTables(connection, t);
    const from = t.columns[1]!;
    const to = { ...from, default: value("it''s ; DROP TABLE x; --"), nullable: false };
    await apply(connection, { kind: "alter_column", table: "alter_default", from, to, backfill: "filled" });
    expect((await introspect(connection)).column("alter_default", "x")).toEqual(to);
  });

  it("reads another schema on request (mig pull --schema): its enums as enumerations, and reports an enum of another schema instead of failing when asked", async () => {
    await connection.query(`CREATE SCHEMA billing`);
    await connection.query(`CREATE TYPE billing.state AS ENUM ('open', 'paid')`);
    await connection.query(`CREATE SCHEMA elsewhere`);
    await connection.query(`CREATE TYPE elsewhere.state AS ENUM ('open', 'paid')`);
    await connection.query(`CREATE TABLE billing.invoice (id serial PRIMARY KEY, state billing.state NOT NULL DEFAULT 'open', old elsewhere.state NOT NULL DEFAULT 'open')`);
    const reported: UnsupportedObject[] = [];
    const billing = await postgresDialect.introspector.introspect(connection, { schema: "billing", onUnsupported: (o) => reported.push(o) });
    // Another schema than the connection's: its tables are named schema-qualified, as table(..., { schema }) names them; its enums are enumerations.
    expect(billing.tableNames()).toEqual(['"billing"."invoice"']);
    expect(billing.table('"billing"."invoice"')?.columns.map((c) => c.name)).toEqual(["id", "state"]);
    expect(billing.column('"billing"."invoice"', "state")).toMatchObject({ type: "enum", enumName: "state", values: ["open", "paid"], default: { kind: "value", value: "open" } });
    expect(reported).toEqual([
      {
        kind: "column", table: '"billing"."invoice"', name: "old", reason: "its type elsewhere.state is an enum of another schema",
        sql: [`CREATE TYPE elsewhere.state AS ENUM ('open', 'paid')`, `ALTER TABLE "billing"."invoice" ADD COLUMN "old" elsewhere.state DEFAULT 'open'::elsewhere.state NOT NULL`],
      },
    ]);
    await expect(postgresDialect.introspector.introspect(connection, { schema: "billing" })).rejects.toMatchObject({ code: "MIG_E_UNSUPPORTED" });
    expect((await introspect(connection)).tableNames()).not.toContain("invoice");
  });
});

function postgresIntrospect(options: { excludeTables: string[] }) {
  return postgresDialect.introspector.introspect(connection, options);
}
