import { describe, expect, it } from "vitest";
import { type MigError, type SchemaOperation, isMigError } from "@mig/core/dialect";
import { sqliteEmitter } from "../src/index";
import { UUID_V4_SQL } from "../src/sqlite-defaults";
import { column, tableSchema } from "./fixtures";

const sql = (operation: SchemaOperation) => sqliteEmitter.emit(operation).map((s) => s.sql);

function refusal(operation: SchemaOperation): MigError {
  try {
    sqliteEmitter.emit(operation);
  } catch (error) {
    if (isMigError(error)) return error;
    throw error;
  }
  throw new Error(`${operation.kind} was not refused`);
}

const band = tableSchema(
  "band",
  [
    { name: "id", type: "serial" },
    { name: "name", type: "varchar", length: 100 },
    { name: "manager", type: "integer", nullable: true },
    { name: "popularity", type: "integer", default: { kind: "value", value: 0 } },
    { name: "founded", type: "timestamptz", default: { kind: "now" } },
  ],
  {
    indexes: [{ name: "band_popularity_idx", columns: ["popularity"], method: "btree" }],
    uniques: [{ name: "band_name_key", columns: ["name"] }],
    checks: [{ name: "band_popularity_positive", sql: "popularity >= 0" }],
    foreignKeys: [{ name: "band_manager_fkey", columns: ["manager"], references: { table: "manager", columns: ["id"] }, onDelete: "cascade", onUpdate: "set null" }],
  },
);

describe("sqlite emitter: expected SQL per operation", () => {
  it("create_table: serial primary key inline, constraints named, indexes after", () => {
    expect(sql({ kind: "create_table", schema: band })).toEqual([
      `CREATE TABLE "band" (
  "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "name" VARCHAR(100) NOT NULL,
  "manager" INTEGER,
  "popularity" INTEGER NOT NULL DEFAULT 0,
  "founded" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "band_name_key" UNIQUE ("name"),
  CONSTRAINT "band_popularity_positive" CHECK (popularity >= 0),
  CONSTRAINT "band_manager_fkey" FOREIGN KEY ("manager") REFERENCES "manager" ("id") ON DELETE CASCADE ON UPDATE SET NULL
)`,
      `CREATE INDEX "band_popularity_idx" ON "band" ("popularity")`,
    ]);
  });

  it("create_table: a composite or non-serial primary key is a table constraint", () => {
    const member = tableSchema("band_member", [{ name: "band", type: "integer" }, { name: "person", type: "varchar", length: 80 }], { primaryKey: ["band", "person"] });
    expect(sql({ kind: "create_table", schema: member })).toEqual([
      `CREATE TABLE "band_member" (\n  "band" INTEGER NOT NULL,\n  "person" VARCHAR(80) NOT NULL,\n  PRIMARY KEY ("band", "person")\n)`,
    ]);
  });

  it("create_table: a serial that is not the whole primary key is refused", () => {
    const schema = tableSchema("t", [{ name: "a", type: "serial" }, { name: "b", type: "integer" }], { primaryKey: ["a", "b"] });
    expect(refusal({ kind: "create_table", schema }).code).toBe("MIG_E_UNSUPPORTED");
  });

  it("drop_table, rename_table, rename_column, drop_column, drop_index", () => {
    expect(sql({ kind: "drop_table", schema: band })).toEqual([`DROP TABLE "band"`]);
    expect(sql({ kind: "rename_table", from: "band", to: "group" })).toEqual([`ALTER TABLE "band" RENAME TO "group"`]);
    expect(sql({ kind: "rename_column", table: "band", from: "name", to: "title" })).toEqual([`ALTER TABLE "band" RENAME COLUMN "name" TO "title"`]);
    expect(sql({ kind: "drop_column", table: "band", column: column("band", { name: "name", type: "text" }) })).toEqual([`ALTER TABLE "band" DROP COLUMN "name"`]);
    expect(sql({ kind: "drop_index", index: { kind: "index", table: "band", name: "band_popularity_idx", columns: ["popularity"], method: "btree" } })).toEqual([
      `DROP INDEX "band_popularity_idx"`,
    ]);
  });

  it("add_column with every kind of default", () => {
    const add = (c: Parameters<typeof column>[1]) => sql({ kind: "add_column", table: "band", column: column("band", c) })[0];
    expect(add({ name: "bio", type: "text", nullable: true })).toBe(`ALTER TABLE "band" ADD COLUMN "bio" TEXT`);
    expect(add({ name: "active", type: "boolean", default: { kind: "value", value: true } })).toBe(`ALTER TABLE "band" ADD COLUMN "active" BOOLEAN NOT NULL DEFAULT 1`);
    expect(add({ name: "gone", type: "boolean", default: { kind: "value", value: false } })).toBe(`ALTER TABLE "band" ADD COLUMN "gone" BOOLEAN NOT NULL DEFAULT 0`);
    expect(add({ name: "motto", type: "text", default: { kind: "value", value: "it's \\n\nok" } })).toBe(
      `ALTER TABLE "band" ADD COLUMN "motto" TEXT NOT NULL DEFAULT 'it''s \\n\nok'`,
    );
    expect(add({ name: "rating", type: "numeric", precision: 5, scale: 2, default: { kind: "value", value: "12.50" } })).toBe(
      `ALTER TABLE "band" ADD COLUMN "rating" NUMERIC(5, 2) NOT NULL DEFAULT '12.50'`,
    );
    expect(add({ name: "meta", type: "jsonb", default: { kind: "value", value: { a: "b'c" } } })).toBe(
      `ALTER TABLE "band" ADD COLUMN "meta" JSON NOT NULL DEFAULT '{"a":"b''c"}'`,
    );
    expect(add({ name: "raw", type: "bytea", default: { kind: "value", value: "\\xCAFE" } })).toBe(`ALTER TABLE "band" ADD COLUMN "raw" BLOB NOT NULL DEFAULT X'cafe'`);
    expect(add({ name: "day", type: "date", default: { kind: "now" } })).toBe(`ALTER TABLE "band" ADD COLUMN "day" DATE NOT NULL DEFAULT CURRENT_DATE`);
    expect(add({ name: "at", type: "time", default: { kind: "now" } })).toBe(`ALTER TABLE "band" ADD COLUMN "at" TIME NOT NULL DEFAULT CURRENT_TIME`);
    expect(add({ name: "code", type: "uuid", default: { kind: "random" } })).toBe(`ALTER TABLE "band" ADD COLUMN "code" UUID NOT NULL DEFAULT (${UUID_V4_SQL})`);
    expect(add({ name: "n", type: "integer", default: { kind: "sql", sql: "1 + 2" } })).toBe(`ALTER TABLE "band" ADD COLUMN "n" INTEGER NOT NULL DEFAULT (1 + 2)`);
    expect(add({ name: "huge", type: "bigint", default: { kind: "value", value: "-9223372036854775808" } })).toBe(
      `ALTER TABLE "band" ADD COLUMN "huge" BIGINT NOT NULL DEFAULT -9223372036854775808`,
    );
    expect(add({ name: "neg", type: "doublePrecision", default: { kind: "value", value: -1.5 } })).toBe(`ALTER TABLE "band" ADD COLUMN "neg" DOUBLE PRECISION NOT NULL DEFAULT -1.5`);
  });

  it("add_column of a NOT NULL column with only a backfill is refused (a default could never be dropped)", () => {
    const error = refusal({ kind: "add_column", table: "band", column: column("band", { name: "genre", type: "text" }), backfill: "rock" });
    expect(error.code).toBe("MIG_E_UNSUPPORTED");
    expect(error.meta.operation).toBe("add_column");
  });

  it("add_column with a backfill and a default uses the default", () => {
    expect(sql({ kind: "add_column", table: "band", column: column("band", { name: "g", type: "text", default: { kind: "value", value: "pop" } }), backfill: "rock" })).toEqual([
      `ALTER TABLE "band" ADD COLUMN "g" TEXT NOT NULL DEFAULT 'pop'`,
    ]);
  });

  it("add_index: b-tree only", () => {
    const index = { kind: "index", table: "band", name: "band_name_pop_idx", columns: ["name", "popularity"], method: "btree" } as const;
    expect(sql({ kind: "add_index", index })).toEqual([`CREATE INDEX "band_name_pop_idx" ON "band" ("name", "popularity")`]);
    expect(refusal({ kind: "add_index", index: { ...index, method: "gin" } }).code).toBe("MIG_E_UNSUPPORTED");
  });

  it("refuses, naming the operation, everything SQLite cannot do in place", () => {
    const from = column("band", { name: "name", type: "varchar", length: 100 });
    const unique = band.uniques[0]!;
    const check = band.checks[0]!;
    const foreignKey = band.foreignKeys[0]!;
    const operations: SchemaOperation[] = [
      { kind: "alter_column", table: "band", from, to: { ...from, length: 200 } },
      { kind: "add_unique", unique },
      { kind: "drop_unique", unique },
      { kind: "add_check", check },
      { kind: "drop_check", check },
      { kind: "add_foreign_key", foreignKey },
      { kind: "drop_foreign_key", foreignKey },
    ];
    for (const operation of operations) {
      const error = refusal(operation);
      expect(error.code).toBe("MIG_E_UNSUPPORTED");
      expect(error.meta.operation).toBe(operation.kind);
      expect(error.message).toContain(operation.kind);
    }
  });
});
