import type { TypeName } from "@mig/core/dialect";
import { describe, expect, it } from "vitest";
import { normalisePostgresCheck } from "./normalise-check";

const types: Record<string, TypeName> = { a: "integer", b: "varchar", c: "numeric", r: "real", d: "date", t: "text" };
const norm = (sql: string) => normalisePostgresCheck(sql, (name) => types[name]);

/** [what a user writes, what PostgreSQL 15 reports (pg_get_constraintdef, pretty and plain)] */
const PAIRS: [string, string][] = [
  ["popularity >= 0", "(popularity >= 0)"],
  ["a >= 0", "CHECK ((a >= 0))".slice(7, -1)],
  ["a IN (1, 2)", "(a = ANY (ARRAY[1, 2]))"],
  ["b IN ('x', 'y')", "(((b)::text = ANY ((ARRAY['x'::character varying, 'y'::character varying])::text[])))"],
  ["b in ('x','y')", "b::text = ANY (ARRAY['x'::character varying, 'y'::character varying]::text[])"],
  ["a BETWEEN 1 AND 5", "(((a >= 1) AND (a <= 5)))"],
  ["b LIKE 'a%'", "(((b)::text ~~ 'a%'::text))"],
  ["b NOT ILIKE 'a%'", "b::text !~~* 'a%'::text"],
  ["a NOT IN (3)", "((a <> 3))"],
  ["a IS NOT NULL", "((a IS NOT NULL))"],
  ["length(b) > 2", "((length((b)::text) > 2))"],
  ["NOT (a = 1 OR a = 2) AND c > 0.5", "(((NOT ((a = 1) OR (a = 2))) AND (c > 0.5)))"],
  ["d > '2020-01-01'", "((d > '2020-01-01'::date))"],
  ["r > 0", "((r > (0)::double precision))"],
  [`"Odd ""x""" > -1`, `(("Odd ""x""" > '-1'::integer))`],
  [`"user" <> 3`, `(("user" <> 3))`],
  ["a::text <> 'x'", "(((a)::text <> 'x'::text))"],
  ["CAST(a AS bigint) > 1", "(((a)::bigint > 1))"],
  ["b <> E'x\\\\y'", "(((b)::text <> 'x\\y'::text))"],
  ["a > 0 AND (a < 5 OR a > 10)", "(((a > 0) AND ((a < 5) OR (a > 10))))"],
  ["c > 0", "((c > (0)::numeric))"],
  ["b != ''", "(((b)::text <> ''::text))"],
  ["POPULARITY>=0", "popularity >= 0"],
  [`"popularity" >= 0`, "popularity >= 0"],
  ["a + 1 * 2 > 3", "((a + (1 * 2)) > 3)"],
  ["(a - 1) - 2 > 0", "(((a - 1) - 2) > 0)"],
  ["CASE WHEN a > 0 THEN t ELSE 'x' END <> ''", "(CASE WHEN (a > 0) THEN t ELSE 'x'::text END <> ''::text)"],
];

describe("normalisePostgresCheck", () => {
  it.each(PAIRS)("%s  ≡  %s", (user, reported) => {
    expect(norm(user)).toBe(norm(reported));
  });

  it("prints a canonical, valid form", () => {
    expect(norm("(((c)::text <> ''::text))")).toBe("c::text <> ''");
    expect(norm("(((b)::text <> ''::text))")).toBe("b <> ''");
    expect(norm("a in (1,2)")).toBe("a = ANY (ARRAY[1, 2])");
    expect(norm("a - (1 - 2) > 0")).toBe("a - (1 - 2) > 0");
    expect(norm(`"user" > 0 and "Has Space" < 1`)).toBe(`"user" > 0 AND "Has Space" < 1`);
  });

  it("keeps differences that matter", () => {
    expect(norm("a > 0")).not.toBe(norm("a >= 0"));
    expect(norm("a - (1 - 2) > 0")).not.toBe(norm("a - 1 - 2 > 0"));
    expect(norm("(a > 0 OR a < -5) AND a <> 3")).not.toBe(norm("a > 0 OR a < -5 AND a <> 3"));
    expect(norm("b <> 'X'")).not.toBe(norm("b <> 'x'"));
    expect(norm(`"A" > 0`)).not.toBe(norm("a > 0"));
    expect(norm("a::text <> 'x'")).not.toBe(norm("a <> 'x'"));
  });

  it("is idempotent", () => {
    for (const [user, reported] of PAIRS) {
      expect(norm(norm(user))).toBe(norm(user));
      expect(norm(norm(reported))).toBe(norm(reported));
    }
  });

  it("falls back to whitespace and outer parentheses for what it does not parse", () => {
    expect(norm("  ((EXISTS   (SELECT 1)))  ")).toBe("EXISTS (SELECT 1)");
    expect(norm("(a) AND (b SIMILAR TO 'x')")).toBe("(a) AND (b SIMILAR TO 'x')");
    expect(norm("x  SIMILAR   TO  'a  b'")).toBe("x SIMILAR TO 'a  b'");
  });
});
