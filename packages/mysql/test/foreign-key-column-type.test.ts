import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bigint, diff, foreignKey, integer, snapshotFromTables, table, varchar } from "@mig/core";
import { Snapshot, planForDialect, resolveCapabilities, type Operation } from "@mig/core/dialect";
import { mysqlDialect } from "../src/index";
import type { MysqlConnection } from "../src/mysql-connection";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

// MariaDB refuses to retype a column a foreign key uses (errors 1832/1833); the planner must
// drop and re-add the key around the change, keeping rows and both actions.
const schemaWith = (idType: "integer" | "bigint") => {
  const id = idType === "integer" ? integer() : bigint();
  const Artist = table("artist", { id: id.primaryKey(), name: varchar({ length: 50 }) });
  const Album = table("album", { artist: foreignKey(() => Artist, { onDelete: "cascade", onUpdate: "cascade" }), title: varchar({ length: 50 }) });
  return snapshotFromTables({ Artist, Album });
};

async function apply(connection: MysqlConnection, operations: readonly Operation[]): Promise<void> {
  for (const op of operations) {
    if (op.kind === "raw") continue;
    for (const statement of mysqlDialect.emitter.emit(op)) await connection.execute(statement);
  }
}

const normalise = (s: Snapshot): Snapshot => mysqlDialect.normalise?.(s) ?? s;

describe("MariaDB: type change of columns used by a foreign key", () => {
  let db: TestDatabase;
  let connection: MysqlConnection;
  beforeAll(async () => {
    db = await createTestDatabase("mig_fktype");
    connection = await db.connect();
  });
  afterAll(async () => {
    await connection?.close();
    await db?.drop();
  });

  it("integer → bigint on a referenced key and its FK column, forwards and back, with rows", async () => {
    const a = schemaWith("integer");
    const b = schemaWith("bigint");
    const capabilities = resolveCapabilities(mysqlDialect.capabilities);
    await apply(connection, diff(Snapshot.empty(), a));
    await connection.query("INSERT INTO artist (id, name) VALUES (1, 'Nina'), (2, 'Miles')");
    await connection.query("INSERT INTO album (artist, title) VALUES (1, 'Pastel Blues'), (2, 'Kind of Blue')");

    await apply(connection, planForDialect(diff(a, b), capabilities, { from: a }));
    let live = await mysqlDialect.introspector.introspect(connection);
    expect(diff(normalise(live), normalise(b))).toEqual([]);
    expect((await connection.query("SELECT COUNT(*) AS n FROM album")).rows[0]).toMatchObject({ n: 2 });
    // The key is back and still cascades.
    await connection.query("DELETE FROM artist WHERE id = 1");
    expect((await connection.query("SELECT title FROM album")).rows).toEqual([{ title: "Kind of Blue" }]);
    await expect(connection.query("INSERT INTO album (artist, title) VALUES (99, 'orphan')")).rejects.toThrow();

    await apply(connection, planForDialect(diff(b, a), capabilities, { from: b }));
    live = await mysqlDialect.introspector.introspect(connection);
    expect(diff(normalise(live), normalise(a))).toEqual([]);
  });
});
