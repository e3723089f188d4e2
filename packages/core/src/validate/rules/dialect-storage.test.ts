import { describe, expect, test } from "vitest";
import type { Dialect } from "../../dialect/dialect";
import { isMigError } from "../../errors/mig-error";
import { integer, numeric, serial, varchar } from "../../schema/column-factories";
import { type Table, table } from "../../schema/table";
import { validateTables } from "../validate-tables";

/** A dialect like MariaDB where it matters: numeric() stored as DECIMAL(10,0), one auto column, the key. */
const strict: Pick<Dialect, "name" | "capabilities" | "types"> = {
  name: "strictdb",
  capabilities: { serialPrimaryKeyOnly: true },
  types: {
    toNative: (spec) => (spec.type === "numeric" ? `DECIMAL(${spec.precision},${spec.scale})` : spec.type.toUpperCase()),
    fromNative: () => undefined,
    canonical: (spec) => (spec.type === "numeric" ? { type: "numeric", precision: spec.precision ?? 10, scale: spec.precision === undefined ? 0 : (spec.scale ?? 0) } : spec),
  },
};
const lenient: typeof strict = { ...strict, name: "lenientdb", capabilities: {}, types: { ...strict.types, canonical: (spec) => spec } };

function problems(tables: readonly Table[], dialect: typeof strict): string[] {
  try {
    validateTables(tables, { dialect });
    return [];
  } catch (error) {
    if (!isMigError(error, "MIG_E_SCHEMA_INVALID")) throw error;
    return error.problems.map((p) => `${p.table}.${p.column}: ${p.message}`);
  }
}

describe("dialectStorage", () => {
  test("a numeric default the stored type cannot hold exactly is refused, naming the stored type", () => {
    const Price = table("price", { amount: numeric().default("1.2"), round: numeric().default("12"), scaled: numeric({ precision: 5, scale: 2 }).default("1.25") });
    expect(problems([Price], strict)).toEqual([
      "price.amount: Default 1.2 cannot be stored exactly in strictdb's DECIMAL(10,0): it has 1 digit after the point, the type keeps 0; give the column a precision and scale that hold it",
    ]);
    expect(problems([Price], lenient)).toEqual([]);
  });

  test("too many digits before the point are refused too", () => {
    expect(problems([table("t", { n: numeric({ precision: 4, scale: 2 }).default("123.5") })], strict)).toHaveLength(1);
    expect(problems([table("t", { n: numeric({ precision: 4, scale: 2 }).default("12.50") })], strict)).toEqual([]);
  });

  test("a serial that is not the whole primary key is refused where the dialect says so", () => {
    const Ticket = table("ticket", { code: varchar({ length: 10 }).primaryKey(), number: serial() });
    const Pair = table("pair", { a: serial(), b: integer() }, { primaryKey: ["a", "b"] });
    const Fine = table("fine", { id: serial().primaryKey() });
    expect(problems([Ticket, Pair, Fine], strict).map((p) => p.split(":")[0])).toEqual(["ticket.number", "pair.a"]);
    expect(problems([Ticket, Pair, Fine], lenient)).toEqual([]);
  });

  test("nothing is checked without a dialect", () => {
    expect(() => validateTables([table("t", { n: numeric().default("1.2"), s: serial() }, { primaryKey: ["n"] })])).not.toThrow();
  });
});
