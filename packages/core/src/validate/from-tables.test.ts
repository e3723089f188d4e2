import { describe, expect, test } from "vitest";
import { isMigError } from "../errors/mig-error";
import {
  bigint, bigserial, boolean, bytea, date, doublePrecision, foreignKey, integer, json, jsonb, numeric, real, serial,
  smallint, type Table, table, text, time, timestamp, timestamptz, uuid, varchar,
} from "../schema/index";
import type { ColumnEntity, Entity } from "../snapshot/entities";
import { snapshotFromTables } from "./from-tables";

function musicTables() {
  const Manager = table("manager", { name: varchar({ length: 50 }) });
  const Band = table("band", {
    name: varchar({ length: 100 }).unique(),
    manager: foreignKey(() => Manager, { onDelete: "cascade", onUpdate: "cascade" }).nullable(),
    popularity: integer().default(0).index(),
    rating: numeric({ precision: 5, scale: 2 }).nullable(),
    founded: timestamptz().defaultNow(),
  }, {
    unique: [["name", "manager"]],
    indexes: [{ columns: ["popularity", "name"] }],
    checks: [{ name: "band_popularity_positive", sql: "popularity >= 0" }, { sql: "length(name) > 0" }],
  });
  const BandMember = table("band_member", { band: foreignKey(() => Band), person: varchar({ length: 80 }) }, { primaryKey: ["band", "person"] });
  return { Manager, Band, BandMember };
}

const columnsOf = (entities: readonly Entity[], tableName: string) =>
  entities.filter((e): e is ColumnEntity => e.kind === "column" && e.table === tableName);

describe("snapshotFromTables", () => {
  test("the contract's example, entity by entity", () => {
    const snapshot = snapshotFromTables(musicTables());
    expect(snapshot.tableNames()).toEqual(["band", "band_member", "manager"]);
    expect(snapshot.table("band")).toEqual({
      table: { kind: "table", name: "band", primaryKey: ["id"], className: "Band" },
      columns: [
        { kind: "column", table: "band", name: "id", type: "serial", nullable: false, default: null },
        { kind: "column", table: "band", name: "name", type: "varchar", length: 100, nullable: false, default: null },
        { kind: "column", table: "band", name: "manager", type: "integer", nullable: true, default: null },
        { kind: "column", table: "band", name: "popularity", type: "integer", nullable: false, default: { kind: "value", value: 0 } },
        { kind: "column", table: "band", name: "rating", type: "numeric", precision: 5, scale: 2, nullable: true, default: null },
        { kind: "column", table: "band", name: "founded", type: "timestamptz", nullable: false, default: { kind: "now" } },
      ],
      indexes: [
        { kind: "index", table: "band", name: "band_popularity_idx", columns: ["popularity"], method: "btree" },
        { kind: "index", table: "band", name: "band_popularity_name_idx", columns: ["popularity", "name"], method: "btree" },
      ],
      uniques: [
        { kind: "unique", table: "band", name: "band_name_key", columns: ["name"] },
        { kind: "unique", table: "band", name: "band_name_manager_key", columns: ["name", "manager"] },
      ],
      checks: [
        { kind: "check", table: "band", name: "band_2_check", sql: "length(name) > 0" },
        { kind: "check", table: "band", name: "band_popularity_positive", sql: "popularity >= 0" },
      ],
      foreignKeys: [{
        kind: "foreign_key", table: "band", name: "band_manager_fkey", columns: ["manager"],
        references: { table: "manager", columns: ["id"] }, onDelete: "cascade", onUpdate: "cascade",
      }],
    });
  });

  test("composite primary key made of a foreign key and a column", () => {
    const member = snapshotFromTables(musicTables()).table("band_member");
    expect(member?.table).toEqual({ kind: "table", name: "band_member", primaryKey: ["band", "person"], className: "BandMember" });
    expect(member?.columns.map((c) => [c.name, c.type, c.nullable])).toEqual([["band", "integer", false], ["person", "varchar", false]]);
    expect(member?.foreignKeys[0]).toMatchObject({ name: "band_member_band_fkey", references: { table: "band", columns: ["id"] }, onDelete: "no action", onUpdate: "no action" });
  });

  test("same input, equal snapshot; input order does not matter; a table listed twice counts once", () => {
    const a = musicTables();
    const b = musicTables();
    expect(snapshotFromTables([a.BandMember, a.Band, a.Manager, a.Band]).entities)
      .toEqual(snapshotFromTables([b.Manager, b.Band, b.BandMember]).entities);
    expect(snapshotFromTables(a).entities).toEqual(snapshotFromTables(b).entities);
  });

  test("a tables module: non-table exports ignored, export names become class names, default last", () => {
    const { Manager } = musicTables();
    const snapshot = snapshotFromTables({ helper: () => 1, VERSION: "1", default: Manager, Manager, Boss: Manager });
    expect(snapshot.table("manager")?.table.className).toBe("Boss");
    expect(snapshotFromTables({ default: Manager }).table("manager")?.table).toEqual({ kind: "table", name: "manager", primaryKey: ["id"] });
    expect(snapshotFromTables([Manager]).table("manager")?.table.className).toBeUndefined();
  });

  test("foreign keys take their target's type: serial → integer, bigserial → bigint, uuid, varchar with its length", () => {
    const A = table("a", { id: serial().primaryKey() });
    const B = table("b", { id: bigserial().primaryKey() });
    const C = table("c", { id: uuid().primaryKey().defaultRandom() });
    const D = table("d", { code: varchar({ length: 12 }).primaryKey() });
    const E = table("e", { id: numeric({ precision: 10, scale: 0 }).primaryKey() });
    const R = table("r", {
      a: foreignKey(() => A), b: foreignKey(() => B), c: foreignKey(() => C), d: foreignKey(() => D), e: foreignKey(() => E),
    });
    const columns = snapshotFromTables([A, B, C, D, E, R]).table("r")?.columns ?? [];
    expect(columns.map(({ name, type, length, precision, scale }) => ({ name, type, length, precision, scale }))).toEqual([
      { name: "id", type: "serial" },
      { name: "a", type: "integer" },
      { name: "b", type: "bigint" },
      { name: "c", type: "uuid" },
      { name: "d", type: "varchar", length: 12 },
      { name: "e", type: "numeric", precision: 10, scale: 0 },
    ].map((c) => ({ length: undefined, precision: undefined, scale: undefined, ...c })));
  });

  test("a foreign key to a unique column, and to a foreign-key primary key (type followed through)", () => {
    const Person = table("person", { email: varchar({ length: 200 }).unique() });
    const Profile = table("profile", { person: foreignKey(() => Person).primaryKey() });
    const Login = table("login", { email: foreignKey(() => Person, { column: "email", onDelete: "set null" }).nullable(), profile: foreignKey(() => Profile) });
    const snapshot = snapshotFromTables([Person, Profile, Login]);
    const login = snapshot.table("login");
    expect(login?.columns.map((c) => [c.name, c.type, c.length])).toEqual([["id", "serial", undefined], ["email", "varchar", 200], ["profile", "integer", undefined]]);
    expect(login?.foreignKeys.map((fk) => [fk.name, fk.references, fk.onDelete, fk.onUpdate])).toEqual([
      ["login_email_fkey", { table: "person", columns: ["email"] }, "set null", "no action"],
      ["login_profile_fkey", { table: "profile", columns: ["person"] }, "no action", "no action"],
    ]);
    expect(snapshot.table("profile")?.table.primaryKey).toEqual(["person"]);
  });

  test("self foreign keys, as \"self\" and as a thunk returning \"self\"; uuid primary key → uuid FK", () => {
    const Node = table("node", {
      id: uuid().primaryKey().defaultRandom(),
      parent: foreignKey("self", { onDelete: "cascade" }).nullable(),
      previous: foreignKey(() => "self").nullable(),
    });
    const node = snapshotFromTables([Node]).table("node");
    expect(node?.columns.map((c) => [c.name, c.type, c.nullable, c.default])).toEqual([
      ["id", "uuid", false, { kind: "random" }],
      ["parent", "uuid", true, null],
      ["previous", "uuid", true, null],
    ]);
    expect(node?.foreignKeys.map((fk) => fk.references)).toEqual([{ table: "node", columns: ["id"] }, { table: "node", columns: ["id"] }]);
  });

  test("tables referencing each other (one thunk annotated, as TypeScript needs)", () => {
    const A = table("a", { b: foreignKey((): Table => B).nullable() });
    const B = table("b", { a: foreignKey(() => A).nullable() });
    const snapshot = snapshotFromTables([A, B]);
    expect(snapshot.column("a", "b")?.type).toBe("integer");
    expect(snapshot.column("b", "a")?.type).toBe("integer");
  });

  test(".dbName is used everywhere: columns, derived names, options, primary key, FK references", () => {
    const Artist = table("artist", { artistId: serial().primaryKey().dbName("artist_id"), fullName: text().dbName("full_name").unique().index() }, {
      indexes: [{ columns: ["fullName", "artistId"], method: "hash" }],
    });
    const Song = table("song", { by: foreignKey(() => Artist).dbName("artist") });
    const snapshot = snapshotFromTables([Artist, Song]);
    const artist = snapshot.table("artist");
    expect(artist?.table.primaryKey).toEqual(["artist_id"]);
    expect(artist?.columns.map((c) => c.name)).toEqual(["artist_id", "full_name"]);
    expect(artist?.uniques.map((u) => [u.name, u.columns])).toEqual([["artist_full_name_key", ["full_name"]]]);
    expect(artist?.indexes.map((i) => [i.name, i.columns, i.method])).toEqual([
      ["artist_full_name_artist_id_idx", ["full_name", "artist_id"], "hash"],
      ["artist_full_name_idx", ["full_name"], "btree"],
    ]);
    expect(snapshot.table("song")?.foreignKeys[0]).toMatchObject({ name: "song_artist_fkey", columns: ["artist"], references: { table: "artist", columns: ["artist_id"] } });
  });

  test("given names are kept; long derived names are shortened to 63 bytes", () => {
    const long = "a_very_long_table_name_that_goes_on_and_on";
    const T = table(long, {
      another_quite_long_column_name: text().unique({ name: "short_key" }).index(),
    }, { unique: [{ columns: ["another_quite_long_column_name", "id"], name: "pair_key" }], indexes: [{ columns: ["id"], name: "by_id" }] });
    const schema = snapshotFromTables([T]).table(long);
    expect(schema?.uniques.map((u) => u.name)).toEqual(["pair_key", "short_key"]);
    const derived = schema?.indexes.find((i) => i.name !== "by_id")?.name ?? "";
    expect(derived).toMatch(/^a_very_long_table_name_that_goes_on_and_on_another_qui_[0-9a-f]{8}$/);
    expect(Buffer.byteLength(derived)).toBe(63);
  });

  test("defaults of every kind, normalised", () => {
    const T = table("t", {
      a: varchar({ length: 20 }).default("it's \"quoted\"\n"),
      b: text().defaultSql("'x' || 'y'"),
      c: integer().default(-5),
      d: bigint().default(2n ** 62n),
      e: smallint().default(7),
      e2: bigint().default(7n),
      f: boolean().default(true),
      g: real().default(1.5),
      h: doublePrecision().default(0.1),
      i: numeric({ precision: 8, scale: 3 }).default(12.5),
      j: numeric().default("0.1000"),
      k: timestamp().default(new Date("2020-05-06T07:08:09Z")),
      l: timestamptz().defaultNow(),
      m: date().default("2021-12-31"),
      n: date().defaultNow(),
      o: time().default("12:00"),
      p: time().defaultNow(),
      q: uuid().defaultRandom(),
      r: uuid().default("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11"),
      s: json().default([1, { b: 2, a: 1 }]),
      t: jsonb().default({ nested: { z: null, y: "x" } }),
      u: bytea().default(new Uint8Array([1, 2, 254])),
      v: text().nullable().default(null),
      w: text(),
    });
    const defaults = Object.fromEntries((snapshotFromTables([T]).table("t")?.columns ?? []).map((c) => [c.name, c.default]));
    expect(defaults).toEqual({
      id: null,
      a: { kind: "value", value: "it's \"quoted\"\n" },
      b: { kind: "sql", sql: "'x' || 'y'" },
      c: { kind: "value", value: -5 },
      d: { kind: "value", value: "4611686018427387904" },
      e: { kind: "value", value: 7 },
      e2: { kind: "value", value: 7 },
      f: { kind: "value", value: true },
      g: { kind: "value", value: 1.5 },
      h: { kind: "value", value: 0.1 },
      i: { kind: "value", value: "12.500" },
      j: { kind: "value", value: "0.1000" },
      k: { kind: "value", value: "2020-05-06T07:08:09.000Z" },
      l: { kind: "now" },
      m: { kind: "value", value: "2021-12-31" },
      n: { kind: "now" },
      o: { kind: "value", value: "12:00" },
      p: { kind: "now" },
      q: { kind: "random" },
      r: { kind: "value", value: "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11" },
      s: { kind: "value", value: [1, { a: 1, b: 2 }] },
      t: { kind: "value", value: { nested: { y: "x", z: null } } },
      u: { kind: "value", value: "0102fe" },
      v: null,
      w: null,
    });
  });

  test("primary key columns are NOT NULL", () => {
    const T = table("t", { a: integer(), b: integer() }, { primaryKey: ["a", "b"] });
    expect(columnsOf(snapshotFromTables([T]).entities, "t").map((c) => c.nullable)).toEqual([false, false]);
  });

  test("invalid tables throw one coded error before anything is built", () => {
    const bad = table("t", { a: integer().default(null), b: text().dbName("a") });
    try {
      snapshotFromTables([bad]);
      expect.unreachable();
    } catch (error) {
      expect(isMigError(error, "MIG_E_SCHEMA_INVALID")).toBe(true);
      expect((error as { problems: unknown[] }).problems).toHaveLength(2);
    }
  });

  test("a foreign key to another app's table needs it listed as external", () => {
    const { Manager, Band } = musicTables();
    try {
      snapshotFromTables([Band]);
      expect.unreachable();
    } catch (error) {
      expect(isMigError(error, "MIG_E_SCHEMA_INVALID")).toBe(true);
    }
    expect(snapshotFromTables([Band], { externalTables: [Manager] }).tableNames()).toEqual(["band"]);
  });

  test("an array holding something that is not a table is a coded error", () => {
    try {
      snapshotFromTables([musicTables().Manager, { name: "x" } as never]);
      expect.unreachable();
    } catch (error) {
      expect(isMigError(error, "MIG_E_SCHEMA_INVALID")).toBe(true);
    }
  });
});
