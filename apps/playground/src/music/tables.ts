import { date, foreignKey, integer, smallint, table, timestamptz, varchar } from "@mig/core";

/** A band's manager. */
export const Manager = table("manager", {
  name: varchar({ length: 80 }),
  email: varchar({ length: 255 }).nullable().unique(),
});

export const Band = table("band", {
  name: varchar({ length: 120 }).unique(),
  manager: foreignKey(() => Manager, { onDelete: "set null" }).nullable(),
  popularity: integer().default(0).index(),
  formed: date().nullable(),
  created_at: timestamptz().defaultNow(),
});

export const Album = table(
  "album",
  {
    band: foreignKey(() => Band, { onDelete: "cascade" }),
    title: varchar({ length: 200 }),
    release_date: date().nullable(),
  },
  { unique: [["band", "title"]] },
);

export const Track = table(
  "track",
  {
    album: foreignKey(() => Album, { onDelete: "cascade" }),
    position: smallint(),
    title: varchar({ length: 200 }),
    duration_seconds: integer().nullable(),
  },
  { unique: [["album", "position"]], checks: [{ name: "track_position_positive", sql: "position > 0" }] },
);
