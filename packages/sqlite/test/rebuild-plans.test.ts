import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type RenameDecisions, diff, serialiseMigration } from "@mig/core";
import { type Operation, type Snapshot, planForDialect, resolveCapabilities } from "@mig/core/dialect";
import { col, schema, value } from "@mig/core/testing";
import { type Db, dialect, migration, openDb, rebuildPlan } from "./rebuild-fixtures";

let db: Db;
beforeEach(async () => {
  db = await openDb();
});
afterEach(() => db.cleanup());

const create = (snapshot: Snapshot) => migration(1, snapshot.tables().map((table) => ({ kind: "create_table", schema: table })));

/** Creates `from` with `data`, applies `plan` and checks the database against `to`; then backwards against `from`. */
async function roundTrip(from: Snapshot, to: Snapshot, plan: readonly Operation[], data: readonly string[]): Promise<void> {
  const sources = [create(from), migration(2, plan)];
  expect((await db.forwards([sources[0]!])).ok).toBe(true);
  for (const sql of data) db.exec(sql);
  const forwards = await db.forwards(sources);
  expect(forwards.error).toBeUndefined();
  expect(diff(await db.introspect(), db.normalised(to))).toEqual([]);
  expect(db.all("PRAGMA foreign_key_check")).toEqual([]);
  const backwards = await db.backwards(sources);
  expect(backwards.error).toBeUndefined();
  expect(diff(await db.introspect(), db.normalised(from))).toEqual([]);
  expect(db.all("PRAGMA foreign_keys")).toEqual([{ foreign_keys: 1 }]);
}

describe("rebuild plans on a real database", () => {
  it("keeps the child rows when a table loses its cascading foreign key and the parent table is dropped", async () => {
    const from = schema(
      { name: "manager", columns: [col("id", "serial"), col("name", "text")] },
      { name: "band", columns: [col("id", "serial"), col("name", "text"), col("manager", "integer", { nullable: true })], foreignKeys: [{ name: "band_manager_fkey", columns: ["manager"], references: { table: "manager", columns: ["id"] }, onDelete: "cascade" }] },
    );
    const to = schema({ name: "band", columns: [col("id", "serial"), col("name", "text")] });
    const plan = rebuildPlan(from, to);
    expect(plan.map((op) => op.kind)).toEqual(["rebuild_table", "drop_table"]);
    expect((await db.forwards([create(from)])).ok).toBe(true);
    db.exec("INSERT INTO manager (id, name) VALUES (1, 'Guido'); INSERT INTO band (name, manager) VALUES ('Pythonistas', 1), ('Rustaceans', 1), ('C-Sharps', NULL)");
    expect((await db.forwards([create(from), migration(2, plan)])).error).toBeUndefined();
    expect(db.all("SELECT name FROM band ORDER BY id")).toEqual([{ name: "Pythonistas" }, { name: "Rustaceans" }, { name: "C-Sharps" }]);
    expect(diff(await db.introspect(), db.normalised(to))).toEqual([]);
  });

  it("combines constraint, column and index changes of one table with renames of the table and a column", async () => {
    const from = schema({
      name: "band",
      columns: [col("id", "serial"), col("title", "varchar", { length: 20, nullable: true }), col("old", "text", { nullable: true }), col("popularity", "integer")],
      checks: [{ name: "band_popularity_check", sql: "popularity >= 0" }],
      indexes: [{ name: "band_old_idx", columns: ["old"] }],
    });
    const to = schema({
      name: "group",
      columns: [col("id", "serial"), col("name", "varchar", { length: 100 }), col("popularity", "bigint"), col("founded", "timestamp", { default: { kind: "now" } }), col("code", "text")],
      uniques: [{ name: "band_name_key", columns: ["name"] }],
      indexes: [{ name: "band_popularity_idx", columns: ["popularity"] }],
    });
    const renames: RenameDecisions = { tables: [{ from: "band", to: "group" }], columns: [{ table: "group", from: "title", to: "name" }] };
    const ops = diff(from, to, { renames, backfill: { "group.name": "untitled", "group.code": "x" } });
    const plan = planForDialect(ops, resolveCapabilities(dialect.capabilities), { allowRebuild: true, from });
    expect(plan.map((op) => op.kind)).toEqual(["rebuild_table", "rename_table", "rename_column"]);
    await roundTrip(from, to, plan, ["INSERT INTO band (title, old, popularity) VALUES ('Pythonistas', 'x', 10), (NULL, NULL, 3)"]);
  });

  it("adds a NOT NULL column without a default to a table with rows: the backfill fills them, no default stays", async () => {
    const from = schema({ name: "band", columns: [col("id", "serial"), col("name", "text")] });
    const to = schema({ name: "band", columns: [col("id", "serial"), col("name", "text"), col("genre", "varchar", { length: 20 })] });
    const plan = rebuildPlan(from, to, { "band.genre": "rock" });
    expect(plan.map((op) => op.kind)).toEqual(["rebuild_table"]);
    await roundTrip(from, to, plan, ["INSERT INTO band (name) VALUES ('Pythonistas'), ('Rustaceans')"]);
    expect(db.all("SELECT count(*) AS n FROM band")).toEqual([{ n: 2 }]);
  });

  it("converts values to the new type where that loses nothing, and keeps the others as they are", async () => {
    const from = schema({ name: "reading", columns: [col("id", "serial"), col("value", "text"), col("ratio", "doublePrecision")] });
    const to = schema({ name: "reading", columns: [col("id", "serial"), col("value", "integer"), col("ratio", "text")] });
    expect((await db.forwards([create(from)])).ok).toBe(true);
    db.exec("INSERT INTO reading (value, ratio) VALUES ('12', 0.5), ('abc', 2), ('1.5', 3.25)");
    expect((await db.forwards([create(from), migration(2, rebuildPlan(from, to))])).error).toBeUndefined();
    // CAST('abc' AS INTEGER) would be 0 and CAST('1.5' AS INTEGER) 1: the column's affinity keeps them.
    expect(db.all("SELECT value, typeof(value) AS type, ratio, typeof(ratio) AS ratioType FROM reading ORDER BY id")).toEqual([
      { value: 12, type: "integer", ratio: "0.5", ratioType: "text" },
      { value: "abc", type: "text", ratio: "2.0", ratioType: "text" },
      { value: 1.5, type: "real", ratio: "3.25", ratioType: "text" },
    ]);
  });

  it("rebuilds a referenced table before the table whose new foreign key needs its new unique key", async () => {
    const from = schema({ name: "label", columns: [col("id", "serial"), col("code", "text")] }, { name: "album", columns: [col("id", "serial"), col("label", "text")] });
    const to = schema(
      { name: "label", columns: [col("id", "serial"), col("code", "text")], uniques: [{ name: "label_code_key", columns: ["code"] }] },
      { name: "album", columns: [col("id", "serial"), col("label", "text")], foreignKeys: [{ name: "album_label_fkey", columns: ["label"], references: { table: "label", columns: ["code"] } }] },
    );
    const plan = rebuildPlan(from, to);
    expect(plan.map((op) => (op.kind === "rebuild_table" ? op.from.table.name : op.kind))).toEqual(["label", "album"]);
    await roundTrip(from, to, plan, ["INSERT INTO label (code) VALUES ('EMI'), ('XL')", "INSERT INTO album (label) VALUES ('EMI'), ('XL'), ('EMI')"]);
  });

  it("handles hostile table and column names", async () => {
    const name = `we"ird'; DROP TABLE x; --`;
    const from = schema({ name, columns: [col("id", "serial"), col(`va"l`, "integer", { nullable: true })] });
    const to = schema({ name, columns: [col("id", "serial"), col(`va"l`, "bigint", { default: value(1) })] });
    await roundTrip(from, to, rebuildPlan(from, to, { [`${name}.va"l`]: "7" }), [`INSERT INTO "we""ird'; DROP TABLE x; --" ("va""l") VALUES (NULL), (2)`]);
  });
});

describe("the migration file", () => {
  it("writes one readable rebuildTable call: the table, the column map, the backfill, both definitions", () => {
    const from = schema({ name: "band", columns: [col("id", "serial"), col("name", "varchar", { length: 50, nullable: true })] });
    const to = schema({ name: "band", columns: [col("id", "serial"), col("name", "text")] });
    const source = serialiseMigration({ id: "2026-11-22T13:58:23:024723", appName: "music", description: "", version: "0.1.0", operations: rebuildPlan(from, to, { "band.name": "unknown" }) });
    expect(source.match(/manager\.\w+\(/g)).toEqual(["manager.rebuildTable("]);
    expect(source).toContain(`columnMap: { id: "id", name: "name" }`);
    expect(source).toContain(`backfill: { name: "unknown" }`);
    expect(source.indexOf('{ name: "name", type: "varchar", length: 50, nullable: true }')).toBeLessThan(source.indexOf('{ name: "name", type: "text" }'));
  });
});
