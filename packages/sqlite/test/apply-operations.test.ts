import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { diff } from "@mig/core";
import { type SchemaOperation, Snapshot } from "@mig/core/dialect";
import { type SqliteConnection, sqliteDialect } from "../src/index";
import { column, createTables, entitiesOfSchemas, tableSchema, tempDatabase } from "./fixtures";

let db: Awaited<ReturnType<typeof tempDatabase>>;
let connection: SqliteConnection;
beforeEach(async () => {
  db = await tempDatabase();
  connection = db.connection;
});
afterEach(async () => db.cleanup());

const run = async (operation: SchemaOperation) => {
  for (const statement of sqliteDialect.emitter.emit(operation)) await connection.execute(statement);
};
const introspect = () => sqliteDialect.introspector.introspect(connection);

const manager = tableSchema("manager", [{ name: "id", type: "serial" }, { name: "name", type: "varchar", length: 50 }]);
const band = tableSchema(
  "band",
  [{ name: "id", type: "serial" }, { name: "name", type: "varchar", length: 100 }, { name: "manager", type: "integer", nullable: true }],
  {
    uniques: [{ name: "band_name_key", columns: ["name"] }],
    foreignKeys: [{ name: "band_manager_fkey", columns: ["manager"], references: { table: "manager", columns: ["id"] }, onDelete: "cascade", onUpdate: "cascade" }],
  },
);

describe("operations applied to a real database, checked by introspection", () => {
  it("each operation and its reverse leave the diff against the intended schema empty", async () => {
    await createTables(connection, [manager, band]);
    await connection.query(`INSERT INTO manager (name) VALUES ('Guido')`);
    await connection.query(`INSERT INTO band (name, manager) VALUES ('Pythonistas', 1)`);
    let expected = Snapshot.fromEntities(entitiesOfSchemas([manager, band]));
    const check = async () => expect(diff(await introspect(), sqliteDialect.normalise!(expected))).toEqual([]);

    const popularity = column("band", { name: "popularity", type: "integer", default: { kind: "value", value: 1000 } });
    await run({ kind: "add_column", table: "band", column: popularity });
    expected = expected.with({ add: [popularity] });
    await check();
    expect((await connection.query(`SELECT popularity FROM band`)).rows).toEqual([{ popularity: 1000 }]);

    const index = { kind: "index", table: "band", name: "band_popularity_idx", columns: ["popularity"], method: "btree" } as const;
    await run({ kind: "add_index", index });
    expected = expected.with({ add: [index] });
    await check();

    await run({ kind: "rename_column", table: "band", from: "name", to: "title" });
    await run({ kind: "rename_table", from: "band", to: "group" });
    let after = await introspect();
    expect(after.table("group")?.uniques).toEqual([{ kind: "unique", table: "group", name: "band_name_key", columns: ["title"] }]);
    expect(after.table("group")?.foreignKeys[0]?.references).toEqual({ table: "manager", columns: ["id"] });
    expect((await connection.query(`SELECT title, manager FROM "group"`)).rows).toEqual([{ title: "Pythonistas", manager: 1 }]);
    // The renamed unique constraint is still enforced.
    await expect(connection.query(`INSERT INTO "group" (title) VALUES ('Pythonistas')`)).rejects.toThrow(/UNIQUE/);

    await run({ kind: "rename_table", from: "group", to: "band" });
    await run({ kind: "rename_column", table: "band", from: "title", to: "name" });
    await run({ kind: "drop_index", index });
    await run({ kind: "drop_column", table: "band", column: popularity });
    expected = expected.with({ remove: ["index:band:band_popularity_idx", "column:band:popularity"] });
    await check();

    // Dropping and recreating from the operation's own record restores the table.
    await run({ kind: "drop_table", schema: band });
    after = await introspect();
    expect(after.tableNames()).toEqual(["manager"]);
    await run({ kind: "create_table", schema: band });
    await check();
  });

  it("a non-constant default cannot be added to a table with rows (the capability says so); a constant one can", async () => {
    expect(sqliteDialect.capabilities.addColumnNonConstantDefault).toBe(false);
    await createTables(connection, [manager]);
    await connection.query(`INSERT INTO manager (name) VALUES ('Guido')`);
    await expect(run({ kind: "add_column", table: "manager", column: column("manager", { name: "at", type: "timestamp", default: { kind: "now" } }) })).rejects.toThrow(/non-constant/);
    await run({ kind: "add_column", table: "manager", column: column("manager", { name: "n", type: "integer", nullable: true }) });
    expect((await connection.query(`SELECT n FROM manager`)).rows).toEqual([{ n: null }]);
  });

  it("cascades work through the created foreign keys", async () => {
    await createTables(connection, [manager, band]);
    await connection.query(`INSERT INTO manager (name) VALUES ('Guido')`);
    await connection.query(`INSERT INTO band (name, manager) VALUES ('Pythonistas', 1)`);
    await connection.query(`UPDATE manager SET id = 5`);
    expect((await connection.query(`SELECT manager FROM band`)).rows).toEqual([{ manager: 5 }]);
    await connection.query(`DELETE FROM manager`);
    expect((await connection.query(`SELECT count(*) AS n FROM band`)).rows).toEqual([{ n: 0 }]);
  });
});
