import { type SchemaOperation, Snapshot, applyOperation, invertOperation } from "@mig/core/dialect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mysqlDialect } from "../src/index";
import type { MysqlConnection } from "../src/mysql-connection";
import { column, tableSchema } from "./support/entities";
import { type TestDatabase, createTestDatabase } from "./support/test-database";

let db: TestDatabase;
let connection: MysqlConnection;
/** The schema mig believes the database has; every step checks the database agrees. */
let state = Snapshot.empty();

const q = mysqlDialect.emitter.hooks.quoteIdentifier;

async function expectDatabaseIs(expected: Snapshot): Promise<void> {
  const live = await mysqlDialect.introspector.introspect(connection);
  expect(live.entities).toEqual(mysqlDialect.normalise!(expected).entities);
}

/** Runs `operation`, checks the database, and returns a function that reverses it and checks again. */
async function apply(operation: SchemaOperation): Promise<() => Promise<void>> {
  for (const statement of mysqlDialect.emitter.emit(operation)) await connection.execute(statement);
  state = applyOperation(state, operation);
  await expectDatabaseIs(state);
  return async () => {
    const inverse = invertOperation(operation);
    for (const statement of mysqlDialect.emitter.emit(inverse)) await connection.execute(statement);
    // Like the runner's own record: a re-added column comes last, as ADD COLUMN puts it.
    state = applyOperation(state, inverse);
    await expectDatabaseIs(state);
  };
}

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await connection.query(sql)).rows;
}

const ARTIST = tableSchema("artist", ["id"], [
  column("artist", "id", { type: "serial" }),
  column("artist", "name", { type: "varchar", length: 50 }),
  column("artist", "code", { type: "varchar", length: 10 }, { nullable: true }),
  column("artist", "score", { type: "real" }, { nullable: true }),
  column("artist", "plays", { type: "integer" }, { default: { kind: "value", value: 0 } }),
  column("artist", "label", { type: "integer" }, { nullable: true }),
]);
const LABEL = tableSchema("label", ["id"], [column("label", "id", { type: "integer" }), column("label", "name", { type: "text" })]);

beforeAll(async () => {
  db = await createTestDatabase();
  connection = await db.connect();
  await apply({ kind: "create_table", schema: LABEL });
  await apply({ kind: "create_table", schema: ARTIST });
  await connection.query("INSERT INTO label (id, name) VALUES (1, 'Warp'), (2, 'Ninja Tune')");
  await connection.query(
    "INSERT INTO artist (name, code, score, plays) VALUES ('Aphex', '42', 1.5, 2147483647), ('Bonobo', NULL, NULL, 3)",
  );
});
afterAll(async () => {
  await connection?.close();
  await db?.drop();
});

const col = (name: string) => state.column("artist", name)!;

describe("operations on a table with rows (MariaDB)", () => {
  it("MODIFY COLUMN changes type and keeps data: varchar → integer, and back", async () => {
    const { length: _length, ...code } = col("code");
    const back = await apply({ kind: "alter_column", table: "artist", from: col("code"), to: { ...code, type: "integer" } });
    expect(await rows("SELECT code FROM artist ORDER BY id")).toEqual([{ code: 42 }, { code: null }]);
    await back();
    expect(await rows("SELECT code FROM artist ORDER BY id")).toEqual([{ code: "42" }, { code: null }]);
  });

  it("widens integer → bigint and real → double precision without losing values", async () => {
    const backPlays = await apply({ kind: "alter_column", table: "artist", from: col("plays"), to: { ...col("plays"), type: "bigint" } });
    await connection.query("UPDATE artist SET plays = plays + 1 WHERE name = 'Aphex'");
    expect(await rows("SELECT plays FROM artist ORDER BY id")).toEqual([{ plays: 2147483648 }, { plays: 3 }]);
    await connection.query("UPDATE artist SET plays = 7 WHERE name = 'Aphex'");
    await backPlays();
    const backScore = await apply({ kind: "alter_column", table: "artist", from: col("score"), to: { ...col("score"), type: "doublePrecision" } });
    expect(await rows("SELECT score FROM artist ORDER BY id")).toEqual([{ score: 1.5 }, { score: null }]);
    await backScore();
  });

  it("makes a column NOT NULL after backfilling its NULLs, and nullable again", async () => {
    const from = col("score");
    const back = await apply({ kind: "alter_column", table: "artist", from, to: { ...from, nullable: false, default: { kind: "value", value: 0.5 } }, backfill: 9.5 });
    expect(await rows("SELECT name, score FROM artist ORDER BY id")).toEqual([{ name: "Aphex", score: 1.5 }, { name: "Bonobo", score: 9.5 }]);
    await connection.query("INSERT INTO artist (name) VALUES ('Caribou')");
    expect(await rows("SELECT score FROM artist WHERE name = 'Caribou'")).toEqual([{ score: 0.5 }]);
    await connection.query("DELETE FROM artist WHERE name = 'Caribou'");
    await back();
  });

  it("changes a default and a decimal precision in place", async () => {
    const back = await apply({ kind: "alter_column", table: "artist", from: col("plays"), to: { ...col("plays"), default: { kind: "value", value: 10 } } });
    await back();
    const add = await apply({
      kind: "add_column",
      table: "artist",
      column: column("artist", "fee", { type: "numeric", precision: 5, scale: 2 }, { nullable: true }),
    });
    await connection.query("UPDATE artist SET fee = 123.45");
    const widen = await apply({ kind: "alter_column", table: "artist", from: col("fee"), to: { ...col("fee"), precision: 8, scale: 3 } });
    expect(await rows("SELECT fee FROM artist WHERE name = 'Aphex'")).toEqual([{ fee: "123.450" }]);
    await widen();
    await add();
  });

  it("adds a NOT NULL column with a backfill: rows get the value, the column keeps no default", async () => {
    const back = await apply({ kind: "add_column", table: "artist", column: column("artist", "genre", { type: "varchar", length: 20 }), backfill: "it's \\ new" });
    expect(await rows("SELECT genre FROM artist ORDER BY id")).toEqual([{ genre: "it's \\ new" }, { genre: "it's \\ new" }]);
    await expect(connection.query("INSERT INTO artist (name) VALUES ('No genre')")).rejects.toMatchObject({ code: "ER_NO_DEFAULT_FOR_FIELD" });
    await back();
  });

  it("adds and drops a foreign key with nothing left behind (its own index goes with it)", async () => {
    const back = await apply({
      kind: "add_foreign_key",
      foreignKey: { kind: "foreign_key", table: "artist", name: "artist_label_fkey", columns: ["label"], references: { table: "label", columns: ["id"] }, onDelete: "set null", onUpdate: "cascade" },
    });
    await connection.query("UPDATE artist SET label = 1");
    await connection.query("DELETE FROM label WHERE id = 1");
    expect(await rows("SELECT label FROM artist ORDER BY id")).toEqual([{ label: null }, { label: null }]);
    await back();
    const { rows: indexes } = await connection.query("SELECT INDEX_NAME AS n FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'artist'");
    expect(indexes.map((r) => r["n"])).toEqual(["PRIMARY"]);
  });

  it("keeps a user's own index on a foreign-key column apart from the key's index", async () => {
    const index = await apply({ kind: "add_index", index: { kind: "index", table: "artist", name: "artist_label_idx", columns: ["label"], method: "btree" } });
    const fk = await apply({
      kind: "add_foreign_key",
      foreignKey: { kind: "foreign_key", table: "artist", name: "artist_label_fkey", columns: ["label"], references: { table: "label", columns: ["id"] }, onDelete: "no action", onUpdate: "no action" },
    });
    await fk();
    await index();
  });

  it("adds and drops unique constraints, checks and indexes", async () => {
    const unique = await apply({ kind: "add_unique", unique: { kind: "unique", table: "artist", name: "artist_name_key", columns: ["name"] } });
    await expect(connection.query("INSERT INTO artist (name) VALUES ('Aphex')")).rejects.toMatchObject({ code: "ER_DUP_ENTRY" });
    const check = await apply({ kind: "add_check", check: { kind: "check", table: "artist", name: "artist_plays_check", sql: "plays >= 0 AND (name <> '' OR plays = 0)" } });
    // 4025: MariaDB's ER_CONSTRAINT_FAILED (MySQL 8 uses 3819).
    await expect(connection.query("UPDATE artist SET plays = -1")).rejects.toMatchObject({ errno: 4025 });
    const index = await apply({ kind: "add_index", index: { kind: "index", table: "artist", name: "artist_plays_name_idx", columns: ["plays", "name"], method: "btree" } });
    await index();
    await check();
    await unique();
    await connection.query("INSERT INTO artist (name) VALUES ('Aphex')");
    await connection.query("DELETE FROM artist WHERE id > 2");
  });

  it("renames a table and a column, keeping data", async () => {
    const table = await apply({ kind: "rename_table", from: "artist", to: "musician" });
    const columnRename = await apply({ kind: "rename_column", table: "musician", from: "name", to: "stage name" });
    expect(await rows(`SELECT ${q("stage name")} AS n FROM musician ORDER BY id`)).toEqual([{ n: "Aphex" }, { n: "Bonobo" }]);
    await columnRename();
    await table();
  });

  it("keeps a renamed JSON column json (MariaDB's json_valid check keeps the old name)", async () => {
    const add = await apply({ kind: "add_column", table: "artist", column: column("artist", "meta", { type: "jsonb" }, { nullable: true }) });
    await connection.query(`UPDATE artist SET meta = ?`, [{ tags: ["idm"] }]);
    const rename = await apply({ kind: "rename_column", table: "artist", from: "meta", to: "details" });
    await expect(connection.query("UPDATE artist SET details = 'not json'")).rejects.toMatchObject({ errno: 4025 });
    const toText = await apply({ kind: "alter_column", table: "artist", from: col("details"), to: { ...col("details"), type: "text" } });
    expect(await rows("SELECT details FROM artist WHERE name = 'Aphex'")).toEqual([{ details: '{"tags":["idm"]}' }]);
    await toText();
    await rename();
    await add();
  });

  it("adds a column with a random UUID default to a table with rows: every row gets its own", async () => {
    const back = await apply({ kind: "add_column", table: "artist", column: column("artist", "ref", { type: "uuid" }, { default: { kind: "random" } }) });
    const refs = (await rows("SELECT ref FROM artist")).map((r) => r["ref"]);
    expect(new Set(refs).size).toBe(refs.length);
    for (const ref of refs) expect(ref).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    await back();
  });

  it("drops a column; the reverse brings it back with its default", async () => {
    const back = await apply({ kind: "drop_column", table: "artist", column: col("plays") });
    await back();
    expect(await rows("SELECT plays FROM artist ORDER BY id")).toEqual([{ plays: 0 }, { plays: 0 }]);
  });

  it("drops a table; the reverse recreates it whole", async () => {
    const back = await apply({ kind: "drop_table", schema: state.table("artist")! });
    await back();
    expect(state.table("artist")?.columns.map((c) => c.name)).toEqual(["id", "name", "code", "score", "label", "plays"]);
  });
});
