import type { ColumnEntity, ColumnTypeSpec, Connection, JsonValue } from "@mig/core/dialect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apply, createTables, introspect } from "./support/apply";
import { col, tableSchema } from "./support/schema-builders";
import { type TestDatabase, createTestDatabase } from "./support/test-database";

let db: TestDatabase;
let connection: Connection;

beforeAll(async () => {
  db = await createTestDatabase();
  connection = await db.connect();
});
afterAll(async () => {
  await db?.drop();
});

let n = 0;

/** A table `t_N (id serial, c <from>)` holding `values`; returns a function that alters `c` and reads it back. */
async function tableWith(from: ColumnEntity | ColumnTypeSpec, values: readonly unknown[]) {
  const name = `t_${++n}`;
  const column: ColumnEntity = "kind" in from ? { ...from, table: name } : col(name, "c", from, { nullable: true });
  await createTables(connection, tableSchema(name, { columns: [col(name, "id", { type: "serial" }), column] }));
  for (const v of values) await connection.query(`INSERT INTO "${name}" (c) VALUES ($1)`, [v]);
  return {
    name,
    column,
    async alter(to: Partial<ColumnEntity>, extra: { backfill?: JsonValue } = {}) {
      const target: ColumnEntity = { ...column, ...to };
      await apply(connection, { kind: "alter_column", table: name, from: column, to: target, ...extra });
      const { rows } = await connection.query<{ c: unknown }>(`SELECT c FROM "${name}" ORDER BY id`);
      return { rows: rows.map((r) => r.c), introspected: (await introspect(connection)).column(name, "c") };
    },
  };
}

describe("ALTER COLUMN with data (PostgreSQL)", () => {
  it("varchar '42' → integer 42, through USING", async () => {
    const t = await tableWith({ type: "varchar", length: 10 }, ["42", " -7 ", null]);
    const { rows, introspected } = await t.alter({ type: "integer", length: undefined } as Partial<ColumnEntity>);
    expect(rows).toEqual([42, -7, null]);
    expect(introspected).toMatchObject({ type: "integer", nullable: true });
  });

  it("a non-numeric string makes the change fail and, in a transaction, leaves the column as it was", async () => {
    const t = await tableWith({ type: "varchar", length: 10 }, ["42", "forty-two"]);
    await expect(connection.transaction(() => t.alter({ type: "integer" }))).rejects.toMatchObject({ code: "22P02" });
    expect((await introspect(connection)).column(t.name, "c")).toMatchObject({ type: "varchar", length: 10 });
  });

  it("integer ⇄ boolean, integer → bigint → smallint, real ⇄ double precision", async () => {
    const ints = await tableWith({ type: "integer" }, [0, 5, null]);
    expect((await ints.alter({ type: "boolean" })).rows).toEqual([false, true, null]);
    const bools = await tableWith({ type: "boolean" }, [true, false]);
    expect((await bools.alter({ type: "integer" })).rows).toEqual([1, 0]);
    const bools2 = await tableWith({ type: "boolean" }, [true]);
    expect((await bools2.alter({ type: "bigint" })).rows).toEqual([1]);
    const big = await tableWith({ type: "integer" }, [2_000_000_000]);
    expect((await big.alter({ type: "bigint" })).rows).toEqual([2_000_000_000]);
    const small = await tableWith({ type: "bigint" }, [12]);
    expect((await small.alter({ type: "smallint" })).rows).toEqual([12]);
    const reals = await tableWith({ type: "real" }, [1.5]);
    expect((await reals.alter({ type: "doublePrecision" })).rows).toEqual([1.5]);
  });

  it("json → jsonb keeps the documents; timestamp → timestamptz", async () => {
    const docs = await tableWith({ type: "json" }, [JSON.stringify({ b: 1, a: [true] })]);
    const { rows, introspected } = await docs.alter({ type: "jsonb" });
    expect(rows).toEqual([{ a: [true], b: 1 }]);
    expect(introspected?.type).toBe("jsonb");
    const times = await tableWith({ type: "timestamp" }, ["2020-01-02 03:04:05"]);
    expect((await times.alter({ type: "timestamptz" })).introspected?.type).toBe("timestamptz");
  });

  it("text → varchar(n) refuses to truncate a longer value", async () => {
    const t = await tableWith({ type: "text" }, ["far too long"]);
    // 22001: string_data_right_truncation.
    await expect(connection.transaction(() => t.alter({ type: "varchar", length: 3 }))).rejects.toMatchObject({ code: "22001" });
    const ok = await tableWith({ type: "text" }, ["abc"]);
    expect((await ok.alter({ type: "varchar", length: 3 })).introspected).toMatchObject({ type: "varchar", length: 3 });
  });

  it("numeric precision, varchar length, with a default that must follow the type", async () => {
    const t = await tableWith(col("x", "c", { type: "varchar", length: 5 }, { default: { kind: "value", value: "7" } }), ["1"]);
    const { rows, introspected } = await t.alter({ type: "integer", default: { kind: "value", value: 7 } } as Partial<ColumnEntity>);
    expect(rows).toEqual([1]);
    expect(introspected).toMatchObject({ type: "integer", default: { kind: "value", value: 7 } });
    const num = await tableWith({ type: "numeric", precision: 5, scale: 2 }, ["123.45"]);
    expect((await num.alter({ precision: 6, scale: 1 })).rows).toEqual(["123.5"]);
  });

  it("NOT NULL with a backfill for the NULLs, and back", async () => {
    const t = await tableWith({ type: "text" }, ["a", null]);
    const set = await t.alter({ nullable: false }, { backfill: "it's" });
    expect(set.rows).toEqual(["a", "it's"]);
    expect(set.introspected?.nullable).toBe(false);
  });

  it("serial → integer drops the sequence; integer → serial makes one that continues after the data", async () => {
    const s = await tableWith(col("x", "c", { type: "serial" }), []);
    await connection.query(`INSERT INTO "${s.name}" DEFAULT VALUES`);
    const plain = await s.alter({ type: "integer" });
    expect(plain.introspected).toMatchObject({ type: "integer", default: null });
    const sequences = await connection.query("SELECT 1 FROM pg_class WHERE relkind = 'S' AND relname = $1", [`${s.name}_c_seq`]);
    expect(sequences.rows).toEqual([]);

    const i = await tableWith(col("x", "c", { type: "integer" }), [10, 11]);
    const serial = await i.alter({ type: "serial" });
    expect(serial.introspected).toMatchObject({ type: "serial", default: null });
    await connection.query(`INSERT INTO "${i.name}" DEFAULT VALUES`);
    const { rows } = await connection.query<{ c: number }>(`SELECT c FROM "${i.name}" ORDER BY c`);
    expect(rows.map((r) => r.c)).toEqual([10, 11, 12]);
  });

  it("serial → bigserial retypes the sequence too", async () => {
    const s = await tableWith(col("x", "c", { type: "serial" }), []);
    const { introspected } = await s.alter({ type: "bigserial" });
    expect(introspected).toMatchObject({ type: "bigserial", default: null });
    const { rows } = await connection.query<{ type: string }>(
      "SELECT format_type(seqtypid, NULL) AS type FROM pg_sequence WHERE seqrelid = pg_get_serial_sequence($1, 'c')::regclass",
      [`"${s.name}"`],
    );
    expect(rows).toEqual([{ type: "bigint" }]);
  });
});
