import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { diff } from "@mig/core";
import { type RebuildTableOperation } from "@mig/core/dialect";
import { col, schema } from "@mig/core/testing";
import { type Db, album, artist, audit, migration, musicDb, rebuildPlan, track, v1 } from "./rebuild-fixtures";

/** The parent's name: varchar(50) NULL → text NOT NULL (NULLs become "unknown"); rating: integer → bigint. */
const v2 = schema(
  { ...artist, columns: [col("id", "serial"), col("name", "text"), col("country", "text", { nullable: true }), col("rating", "bigint", { default: { kind: "value", value: 0 } })] },
  album,
  track,
  audit,
);

let db: Db;
let plan: readonly RebuildTableOperation[];

beforeEach(async () => {
  db = await musicDb();
  plan = rebuildPlan(v1, v2, { "artist.name": "unknown" }) as RebuildTableOperation[];
});
afterEach(() => db.cleanup());

const count = (table: string) => db.all<{ n: number }>(`SELECT count(*) AS n FROM "${table}"`)[0]?.n;

describe("rebuilding a parent table with cascading children and grandchildren", () => {
  it("is one explicit rebuild_table operation", () => {
    expect(plan).toEqual([
      { kind: "rebuild_table", from: v1.table("artist"), to: v2.table("artist"), columnMap: { id: "id", name: "name", country: "country", rating: "rating" }, backfill: { name: "unknown" } },
    ]);
  });

  it("keeps every child and grandchild row, and the backfilled parent rows", async () => {
    const result = await db.forwards([migration(1, []), migration(2, plan)]);
    expect(result.error).toBeUndefined();
    expect([count("artist"), count("album"), count("track")]).toEqual([3, 4, 6]);
    expect(db.all("SELECT id, name, rating, typeof(rating) AS t FROM artist ORDER BY id")).toEqual([
      { id: 1, name: "Pythonistas", rating: 5, t: "integer" },
      { id: 2, name: "Rustaceans", rating: 3, t: "integer" },
      { id: 3, name: "unknown", rating: 0, t: "integer" },
    ]);
    expect(db.all("PRAGMA foreign_keys")).toEqual([{ foreign_keys: 1 }]);
  });

  it("still enforces foreign keys afterwards: orphans are refused, deletes cascade to grandchildren", async () => {
    await db.forwards([migration(1, []), migration(2, plan)]);
    expect(() => db.exec("INSERT INTO album (artist, title) VALUES (99, 'orphan')")).toThrow(/FOREIGN KEY/);
    expect(() => db.exec("INSERT INTO track (album, name) VALUES (99, 'orphan')")).toThrow(/FOREIGN KEY/);
    db.exec("DELETE FROM artist WHERE id = 1");
    expect([count("artist"), count("album"), count("track")]).toEqual([2, 2, 3]);
    expect(db.all("PRAGMA foreign_key_check")).toEqual([]);
  });

  it("keeps indexes, unique and check constraints, triggers and views working", async () => {
    await db.forwards([migration(1, []), migration(2, plan)]);
    expect(db.all<{ name: string }>("SELECT name FROM pragma_index_list('artist') WHERE origin = 'c'")).toEqual([{ name: "artist_country_idx" }]);
    expect(() => db.exec("INSERT INTO artist (name) VALUES ('Pythonistas')")).toThrow(/UNIQUE/);
    expect(() => db.exec("INSERT INTO artist (name, rating) VALUES ('New', -1)")).toThrow(/CHECK/);
    expect(db.all("SELECT type, name FROM sqlite_master WHERE type IN ('view', 'trigger') ORDER BY name")).toEqual([
      { type: "trigger", name: "album_touch" },
      { type: "view", name: "artist_album_count" },
      { type: "view", name: "artist_albums" },
      { type: "trigger", name: "artist_audit" },
    ]);
    expect(db.all("SELECT artist, n FROM artist_album_count ORDER BY artist")).toEqual([
      { artist: "Pythonistas", n: 2 },
      { artist: "Rustaceans", n: 1 },
      { artist: "unknown", n: 1 },
    ]);
    db.exec("UPDATE artist SET name = 'Snakes' WHERE id = 1");
    expect(db.all("SELECT what FROM audit")).toEqual([{ what: "renamed Snakes" }]);
    db.exec("INSERT INTO album (artist, title) VALUES (2, 'E')");
    expect(db.all("SELECT rating FROM artist WHERE id = 2")).toEqual([{ rating: 4 }]);
    expect(db.all("SELECT name FROM sqlite_master WHERE name LIKE '%mig_new%'")).toEqual([]);
    expect(db.all("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
  });

  it("introspects as the target schema: diffing it against the target gives nothing", async () => {
    await db.forwards([migration(1, []), migration(2, plan)]);
    expect(diff(await db.introspect(), db.normalised(v2))).toEqual([]);
  });

  it("goes backwards by rebuilding to the old definition, data and foreign keys intact", async () => {
    const sources = [migration(1, []), migration(2, plan)];
    await db.forwards(sources);
    const back = await db.backwards(sources);
    expect(back.error).toBeUndefined();
    expect(diff(await db.introspect(), db.normalised(v1))).toEqual([]);
    expect([count("artist"), count("album"), count("track")]).toEqual([3, 4, 6]);
    expect(db.all("PRAGMA foreign_keys")).toEqual([{ foreign_keys: 1 }]);
    db.exec("INSERT INTO artist (name) VALUES (NULL)");
    expect(() => db.exec("INSERT INTO album (artist, title) VALUES (99, 'orphan')")).toThrow(/FOREIGN KEY/);
    db.exec("DELETE FROM artist WHERE id = 2");
    expect([count("album"), count("track")]).toEqual([3, 4]);
  });

  it("keeps the AUTOINCREMENT counter: a deleted id is not reused", async () => {
    db.exec("INSERT INTO artist (id, name) VALUES (10, 'Gone')");
    db.exec("DELETE FROM artist WHERE id = 10");
    await db.forwards([migration(1, []), migration(2, plan)]);
    db.exec("INSERT INTO artist (name) VALUES ('Next')");
    expect(db.all("SELECT id FROM artist WHERE name = 'Next'")).toEqual([{ id: 11 }]);
  });

  it("previews foreign keys switched off before the transaction and on after it", async () => {
    const preview = await db.forwards([migration(1, []), migration(2, plan)], { preview: true });
    const statements = preview.migrations[0]?.statements ?? [];
    expect(statements[0]).toMatchObject({ sql: "PRAGMA foreign_keys = OFF", outsideTransaction: "before" });
    expect(statements.at(-1)).toMatchObject({ sql: "PRAGMA foreign_keys = ON", outsideTransaction: "after" });
    expect(statements.map((s) => s.sql)).toContain('DROP TABLE "artist"');
    expect(count("artist")).toBe(3);
  });
});
