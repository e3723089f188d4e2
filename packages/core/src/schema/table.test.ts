import { describe, expect, expectTypeOf, test } from "vitest";
import { isMigError } from "../errors/mig-error";
import { integer, serial, text, varchar } from "./column-factories";
import { foreignKey } from "./foreign-key";
import { type Table, isTable, table } from "./table";
import { findColumn, isUniqueColumn, primaryKeyColumns } from "./table-columns";

describe("table", () => {
  test("a table without a primary key gets id: serial().primaryKey() first", () => {
    const Manager = table("manager", { name: varchar({ length: 50 }) });
    expect(Manager.columnList.map((c) => [c.key, c.name, c.definition.kind, c.definition.primaryKey, c.implicit ?? false])).toEqual([
      ["id", "id", "serial", true, true],
      ["name", "name", "varchar", false, false],
    ]);
    expect(primaryKeyColumns(Manager).map((c) => c.name)).toEqual(["id"]);
  });

  test("a primary key column of any name, or the primaryKey option, means no implicit id", () => {
    const Artist = table("artist", { artist_id: serial().primaryKey(), name: text() });
    expect(Artist.columnList.map((c) => c.name)).toEqual(["artist_id", "name"]);
    expect(primaryKeyColumns(Artist).map((c) => c.name)).toEqual(["artist_id"]);
    const Member = table("member", { band: integer(), person: text().dbName("person_name") }, { primaryKey: ["band", "person"] });
    expect(Member.columnList.map((c) => c.name)).toEqual(["band", "person_name"]);
    expect(primaryKeyColumns(Member).map((c) => c.name)).toEqual(["band", "person_name"]);
  });

  test(".dbName sets the database name; the key stays", () => {
    const Band = table("band", { title: varchar().dbName("band_title") });
    expect(findColumn(Band, "title")?.name).toBe("band_title");
    expect(findColumn(Band, "band_title")?.key).toBe("title");
    expect(findColumn(Band, "nope")).toBeUndefined();
  });

  test("values are frozen, branded, and keep the name for db.table(T)", () => {
    const Band = table("band", { name: text() });
    expect(Band.name).toBe("band");
    expect(Object.isFrozen(Band)).toBe(true);
    expect(isTable(Band)).toBe(true);
    expect(isTable({ name: "band" })).toBe(false);
    expect(isTable(undefined)).toBe(false);
  });

  test("columns that are not builders are left for validation to report", () => {
    const Odd = table("odd", { a: 5 as never, b: text() });
    expect(Odd.columnList.map((c) => c.name)).toEqual(["id", "b"]);
  });

  test("a columns argument that is not an object is a coded error", () => {
    try {
      table("t", null as never);
      expect.unreachable();
    } catch (error) {
      expect(isMigError(error, "MIG_E_SCHEMA_INVALID")).toBe(true);
    }
  });

  test("isUniqueColumn: single primary key, .unique(), one-column unique option", () => {
    const T = table("t", { a: text().unique(), b: text(), c: text(), d: text() }, { unique: [["b"], { columns: ["c", "d"] }] });
    const names = T.columnList.filter((c) => isUniqueColumn(T, c)).map((c) => c.name);
    expect(names).toEqual(["id", "a", "b"]);
  });

  test("types: columns and option keys are typed", () => {
    const Band = table("band", { name: text(), popularity: integer() }, { unique: [["name", "id"]] });
    expectTypeOf(Band).toMatchTypeOf<Table>();
    expectTypeOf(Band.columns.name).toEqualTypeOf<ReturnType<typeof text>>();
    // @ts-expect-error option keys must be column keys
    table("x", { a: text() }, { indexes: [{ columns: ["b"] }] });
    const self = table("node", { parent: foreignKey("self").nullable() });
    expectTypeOf(self.name).toEqualTypeOf<string>();
  });
});
