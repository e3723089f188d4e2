import type { ColumnTypeSpec } from "@mig/core/dialect";
import { describe, expect, it } from "vitest";
import { parsePostgresDefault } from "./parse-default";

const value = (v: unknown) => ({ kind: "value", value: v });
const T = (type: ColumnTypeSpec["type"]): ColumnTypeSpec => ({ type });

describe("parsePostgresDefault: column_default text → ColumnDefault", () => {
  it.each<[string | null, ColumnTypeSpec, unknown]>([
    [null, T("text"), null],
    ["NULL::character varying", T("varchar"), null],
    ["'it''s'::character varying", T("varchar"), value("it's")],
    ["'back\\slash'::text", T("text"), value("back\\slash")],
    ["E'back\\\\slash\\nnl'::text", T("text"), value("back\\slash\nnl")],
    ["'line\nnext'::text", T("text"), value("line\nnext")],
    ["'-1'::integer", T("integer"), value(-1)],
    ["5", T("integer"), value(5)],
    ["'5000000000'::bigint", T("bigint"), value(5000000000)],
    ["'9007199254740993'::bigint", T("bigint"), value("9007199254740993")],
    ["1.5", T("real"), value(1.5)],
    ["'-2.25'::double precision", T("doublePrecision"), value(-2.25)],
    ["12.50", T("numeric"), value("12.50")],
    ["'-3.5'::numeric", T("numeric"), value("-3.5")],
    ["true", T("boolean"), value(true)],
    ["false", T("boolean"), value(false)],
    ["CURRENT_TIMESTAMP", T("timestamptz"), { kind: "now" }],
    ["now()", T("timestamptz"), { kind: "now" }],
    ["CURRENT_DATE", T("date"), { kind: "now" }],
    ["LOCALTIME", T("time"), { kind: "now" }],
    ["gen_random_uuid()", T("uuid"), { kind: "random" }],
    [`'{"a": 1, "b": [1, 2]}'::jsonb`, T("jsonb"), value({ a: 1, b: [1, 2] })],
    [`'"str"'::jsonb`, T("jsonb"), value("str")],
    ["'\\x0102'::bytea", T("bytea"), value("0102")],
    ["'2020-01-01 00:00:00'::timestamp without time zone", T("timestamp"), value("2020-01-01 00:00:00")],
    ["'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid", T("uuid"), value("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")],
    ["lower('ABC'::text)", T("text"), { kind: "sql", sql: "lower('ABC'::text)" }],
    ["'a'::text || 'b'::text", T("text"), { kind: "sql", sql: "'a'::text || 'b'::text" }],
    ["'not a number'::text", T("integer"), { kind: "sql", sql: "'not a number'::text" }],
  ])("%s (%o)", (text, column, expected) => {
    expect(parsePostgresDefault(text, column)).toEqual(expected);
  });
});
