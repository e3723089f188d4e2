import { describe, expect, it } from "vitest";
import type { ForeignKeyEntity, TableSchema } from "../snapshot/entities";
import { orderByForeignKeys } from "./order-by-foreign-keys";

/** A table whose FKs point at `targets`. */
function table(name: string, ...targets: string[]): TableSchema {
  const foreignKeys = targets.map((target, i): ForeignKeyEntity => ({
    kind: "foreign_key", table: name, name: `${name}_${i}_fkey`, columns: ["ref"], references: { table: target, columns: ["id"] }, onDelete: "no action", onUpdate: "no action",
  }));
  return { table: { kind: "table", name, primaryKey: ["id"] }, columns: [], indexes: [], uniques: [], checks: [], foreignKeys };
}

const names = (order: readonly TableSchema[]) => order.map((schema) => schema.table.name);

describe("orderByForeignKeys", () => {
  it("puts each table after the tables it references, ties by name, other tables' FKs ignored", () => {
    const { order, deferred } = orderByForeignKeys([table("c", "b"), table("a"), table("b", "a", "elsewhere"), table("d", "d")]);
    expect(names(order)).toEqual(["a", "b", "c", "d"]);
    expect(deferred.size).toBe(0);
  });

  it("brings a cycle out together, by name, with only the FKs inside it deferred", () => {
    const tables = [table("z", "y"), table("y", "x"), table("x", "z", "w"), table("w")];
    const { order, deferred } = orderByForeignKeys(tables);
    expect(names(order)).toEqual(["w", "x", "y", "z"]);
    expect([...deferred].map((fk) => fk.name).sort()).toEqual(["x_0_fkey", "y_0_fkey", "z_0_fkey"]);
  });

  it("orders a 50,000-table chain without running out of stack", () => {
    const pad = (i: number) => String(i).padStart(5, "0");
    // Each table references the next by name: the walk from the first goes 50,000 deep.
    const count = 50_000;
    const tables = Array.from({ length: count }, (_, i) => (i === count - 1 ? table(`t${pad(i)}`) : table(`t${pad(i)}`, `t${pad(i + 1)}`)));
    const { order } = orderByForeignKeys(tables);
    expect(names(order)).toEqual(names(tables).reverse());
  });
});
