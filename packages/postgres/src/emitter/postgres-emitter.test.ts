import type { ColumnEntity, ColumnTypeSpec, SchemaOperation } from "@mig/core/dialect";
import { describe, expect, it } from "vitest";
import { col, tableSchema } from "../../test/support/schema-builders";
import { postgresEmitter } from "./postgres-emitter";

const sql = (operation: SchemaOperation) => postgresEmitter.emit(operation).map((s) => s.sql);

const manager = tableSchema("manager", { columns: [col("manager", "id", { type: "serial" }), col("manager", "name", { type: "varchar", length: 50 })] });

const band = tableSchema("band", {
  columns: [
    col("band", "id", { type: "serial" }),
    col("band", "name", { type: "varchar", length: 100 }),
    col("band", "manager", { type: "integer" }, { nullable: true }),
    col("band", "popularity", { type: "integer" }, { default: { kind: "value", value: 0 } }),
    col("band", "rating", { type: "numeric", precision: 5, scale: 2 }, { nullable: true }),
    col("band", "founded", { type: "timestamptz" }, { default: { kind: "now" } }),
    col("band", "tags", { type: "jsonb" }, { default: { kind: "value", value: { genres: ["rock"] } } }),
  ],
  indexes: [
    { name: "band_popularity_idx", columns: ["popularity"], method: "btree" },
    { name: "band_tags_idx", columns: ["tags"], method: "gin" },
  ],
  uniques: [{ name: "band_name_manager_key", columns: ["name", "manager"] }],
  checks: [{ name: "band_popularity_positive", sql: "popularity >= 0" }],
  foreignKeys: [
    { name: "band_manager_fkey", columns: ["manager"], references: { table: "manager", columns: ["id"] }, onDelete: "cascade", onUpdate: "set null" },
  ],
});

function alter(from: ColumnTypeSpec & Partial<ColumnEntity>, to: ColumnTypeSpec & Partial<ColumnEntity>, extra: { backfill?: string } = {}) {
  return sql({ kind: "alter_column", table: "band", from: { ...col("band", "c", from), ...from }, to: { ...col("band", "c", to), ...to }, ...extra });
}

describe("postgres emitter: one golden statement list per operation kind", () => {
  it("create_table: serial, defaults, primary key, unique, check, foreign key, then its indexes", () => {
    expect(sql({ kind: "create_table", schema: band })).toEqual([
      `CREATE TABLE "band" (
  "id" SERIAL NOT NULL,
  "name" VARCHAR(100) NOT NULL,
  "manager" INTEGER,
  "popularity" INTEGER NOT NULL DEFAULT 0,
  "rating" NUMERIC(5, 2),
  "founded" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "tags" JSONB NOT NULL DEFAULT '{"genres":["rock"]}'::jsonb,
  PRIMARY KEY ("id"),
  CONSTRAINT "band_name_manager_key" UNIQUE ("name", "manager"),
  CONSTRAINT "band_popularity_positive" CHECK (popularity >= 0),
  CONSTRAINT "band_manager_fkey" FOREIGN KEY ("manager") REFERENCES "manager" ("id") ON DELETE CASCADE ON UPDATE SET NULL
)`,
      `CREATE INDEX "band_popularity_idx" ON "band" ("popularity")`,
      `CREATE INDEX "band_tags_idx" ON "band" USING gin ("tags")`,
    ]);
  });

  it("create_table: composite primary key, bigserial", () => {
    const member = tableSchema("band_member", {
      primaryKey: ["band", "person"],
      columns: [col("band_member", "band", { type: "integer" }), col("band_member", "person", { type: "varchar", length: 80 }), col("band_member", "n", { type: "bigserial" })],
    });
    expect(sql({ kind: "create_table", schema: member })).toEqual([
      `CREATE TABLE "band_member" (\n  "band" INTEGER NOT NULL,\n  "person" VARCHAR(80) NOT NULL,\n  "n" BIGSERIAL NOT NULL,\n  PRIMARY KEY ("band", "person")\n)`,
    ]);
  });

  it("drop_table, rename_table", () => {
    expect(sql({ kind: "drop_table", schema: manager })).toEqual([`DROP TABLE "manager"`]);
    expect(sql({ kind: "rename_table", from: "band", to: "group" })).toEqual([`ALTER TABLE "band" RENAME TO "group"`]);
  });

  it("rename_table between schemas: SET SCHEMA into a named one, a DO block back into the connection's own", () => {
    expect(sql({ kind: "rename_table", from: "band", to: '"music"."group"' })).toEqual([
      `DO $mig$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'music') THEN CREATE SCHEMA "music"; COMMENT ON SCHEMA "music" IS 'created by mig'; END IF; END $mig$`,
      `ALTER TABLE "band" SET SCHEMA "music"`,
      `ALTER TABLE "music"."band" RENAME TO "group"`,
    ]);
    // The connection's schema has no name until the statement runs: the server quotes it (%I).
    expect(sql({ kind: "rename_table", from: '"music"."band"', to: "band" })).toEqual([
      `DO $mig$ BEGIN EXECUTE format('ALTER TABLE %s SET SCHEMA %I', '"music"."band"', current_schema()); END $mig$`,
      `DO $mig$ BEGIN IF (SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = 'music') = 'created by mig' THEN DROP SCHEMA "music"; END IF; EXCEPTION WHEN dependent_objects_still_exist THEN NULL; END $mig$`,
    ]);
  });

  it("add_column: plain, serial, with a backfill for existing rows", () => {
    expect(sql({ kind: "add_column", table: "band", column: col("band", "uid", { type: "uuid" }, { default: { kind: "random" } }) })).toEqual([
      `ALTER TABLE "band" ADD COLUMN "uid" UUID NOT NULL DEFAULT gen_random_uuid()`,
    ]);
    expect(sql({ kind: "add_column", table: "band", column: col("band", "seq", { type: "bigserial" }) })).toEqual([
      `ALTER TABLE "band" ADD COLUMN "seq" BIGSERIAL NOT NULL`,
    ]);
    expect(sql({ kind: "add_column", table: "band", column: col("band", "genre", { type: "text" }), backfill: "rock 'n' roll" })).toEqual([
      `ALTER TABLE "band" ADD COLUMN "genre" TEXT NOT NULL DEFAULT 'rock ''n'' roll'`,
      `ALTER TABLE "band" ALTER COLUMN "genre" DROP DEFAULT`,
    ]);
  });

  it("drop_column, rename_column", () => {
    expect(sql({ kind: "drop_column", table: "band", column: col("band", "rating", { type: "real" }) })).toEqual([`ALTER TABLE "band" DROP COLUMN "rating"`]);
    expect(sql({ kind: "rename_column", table: "band", from: "name", to: "title" })).toEqual([`ALTER TABLE "band" RENAME COLUMN "name" TO "title"`]);
  });

  it("alter_column: type changes with USING casts", () => {
    expect(alter({ type: "varchar", length: 10 }, { type: "integer" })).toEqual([`ALTER TABLE "band" ALTER COLUMN "c" TYPE INTEGER USING "c"::INTEGER`]);
    expect(alter({ type: "json" }, { type: "jsonb" })).toEqual([`ALTER TABLE "band" ALTER COLUMN "c" TYPE JSONB USING "c"::JSONB`]);
    expect(alter({ type: "integer" }, { type: "boolean" })).toEqual([`ALTER TABLE "band" ALTER COLUMN "c" TYPE BOOLEAN USING "c" <> 0`]);
    expect(alter({ type: "boolean" }, { type: "integer" })).toEqual([`ALTER TABLE "band" ALTER COLUMN "c" TYPE INTEGER USING "c"::INTEGER`]);
    expect(alter({ type: "boolean" }, { type: "bigint" })).toEqual([`ALTER TABLE "band" ALTER COLUMN "c" TYPE BIGINT USING "c"::INTEGER::BIGINT`]);
    expect(alter({ type: "integer" }, { type: "bigint" })).toEqual([`ALTER TABLE "band" ALTER COLUMN "c" TYPE BIGINT USING "c"::BIGINT`]);
    expect(alter({ type: "numeric", precision: 5, scale: 2 }, { type: "numeric", precision: 4, scale: 2 })).toEqual([
      `ALTER TABLE "band" ALTER COLUMN "c" TYPE NUMERIC(4, 2) USING "c"::NUMERIC(4, 2)`,
    ]);
    // To text types: no explicit cast, so a value too long fails instead of being truncated.
    expect(alter({ type: "text" }, { type: "varchar", length: 5 })).toEqual([`ALTER TABLE "band" ALTER COLUMN "c" TYPE VARCHAR(5)`]);
    expect(alter({ type: "integer" }, { type: "text" })).toEqual([`ALTER TABLE "band" ALTER COLUMN "c" TYPE TEXT`]);
    expect(alter({ type: "bytea" }, { type: "text" })).toEqual([`ALTER TABLE "band" ALTER COLUMN "c" TYPE TEXT USING convert_from("c", 'UTF8')`]);
    expect(alter({ type: "text" }, { type: "bytea" })).toEqual([`ALTER TABLE "band" ALTER COLUMN "c" TYPE BYTEA USING convert_to("c", 'UTF8')`]);
  });

  it("alter_column: a default that may not survive the type change is dropped first and set after", () => {
    expect(alter({ type: "varchar", length: 10, default: { kind: "value", value: "0" } }, { type: "integer", default: { kind: "value", value: 0 } })).toEqual([
      `ALTER TABLE "band" ALTER COLUMN "c" DROP DEFAULT`,
      `ALTER TABLE "band" ALTER COLUMN "c" TYPE INTEGER USING "c"::INTEGER`,
      `ALTER TABLE "band" ALTER COLUMN "c" SET DEFAULT 0`,
    ]);
  });

  it("alter_column: SET / DROP DEFAULT and SET / DROP NOT NULL (with a backfill)", () => {
    expect(alter({ type: "text" }, { type: "text", default: { kind: "value", value: "a\\b" } })).toEqual([`ALTER TABLE "band" ALTER COLUMN "c" SET DEFAULT E'a\\\\b'`]);
    expect(alter({ type: "date", default: { kind: "now" } }, { type: "date" })).toEqual([`ALTER TABLE "band" ALTER COLUMN "c" DROP DEFAULT`]);
    expect(alter({ type: "text", nullable: true }, { type: "text" }, { backfill: "none" })).toEqual([
      `UPDATE "band" SET "c" = 'none' WHERE "c" IS NULL`,
      `ALTER TABLE "band" ALTER COLUMN "c" SET NOT NULL`,
    ]);
    expect(alter({ type: "text" }, { type: "text", nullable: true })).toEqual([`ALTER TABLE "band" ALTER COLUMN "c" DROP NOT NULL`]);
  });

  it("alter_column: serial to integer drops the sequence default and the sequence, found at run time", () => {
    expect(alter({ type: "serial" }, { type: "integer" })).toEqual([
      `ALTER TABLE "band" ALTER COLUMN "c" DROP DEFAULT`,
      `DO $mig$ DECLARE seq text := pg_get_serial_sequence('"band"', 'c'); BEGIN IF seq IS NOT NULL THEN EXECUTE format('DROP SEQUENCE %s', seq); END IF; END $mig$`,
    ]);
  });

  it("alter_column: integer to serial creates an owned sequence past the existing values", () => {
    expect(alter({ type: "integer" }, { type: "serial" })).toEqual([
      `CREATE SEQUENCE "band_c_seq" AS INTEGER OWNED BY "band"."c"`,
      `ALTER TABLE "band" ALTER COLUMN "c" SET DEFAULT nextval('"band_c_seq"'::regclass)`,
      `SELECT setval('"band_c_seq"'::regclass, COALESCE(MAX("c"), 0) + 1, false) FROM "band"`,
    ]);
  });

  it("alter_column: serial to bigserial retypes the column and its sequence", () => {
    expect(alter({ type: "serial" }, { type: "bigserial" })).toEqual([
      `ALTER TABLE "band" ALTER COLUMN "c" TYPE BIGINT USING "c"::BIGINT`,
      `DO $mig$ DECLARE seq text := pg_get_serial_sequence('"band"', 'c'); BEGIN IF seq IS NOT NULL THEN EXECUTE format('ALTER SEQUENCE %s AS BIGINT', seq); END IF; END $mig$`,
    ]);
  });

  it("the DO block's dollar-quote tag never occurs in its body", () => {
    const [, statement] = sql({ kind: "alter_column", table: "x$mig$y", from: col("x$mig$y", "c", { type: "serial" }), to: col("x$mig$y", "c", { type: "integer" }) });
    expect(statement).toBe(
      `DO $mig1$ DECLARE seq text := pg_get_serial_sequence('"x$mig$y"', 'c'); BEGIN IF seq IS NOT NULL THEN EXECUTE format('DROP SEQUENCE %s', seq); END IF; END $mig1$`,
    );
  });

  it("add_index with each method, drop_index", () => {
    for (const method of ["btree", "hash", "gin", "gist", "brin"] as const) {
      expect(sql({ kind: "add_index", index: { kind: "index", table: "band", name: "i", columns: ["a", "b"], method } })).toEqual([
        `CREATE INDEX "i" ON "band"${method === "btree" ? "" : ` USING ${method}`} ("a", "b")`,
      ]);
    }
    expect(sql({ kind: "drop_index", index: { kind: "index", table: "band", name: "band_popularity_idx", columns: ["popularity"], method: "btree" } })).toEqual([
      `DROP INDEX "band_popularity_idx"`,
    ]);
  });

  it("add / drop unique, check and foreign key", () => {
    const unique = { kind: "unique", table: "band", name: "band_name_key", columns: ["name"] } as const;
    const check = { kind: "check", table: "band", name: "band_popularity_positive", sql: "popularity >= 0" } as const;
    const fk = band.foreignKeys[0]!;
    expect(sql({ kind: "add_unique", unique })).toEqual([`ALTER TABLE "band" ADD CONSTRAINT "band_name_key" UNIQUE ("name")`]);
    expect(sql({ kind: "drop_unique", unique })).toEqual([`ALTER TABLE "band" DROP CONSTRAINT "band_name_key"`]);
    expect(sql({ kind: "add_check", check })).toEqual([`ALTER TABLE "band" ADD CONSTRAINT "band_popularity_positive" CHECK (popularity >= 0)`]);
    expect(sql({ kind: "drop_check", check })).toEqual([`ALTER TABLE "band" DROP CONSTRAINT "band_popularity_positive"`]);
    expect(sql({ kind: "add_foreign_key", foreignKey: fk })).toEqual([
      `ALTER TABLE "band" ADD CONSTRAINT "band_manager_fkey" FOREIGN KEY ("manager") REFERENCES "manager" ("id") ON DELETE CASCADE ON UPDATE SET NULL`,
    ]);
    expect(sql({ kind: "drop_foreign_key", foreignKey: fk })).toEqual([`ALTER TABLE "band" DROP CONSTRAINT "band_manager_fkey"`]);
  });

  it("rebuild_table is never needed and refused with a code", () => {
    expect(() => sql({ kind: "rebuild_table", from: band, to: band, columnMap: {} })).toThrowError(expect.objectContaining({ code: "MIG_E_UNSUPPORTED" }));
  });
});

describe("postgres emitter: identifiers and literals", () => {
  const hooks = postgresEmitter.hooks;

  it("quotes identifiers, doubling inner quotes, and refuses names PostgreSQL would truncate", () => {
    expect(hooks.quoteIdentifier(`we"ird; DROP TABLE x; --`)).toBe(`"we""ird; DROP TABLE x; --"`);
    expect(hooks.quoteIdentifier("ü".repeat(31))).toBe(`"${"ü".repeat(31)}"`); // 62 bytes
    expect(() => hooks.quoteIdentifier("ü".repeat(32))).toThrowError(expect.objectContaining({ code: "MIG_E_IDENTIFIER" }));
    expect(() => hooks.quoteIdentifier("")).toThrowError(expect.objectContaining({ code: "MIG_E_IDENTIFIER" }));
  });

  it("quotes strings with '' and switches to E'' only when there is a backslash", () => {
    expect(hooks.quoteLiteral("it's")).toBe(`'it''s'`);
    expect(hooks.quoteLiteral("line\nnext")).toBe(`'line\nnext'`);
    expect(hooks.quoteLiteral(`C:\\path\\'x'`)).toBe(`E'C:\\\\path\\\\''x'''`);
    expect(() => hooks.quoteLiteral("nul\0")).toThrowError(expect.objectContaining({ code: "MIG_E_SCHEMA_INVALID" }));
  });

  it("writes JSON as JSON text cast to the column type, bytea as hex, booleans and numbers bare", () => {
    expect(hooks.quoteLiteral({ a: "it's" }, { type: "jsonb" })).toBe(`'{"a":"it''s"}'::jsonb`);
    expect(hooks.quoteLiteral("text", { type: "json" })).toBe(`'"text"'::json`);
    expect(hooks.quoteLiteral("\\x0A0b", { type: "bytea" })).toBe(`E'\\\\x0a0b'::bytea`);
    expect(() => hooks.quoteLiteral("zz", { type: "bytea" })).toThrowError(expect.objectContaining({ code: "MIG_E_SCHEMA_INVALID" }));
    expect(hooks.quoteLiteral(true)).toBe("TRUE");
    expect(hooks.quoteLiteral(-1.5)).toBe("-1.5");
  });

  it("renders now and random defaults per type", () => {
    const c = (type: ColumnTypeSpec["type"]) => col("t", "c", { type });
    expect(hooks.renderDefault({ kind: "now" }, c("timestamp"))).toBe("CURRENT_TIMESTAMP");
    expect(hooks.renderDefault({ kind: "now" }, c("date"))).toBe("CURRENT_DATE");
    expect(hooks.renderDefault({ kind: "now" }, c("time"))).toBe("CURRENT_TIME");
    expect(hooks.renderDefault({ kind: "random" }, c("uuid"))).toBe("gen_random_uuid()");
    expect(hooks.renderDefault({ kind: "sql", sql: "lower('X')" }, c("text"))).toBe("lower('X')");
  });
});

describe("enum types of tables in named schemas", () => {
  const table = '"music"."band"';
  const mood = (values: readonly string[]) => col(table, "mood", { type: "enum", enumName: "mood", values });
  const band = tableSchema(table, { columns: [col(table, "id", { type: "serial" }), mood(["sad", "ok"])] });

  it("creates, uses and drops the type in the table's schema", () => {
    const created = sql({ kind: "create_table", schema: band });
    expect(created.some((s) => s.includes(`to_regtype('"music"."mood"') IS NULL THEN CREATE TYPE "music"."mood" AS ENUM ('sad', 'ok')`))).toBe(true);
    expect(created.find((s) => s.startsWith("CREATE TABLE"))).toContain(`"mood" "music"."mood" NOT NULL`);
    expect(sql({ kind: "drop_table", schema: band }).some((s) => s.includes(`THEN DROP TYPE "music"."mood";`))).toBe(true);
  });

  it("adds a label and takes the safe path there", () => {
    expect(sql({ kind: "alter_column", table, from: mood(["sad", "ok"]), to: mood(["sad", "ok", "happy"]) })).toContain(
      `ALTER TYPE "music"."mood" ADD VALUE IF NOT EXISTS 'happy' AFTER 'ok'`,
    );
    const reordered = sql({ kind: "alter_column", table, from: mood(["sad", "ok"]), to: mood(["ok", "sad"]) });
    expect(reordered.some((s) => s.includes(`ALTER TYPE "music"."mood" RENAME TO "mood__mig_old"`))).toBe(true);
    expect(reordered).toContain(`ALTER TABLE "music"."band" ALTER COLUMN "mood" TYPE "music"."mood" USING "mood"::text::"music"."mood"`);
  });

  it("a table of the connection's schema keeps the unqualified type", () => {
    const plain = tableSchema("fan", { columns: [col("fan", "id", { type: "serial" }), col("fan", "mood", { type: "enum", enumName: "mood", values: ["a"] })] });
    expect(sql({ kind: "create_table", schema: plain }).find((s) => s.startsWith("CREATE TABLE"))).toContain(`"mood" "mood" NOT NULL`);
  });

  it("a move to another schema carries its enum columns' types along", () => {
    const moved = sql({ kind: "rename_table", from: table, to: '"archive"."band"' });
    expect(moved[1]).toBe(`ALTER TABLE "music"."band" SET SCHEMA "archive"`);
    expect(moved[2]).toMatch(/^DO \$mig\$ BEGIN DECLARE r record; .*'"archive"\."band"'::regclass.*CREATE TYPE %I\.%I AS ENUM/);
  });
});
