import { describe, expect, expectTypeOf, test } from "vitest";
import { ColumnBuilder, isColumnBuilder } from "./column-builder";
import { bigint, date, integer, numeric, text, time, timestamp, timestamptz, uuid, varchar } from "./column-factories";
import { foreignKey } from "./foreign-key";
import { table } from "./table";

describe("column builders", () => {
  test("are NOT NULL with no default until told otherwise", () => {
    expect(integer().definition).toEqual({ kind: "integer", nullable: false, primaryKey: false });
  });

  test("every modifier returns a new builder and leaves the original untouched", () => {
    const base = varchar({ length: 10 });
    const changed = base.nullable().default("x").unique().index({ method: "hash" }).primaryKey().dbName("other");
    expect(base.definition).toEqual({ kind: "varchar", length: 10, nullable: false, primaryKey: false });
    expect(changed.definition).toEqual({
      kind: "varchar", length: 10, nullable: true, primaryKey: true, dbName: "other",
      default: { kind: "value", value: "x" }, unique: {}, index: { method: "hash" },
    });
    expect(Object.isFrozen(base)).toBe(true);
    expect(Object.isFrozen(base.definition)).toBe(true);
  });

  test("a definition given to the constructor is copied, so changing it later changes nothing", () => {
    const definition: { kind: "integer"; nullable: boolean; primaryKey: boolean } = { kind: "integer", nullable: false, primaryKey: false };
    const builder = new ColumnBuilder(definition);
    definition.nullable = true;
    expect(builder.definition).toEqual({ kind: "integer", nullable: false, primaryKey: false });
    expect(builder.definition).not.toBe(definition);
    expect(Object.isFrozen(builder.definition)).toBe(true);
    expect(Object.isFrozen(definition)).toBe(false);
    expect(Object.isFrozen(integer().nullable().default(1).definition)).toBe(true);
    expect(Object.isFrozen(uuid().defaultRandom().definition)).toBe(true);
    expect(Object.isFrozen(foreignKey("self").definition)).toBe(true);
  });

  test("modifiers record what they say", () => {
    expect(timestamptz().defaultNow().definition.default).toEqual({ kind: "now" });
    expect(uuid().defaultRandom().definition.default).toEqual({ kind: "random" });
    expect(text().defaultSql("lower('X')").definition.default).toEqual({ kind: "sql", sql: "lower('X')" });
    expect(integer().index().definition.index).toEqual({ method: "btree" });
    expect(integer().index({ name: "my_idx" }).definition.index).toEqual({ method: "btree", name: "my_idx" });
    expect(integer().unique({ name: "my_key" }).definition.unique).toEqual({ name: "my_key" });
    expect(integer().nullable().nullable(false).definition.nullable).toBe(false);
  });

  test("factories carry their parameters", () => {
    expect(varchar().definition.length).toBe(255);
    expect(numeric({ precision: 5, scale: 2 }).definition).toMatchObject({ precision: 5, scale: 2 });
    expect("precision" in numeric().definition).toBe(false);
  });

  test("foreignKey defaults both actions to no action and keeps its options", () => {
    const T = table("t", {});
    const fk = foreignKey(() => T, { onDelete: "cascade", column: "id", name: "fk_t" });
    expect(fk.definition.kind).toBe("foreignKey");
    expect(fk.definition.references).toMatchObject({ onDelete: "cascade", onUpdate: "no action", column: "id", name: "fk_t" });
    expect(foreignKey("self").definition.references).toMatchObject({ target: "self", onDelete: "no action", onUpdate: "no action" });
  });

  test("isColumnBuilder", () => {
    expect(isColumnBuilder(integer())).toBe(true);
    expect(isColumnBuilder({ definition: {} })).toBe(false);
    expect(isColumnBuilder(null)).toBe(false);
  });

  test("types: defaults are typed per column, defaultNow and defaultRandom only where they fit", () => {
    expectTypeOf(integer().default(1)).toEqualTypeOf<ColumnBuilder<"integer">>();
    expectTypeOf(bigint().default(10n)).toEqualTypeOf<ColumnBuilder<"bigint">>();
    expectTypeOf(date().defaultNow()).toEqualTypeOf<ColumnBuilder<"date">>();
    expectTypeOf(time().defaultNow()).toEqualTypeOf<ColumnBuilder<"time">>();
    expectTypeOf(timestamp().default(new Date(0))).toEqualTypeOf<ColumnBuilder<"timestamp">>();
    // @ts-expect-error a string is not an integer default
    integer().default("1");
    // @ts-expect-error defaultNow is for time types only
    integer().defaultNow();
    // @ts-expect-error defaultRandom is for uuid only
    text().defaultRandom();
  });
});
