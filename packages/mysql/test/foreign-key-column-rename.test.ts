import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  diff,
  foreignKey,
  integer,
  smallint,
  snapshotFromTables,
  table,
  text,
} from "@mig/core";
import {
  Snapshot,
  invertOperation,
  planForDialect,
  resolveCapabilities,
  type Operation,
  type SchemaOperation,
} from "@mig/core/dialect";
import { mysqlDialect } from "../src/index";
import type { MysqlConnection } from "../src/mysql-connection";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// MariaDB refuses to rename a column a foreign key uses when the ALTER copies the table (error
// 1846), as it must for a table with a unique TEXT column (a USING HASH key), even with
// foreign_key_checks off. Found by the randomized round-trip soak (seed 42, case 405).
const schema = (names: { artistKey: string; albumArtist: string; albumRank: string }) => {
  const Artist = table("artist", { key: integer().primaryKey().dbName(names.artistKey), note: text().unique() });
  const Album = table("album", {
    rank: smallint().nullable().dbName(names.albumRank),
    artist: foreignKey(() => Artist, { onDelete: "cascade" }).nullable().dbName(names.albumArtist),
    title: text().unique(),
  });
  return snapshotFromTables({ Artist, Album });
};

async function apply(connection: MysqlConnection, operations: readonly Operation[]): Promise<void> {
  for (const op of operations) {
    if (op.kind === "raw") continue;
    for (const statement of mysqlDialect.emitter.emit(op)) await connection.execute(statement);
  }
}

const normalise = (s: Snapshot): Snapshot => mysqlDialect.normalise?.(s) ?? s;

describe("MariaDB: renaming columns used by a foreign key in tables with a unique TEXT column", () => {
  let db: TestDatabase;
  let connection: MysqlConnection;
  beforeAll(async () => {
    db = await createTestDatabase("mig_fkrename");
    connection = await db.connect();
  });
  afterAll(async () => {
    await connection?.close();
    await db?.drop();
  });

  it("renames the FK column and the referenced key, forwards and back, keeping rows and the key's action", async () => {
    const a = schema({ artistKey: "id", albumArtist: "artist", albumRank: "rank" });
    const b = schema({ artistKey: "artist_id", albumArtist: "artist_ref", albumRank: "position" });
    const renames = {
      tables: [],
      columns: [
        { table: "artist", from: "id", to: "artist_id" },
        { table: "album", from: "artist", to: "artist_ref" },
        { table: "album", from: "rank", to: "position" },
      ],
    };
    await apply(connection, diff(Snapshot.empty(), a));
    await connection.query("INSERT INTO artist (id, note) VALUES (1, 'a'), (2, 'b')");
    await connection.query("INSERT INTO album (`rank`, artist, title) VALUES (1, 1, 'x'), (2, 2, 'y')");

    const plan = planForDialect(diff(a, b, { renames }), resolveCapabilities(mysqlDialect.capabilities), { from: a });
    expect(plan.map((op) => op.kind)).toEqual(["drop_foreign_key", "rename_column", "rename_column", "rename_column", "add_foreign_key"]);
    await apply(connection, plan);
    const live = await mysqlDialect.introspector.introspect(connection);
    expect(diff(normalise(live), normalise(b))).toEqual([]);
    // The key is back, on the new names, and still cascades.
    await connection.query("DELETE FROM artist WHERE artist_id = 1");
    expect((await connection.query("SELECT title, artist_ref FROM album")).rows).toEqual([{ title: "y", artist_ref: 2 }]);
    await expect(connection.query("INSERT INTO album (artist_ref, title) VALUES (99, 'orphan')")).rejects.toThrow();

    // backwards runs the plan's inverse, last operation first.
    await apply(connection, [...plan].reverse().map((op) => invertOperation(op as SchemaOperation)));
    expect(diff(normalise(await mysqlDialect.introspector.introspect(connection)), normalise(a))).toEqual([]);
    expect((await connection.query("SELECT title, artist FROM album")).rows).toEqual([{ title: "y", artist: 2 }]);
  });
});
