import type { ForeignKeyAction } from "../../snapshot/types";
import type { SchemaScenario } from "../conformance-scenario";
import { type TableSpec, col, schema } from "../schema-builders";
import { BAND, EMPTY, ID, withColumns } from "./fixtures";

function album(onDelete: ForeignKeyAction, onUpdate: ForeignKeyAction): TableSpec {
  return {
    name: "album",
    columns: [ID, col("title", "varchar", { length: 80 }), col("band_id", "integer", { nullable: true })],
    foreignKeys: [{ name: "album_band_id_fkey", columns: ["band_id"], references: { table: "band", columns: ["id"] }, onDelete, onUpdate }],
  };
}

const ALBUM_PLAIN: TableSpec = { ...album("no action", "no action"), foreignKeys: [] };

const ALBUMS = [{ title: "First", band_id: 1 }, { title: "Second", band_id: 1 }];

export const FOREIGN_KEY_SCENARIOS: readonly SchemaScenario[] = [
  {
    // A table rebuild that drops the parent with enforcement on would cascade-delete the children.
    name: "alter a column of a table others reference with ON DELETE CASCADE: the child rows stay",
    before: schema(BAND, album("cascade", "cascade")),
    after: schema(withColumns(BAND, col("name", "varchar", { length: 100 })), album("cascade", "cascade")),
    requires: (can) => can.autoAlter,
    seed: { band: [{ name: "Pythonistas" }], album: ALBUMS },
    afterForwards: async (c) => c.expectRows("album", ALBUMS, "id"),
    afterBackwards: async (c) => c.expectRows("album", ALBUMS, "id"),
  },
  {
    name: "foreign keys with actions, created with their table",
    before: schema(BAND),
    after: schema(BAND, album("cascade", "set null")),
    seed: { band: [{ name: "Pythonistas" }] },
    rows: { album: [{ title: "First", band_id: 1 }] },
    afterForwards: async (c) => {
      await c.expectFailure(() => c.db.table("album").insert({ title: "Orphan", band_id: 99 }), "the foreign key");
      await c.db.table("band").delete({ id: 1 });
      await c.expectRows("album", [], "id");
    },
  },
  {
    name: "foreign key: change on delete keeps on update",
    before: schema(BAND, album("no action", "cascade")),
    after: schema(BAND, album("cascade", "cascade")),
    requires: (can) => can.alterConstraints,
    seed: { band: [{ name: "Pythonistas" }], album: [{ title: "First", band_id: 1 }] },
    afterForwards: async (c) => {
      await c.db.table("band").update({ id: 5 }, { id: 1 });
      await c.expectRows("album", [{ band_id: 5 }], "id");
      await c.db.table("band").delete({ id: 5 });
      await c.expectRows("album", [], "id");
    },
  },
  {
    name: "foreign key: add to an existing table",
    before: schema(BAND, ALBUM_PLAIN),
    after: schema(BAND, album("set null", "no action")),
    requires: (can) => can.alterConstraints,
    seed: { band: [{ name: "Pythonistas" }], album: [{ title: "First", band_id: 1 }] },
    afterForwards: async (c) => c.expectFailure(() => c.db.table("album").insert({ title: "Orphan", band_id: 99 }), "the added foreign key"),
  },
  {
    name: "self foreign key",
    before: EMPTY,
    after: schema({
      name: "employee",
      columns: [ID, col("name", "varchar", { length: 40 }), col("manager_id", "integer", { nullable: true })],
      foreignKeys: [{ name: "employee_manager_id_fkey", columns: ["manager_id"], references: { table: "employee", columns: ["id"] }, onDelete: "set null" }],
    }),
    rows: { employee: [{ name: "Boss" }, { name: "Worker", manager_id: 1 }] },
    afterForwards: async (c) => {
      await c.db.table("employee").delete({ name: "Boss" });
      await c.expectRows("employee", [{ name: "Worker", manager_id: null }], "id");
    },
  },
  {
    name: "two tables referencing each other",
    before: EMPTY,
    after: schema(
      {
        name: "author",
        columns: [ID, col("favourite_book_id", "integer", { nullable: true })],
        foreignKeys: [{ name: "author_favourite_book_id_fkey", columns: ["favourite_book_id"], references: { table: "book", columns: ["id"] } }],
      },
      {
        name: "book",
        columns: [ID, col("author_id", "integer", { nullable: true })],
        foreignKeys: [{ name: "book_author_id_fkey", columns: ["author_id"], references: { table: "author", columns: ["id"] } }],
      },
    ),
    // A cycle: one foreign key is added after both tables exist, or (without ALTER CONSTRAINT)
    // written into its CREATE TABLE, which SQLite allows before the target exists.
    rows: { author: [{ favourite_book_id: null }], book: [{ author_id: 1 }] },
    afterForwards: async (c) => {
      await c.db.table("author").update({ favourite_book_id: 1 }, { id: 1 });
      await c.expectFailure(() => c.db.table("book").insert({ author_id: 99 }), "book → author");
      await c.expectFailure(() => c.db.table("author").insert({ favourite_book_id: 99 }), "author → book");
      await c.db.table("author").update({ favourite_book_id: null }, { id: 1 });
    },
  },
];
