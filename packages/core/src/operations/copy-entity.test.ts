import { describe, expect, it } from "vitest";
import type { ColumnEntity } from "../snapshot/entities";
import { copyEntity } from "./schema-state";

const column = (value: unknown): ColumnEntity =>
  ({ kind: "column", table: "band", name: "doc", type: "jsonb", nullable: true, default: { kind: "value", value } }) as ColumnEntity;

describe("copyEntity", () => {
  it("copies and freezes every level, leaving out undefined fields, and sets the table", () => {
    const original = { ...column([{ a: 1, b: undefined }]), enumName: undefined } as ColumnEntity;
    const copy = copyEntity(original, "group");
    expect(copy).not.toBe(original);
    expect(copy).toEqual({ ...column([{ a: 1 }]), table: "group" });
    expect(Object.keys(copy)).not.toContain("enumName");
    expect(Object.keys((copy.default as unknown as { value: object[] }).value[0]!)).toEqual(["a"]);
    expect(Object.isFrozen(copy) && Object.isFrozen(copy.default) && Object.isFrozen((copy.default as unknown as { value: unknown[] }).value)).toBe(true);
    expect(Object.isFrozen(original.default)).toBe(false);
  });

  it("keeps a __proto__ key as data, never as the prototype", () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "x": 1}') as object;
    const copy = copyEntity(column(value), "band");
    const copied = (copy.default as unknown as { value: Record<string, unknown> }).value;
    expect(Object.getPrototypeOf(copied)).toBe(Object.prototype);
    expect(Object.keys(copied)).toEqual(["__proto__", "x"]);
    expect(Object.getOwnPropertyDescriptor(copied, "__proto__")?.value).toEqual({ polluted: true });
    expect((copied as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it("takes an entity that already is a frozen copy for its table as it is, and copies it for another table", () => {
    const frozen = copyEntity(column({ a: [1, 2] }), "band");
    expect(copyEntity(frozen, "band")).toBe(frozen);
    const moved = copyEntity(frozen, "group");
    expect(moved).not.toBe(frozen);
    expect(moved).toEqual({ ...frozen, table: "group" });
    // Frozen at the top but not below: copied.
    const shallow = Object.freeze(column({ a: [1] }));
    expect(copyEntity(shallow, "band")).not.toBe(shallow);
  });
});
