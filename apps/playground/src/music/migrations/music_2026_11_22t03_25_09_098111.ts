import { date, foreignKey, integer, MigrationManager, table, varchar } from "@mig/core";

export const ID = "2026-11-22T03:25:09:098111";
export const VERSION = "0.1.0";
export const DESCRIPTION = "Seed managers, bands and albums";

// The tables as they are at this point of the history, defined here so that the migration never
// depends on the app's current tables module.
const Manager = table("manager", {
  name: varchar({ length: 80 }),
  email: varchar({ length: 255 }).nullable(),
});

const Band = table("band", {
  name: varchar({ length: 120 }),
  manager: foreignKey(() => Manager).nullable(),
  popularity: integer(),
  formed: date().nullable(),
});

const Album = table("album", {
  band: foreignKey(() => Band),
  title: varchar({ length: 200 }),
  release_date: date().nullable(),
});

const BANDS = [
  { name: "Pink Floyd", formed: "1965-01-01", popularity: 95, albums: [["The Dark Side of the Moon", "1973-03-01"], ["Wish You Were Here", "1975-09-12"]] },
  { name: "Radiohead", formed: "1985-01-01", popularity: 90, albums: [["OK Computer", "1997-05-21"], ["Kid A", "2000-10-02"]] },
  { name: "Portishead", formed: "1991-01-01", popularity: 70, albums: [["Dummy", "1994-08-22"]] },
] as const;

export async function forwards(): Promise<MigrationManager> {
  const manager = new MigrationManager({ migrationId: ID, appName: "music", description: DESCRIPTION });

  manager.addRaw(async (db) => {
    await db.table(Manager).insert({ name: "Steve O'Rourke", email: "steve@example.com" });
    const [steve] = await db.table(Manager).select<{ id: number }>({ name: "Steve O'Rourke" });
    for (const band of BANDS) {
      await db.table(Band).insert({
        name: band.name,
        formed: band.formed,
        popularity: band.popularity,
        manager: band.name === "Pink Floyd" ? steve?.id ?? null : null,
      });
      const [row] = await db.table(Band).select<{ id: number }>({ name: band.name });
      await db.table(Album).insert(band.albums.map(([title, released]) => ({ band: row?.id, title, release_date: released })));
    }
  });

  manager.addRawBackwards(async (db) => {
    for (const band of BANDS) {
      const [row] = await db.table(Band).select<{ id: number }>({ name: band.name });
      if (row) await db.table(Album).delete({ band: row.id });
      await db.table(Band).delete({ name: band.name });
    }
    await db.table(Manager).delete({ name: "Steve O'Rourke" });
  });

  return manager;
}
