import type { SchemaScenario, ScenarioContext } from "../conformance-scenario";
import { check } from "../conformance-check";
import { qualifiedTableName } from "../../schema/qualified-table-name";
import { col, schema } from "../schema-builders";
import { BAND, EMPTY, ID, only } from "./fixtures";

/*
 * Tables in named schemas (`table(..., { schema })`), for dialects with `capabilities.schemas`;
 * a dialect without them must refuse these migrations with MIG_E_UNSUPPORTED, changing nothing.
 * The schema names are the kit's own (`kit_…`), so that a reset can find what a failure left.
 */
const MUSIC = "kit_music";
const ARCHIVE = "kit_archive";
const musicBand = qualifiedTableName(MUSIC, "band");
const musicAlbum = qualifiedTableName(MUSIC, "album");
const archiveBand = qualifiedTableName(ARCHIVE, "band");

const hasSchemas = (c: { readonly schemas: boolean }) => c.schemas;

/** Requires that the database has (or no longer has) the schema, through the standard `information_schema.schemata`. */
async function expectSchemaExists(c: ScenarioContext, name: string, exists: boolean): Promise<void> {
  const rows = await c.db.raw("SELECT schema_name FROM information_schema.schemata WHERE schema_name = {}", name);
  check(rows.length === (exists ? 1 : 0), `schema "${name}" should ${exists ? "exist" : "be gone (mig created it and it is empty)"}; found ${rows.length}`);
}

const ALBUM = {
  name: "album",
  columns: [ID, col("title", "varchar", { length: 50 }), col("band_id", "integer")],
};

export const SCHEMA_SCENARIOS_OF_SCHEMAS: readonly SchemaScenario[] = [
  {
    name: "schemas: tables in a named schema, with an index, a unique, a serial key and foreign keys into it",
    before: EMPTY,
    after: schema(
      { ...BAND, name: musicBand, indexes: [{ name: "band_popularity_idx", columns: ["popularity"] }], uniques: [{ name: "band_name_key", columns: ["name"] }] },
      // The same name in the schema and in the connection's own schema: two tables.
      { ...ALBUM, name: musicAlbum, foreignKeys: [{ name: "album_band_id_fkey", columns: ["band_id"], references: { table: musicBand, columns: ["id"] }, onDelete: "cascade" }] },
      { ...ALBUM, foreignKeys: [{ name: "home_album_band_id_fkey", columns: ["band_id"], references: { table: musicBand, columns: ["id"] } }] },
    ),
    requires: hasSchemas,
    rows: {
      [musicBand]: [{ name: "Pythonistas" }, { name: "Rustaceans", popularity: 7 }],
      [musicAlbum]: [{ title: "Zen", band_id: 1 }],
      album: [{ title: "Home", band_id: 2 }],
    },
    afterForwards: async (c) => {
      await expectSchemaExists(c, MUSIC, true);
      await c.expectRows(musicBand, [{ id: 1, name: "Pythonistas", popularity: 0 }, { id: 2, name: "Rustaceans", popularity: 7 }], "id");
      await c.expectFailure(() => c.db.table(musicBand).insert({ name: "Pythonistas" }), "a duplicate name in the schema's table");
      await c.expectFailure(() => c.db.table("album").insert({ title: "Nowhere", band_id: 99 }), "a foreign key into the schema");
    },
    afterBackwards: (c) => expectSchemaExists(c, MUSIC, false),
  },
  {
    name: "schemas: move a table into a named schema and back, keeping rows and foreign keys",
    before: schema(BAND, { ...ALBUM, foreignKeys: [{ name: "album_band_id_fkey", columns: ["band_id"], references: { table: "band", columns: ["id"] } }] }),
    after: schema({ ...BAND, name: archiveBand }, { ...ALBUM, foreignKeys: [{ name: "album_band_id_fkey", columns: ["band_id"], references: { table: archiveBand, columns: ["id"] } }] }),
    operations: [{ kind: "rename_table", from: "band", to: archiveBand }],
    requires: hasSchemas,
    seed: { band: [{ name: "Pythonistas" }], album: [{ title: "Zen", band_id: 1 }] },
    afterForwards: async (c) => {
      await expectSchemaExists(c, ARCHIVE, true);
      await c.expectRows(archiveBand, [{ id: 1, name: "Pythonistas" }], "id");
      // The serial's sequence moved with the table.
      await c.db.table(archiveBand).insert({ name: "Rustaceans" });
      await c.expectRows(archiveBand, [{ id: 1 }, { id: 2, name: "Rustaceans" }], "id");
      await c.expectFailure(() => c.db.table("album").insert({ title: "Nowhere", band_id: 99 }), "the foreign key follows the moved table");
    },
    afterBackwards: async (c) => {
      await expectSchemaExists(c, ARCHIVE, false);
      await c.expectRows("band", [{ id: 1, name: "Pythonistas" }, { id: 2, name: "Rustaceans" }], "id");
    },
  },
  {
    name: "schemas: a table without a schema is not moved by one in a named schema of the same name",
    before: only(BAND),
    after: schema(BAND, { ...BAND, name: qualifiedTableName(MUSIC, "band") }),
    requires: hasSchemas,
    seed: { band: [{ name: "Home" }] },
    afterForwards: async (c) => {
      await c.expectRows("band", [{ name: "Home" }], "id");
      await c.expectRows(musicBand, [], "id");
    },
    afterBackwards: (c) => expectSchemaExists(c, MUSIC, false),
  },
];
