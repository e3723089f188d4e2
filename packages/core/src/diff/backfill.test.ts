import { describe, expect, it } from "vitest";
import { isMigError } from "../errors/mig-error";
import { findBackfillQuestions } from "./backfill-questions";
import { col, snap, t } from "./fixtures";
import { parseBackfillArguments } from "./parse-backfill-arguments";
import { parseBackfillValue } from "./parse-backfill-value";

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isMigError(error) ? error.code : "not a MigError";
  }
  return undefined;
}

describe("findBackfillQuestions", () => {
  const before = snap(t("band", { title: "text", rating: { type: "integer", nullable: true } }));
  const after = snap(t("group", { name: "text", founded: "date", rating: "integer", extra: { nullable: true } }));
  const renames = { tables: [{ from: "band", to: "group" }], columns: [{ table: "group", from: "title", to: "name" }] };

  it("lists added NOT NULL columns without default (required) and columns made NOT NULL (optional)", () => {
    const questions = findBackfillQuestions(before, after, renames);
    expect(questions.map(({ key, reason, required }) => ({ key, reason, required }))).toEqual([
      { key: "group.founded", reason: "added", required: true },
      { key: "group.rating", reason: "made_not_null", required: false },
    ]);
    expect(questions[0]?.question).toContain("group.founded");
  });

  it("asks nothing about new tables", () => {
    expect(findBackfillQuestions(snap(), after)).toEqual([]);
  });
});

describe("parseBackfillValue", () => {
  it.each([
    [{ type: "integer" }, "42", 42],
    [{ type: "smallint" }, "-32768", -32768],
    [{ type: "bigint" }, "9007199254740993", "9007199254740993"],
    [{ type: "real" }, "1.5", 1.5],
    [{ type: "doublePrecision" }, "-2e3", -2000],
    [{ type: "numeric", precision: 5, scale: 2 }, "123.45", "123.45"],
    [{ type: "numeric", precision: 5, scale: 2 }, "1.5", "1.50"],
    [{ type: "numeric" }, "+12345678901234567890.5", "12345678901234567890.5"],
    [{ type: "boolean" }, "Yes", true],
    [{ type: "boolean" }, "0", false],
    [{ type: "varchar", length: 3 }, "abc", "abc"],
    [{ type: "text" }, "it's \"quoted\"\n", "it's \"quoted\"\n"],
    [{ type: "uuid" }, "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"],
    [{ type: "date" }, "2024-02-29", "2024-02-29"],
    [{ type: "time" }, "13:45:00", "13:45:00"],
    [{ type: "timestamp" }, "2024-01-01T10:00:00", "2024-01-01T10:00:00"],
    [{ type: "timestamptz" }, "2024-01-01 10:00:00+02:00", "2024-01-01 10:00:00+02:00"],
    [{ type: "jsonb" }, '{"b":1,"a":[1,2]}', { a: [1, 2], b: 1 }],
    [{ type: "json" }, '"text"', "text"],
    [{ type: "bytea" }, "\\xDEADbeef", "deadbeef"],
  ] as const)("converts %o %s", (spec, text, value) => {
    expect(parseBackfillValue(col("band", "c", spec), text)).toEqual(value);
  });

  it.each([
    [{ type: "integer" }, "1.5"],
    [{ type: "integer" }, "2147483648"],
    [{ type: "smallint" }, "40000"],
    [{ type: "real" }, "abc"],
    [{ type: "real" }, ""],
    [{ type: "numeric", precision: 5, scale: 2 }, "1234.5"],
    [{ type: "numeric", precision: 5, scale: 2 }, "1.234"],
    [{ type: "boolean" }, "maybe"],
    [{ type: "varchar", length: 3 }, "abcd"],
    [{ type: "uuid" }, "not-a-uuid"],
    [{ type: "date" }, "2023-02-29"],
    [{ type: "time" }, "25:00"],
    [{ type: "timestamp" }, "yesterday"],
    [{ type: "jsonb" }, "{a:1}"],
    [{ type: "bytea" }, "xyz"],
  ] as const)("refuses %o %s with MIG_E_USAGE", (spec, text) => {
    expect(codeOf(() => parseBackfillValue(col("band", "c", spec), text))).toBe("MIG_E_USAGE");
  });
});

describe("parseBackfillArguments", () => {
  const questions = findBackfillQuestions(snap(t("band")), snap(t("band", { founded: "date", rank: "integer" })));

  it("converts each value to its column's type", () => {
    expect(parseBackfillArguments(questions, ["band.founded=2020-01-01", "band.rank=3"])).toEqual({ "band.founded": "2020-01-01", "band.rank": 3 });
  });

  it("refuses malformed, unknown, repeated and invalid arguments, listing each", () => {
    let error: unknown;
    try {
      parseBackfillArguments(questions, ["band.founded", "band.other=1", "band.rank=1", "band.rank=2", "band.founded=never"]);
    } catch (caught) {
      error = caught;
    }
    expect(isMigError(error, "MIG_E_USAGE")).toBe(true);
    expect(isMigError(error) && error.problems).toHaveLength(4);
  });
});
