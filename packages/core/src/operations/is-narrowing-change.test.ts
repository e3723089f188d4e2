import { describe, expect, it } from "vitest";
import type { ColumnTypeSpec } from "../snapshot/entities";
import { isNarrowingChange } from "./is-narrowing-change";

const v = (length?: number): ColumnTypeSpec => (length === undefined ? { type: "varchar" } : { type: "varchar", length });
const n = (precision?: number, scale?: number): ColumnTypeSpec => ({ type: "numeric", ...(precision !== undefined ? { precision } : {}), ...(scale !== undefined ? { scale } : {}) });

describe("isNarrowingChange", () => {
  it.each<[string, ColumnTypeSpec, ColumnTypeSpec]>([
    ["bigint -> integer", { type: "bigint" }, { type: "integer" }],
    ["integer -> smallint", { type: "integer" }, { type: "smallint" }],
    ["doublePrecision -> real", { type: "doublePrecision" }, { type: "real" }],
    ["real -> integer", { type: "real" }, { type: "integer" }],
    ["text -> varchar(n)", { type: "text" }, v(100)],
    ["text -> varchar", { type: "text" }, v()],
    ["varchar length down", v(100), v(50)],
    ["numeric precision down", n(5, 2), n(4, 2)],
    ["numeric scale down", n(5, 2), n(5, 1)],
    ["numeric -> integer", n(5, 2), { type: "integer" }],
    ["jsonb -> boolean", { type: "jsonb" }, { type: "boolean" }],
    ["json -> varchar(50)", { type: "json" }, v(50)],
    ["text -> integer (cast)", { type: "text" }, { type: "integer" }],
    ["varchar -> uuid (cast)", v(36), { type: "uuid" }],
    ["timestamp -> date", { type: "timestamp" }, { type: "date" }],
    ["bigint -> varchar(10)", { type: "bigint" }, v(10)],
    ["integer -> real", { type: "integer" }, { type: "real" }],
    ["bytea -> text", { type: "bytea" }, { type: "text" }],
  ])("%s is narrowing", (_, from, to) => {
    expect(isNarrowingChange(from, to)).toBe(true);
  });

  it.each<[string, ColumnTypeSpec, ColumnTypeSpec]>([
    ["same type", { type: "integer" }, { type: "integer" }],
    ["smallint -> integer -> bigint", { type: "smallint" }, { type: "bigint" }],
    ["real -> doublePrecision", { type: "real" }, { type: "doublePrecision" }],
    ["varchar -> text", v(10), { type: "text" }],
    ["varchar length up", v(10), v(20)],
    ["numeric precision up", n(5, 2), n(7, 2)],
    ["numeric -> unbounded numeric", n(5, 2), n()],
    ["integer -> numeric(10)", { type: "integer" }, n(10)],
    ["json <-> jsonb", { type: "json" }, { type: "jsonb" }],
    ["jsonb -> text", { type: "jsonb" }, { type: "text" }],
    ["timestamp -> timestamptz", { type: "timestamp" }, { type: "timestamptz" }],
    ["date -> timestamp", { type: "date" }, { type: "timestamp" }],
    ["uuid -> varchar(36)", { type: "uuid" }, v(36)],
    ["integer -> text", { type: "integer" }, { type: "text" }],
    ["boolean -> integer", { type: "boolean" }, { type: "integer" }],
  ])("%s is not narrowing", (_, from, to) => {
    expect(isNarrowingChange(from, to)).toBe(false);
  });
});
