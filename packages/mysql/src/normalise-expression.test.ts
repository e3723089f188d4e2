import { describe, expect, it } from "vitest";
import { normaliseMysqlExpression as normalise } from "./normalise-expression";

/** [as a user writes it, as MariaDB 10.11 reports it in information_schema.CHECK_CONSTRAINTS] */
const REPORTED: readonly [string, string][] = [
  ["popularity >= 0", "`popularity` >= 0"],
  ["(a > 0) AND (b > 0)", "`a` > 0 and `b` > 0"],
  ["a != b AND a IS NOT NULL", "`a` <> `b` and `a` is not null"],
  [
    "length(s) < 5 AND char_length(s) < 5 AND upper(s) = s AND substring(s, 1, 1) = 'a'",
    "octet_length(`s`) < 5 and char_length(`s`) < 5 and ucase(`s`) = `s` and substr(`s`,1,1) = 'a'",
  ],
  [
    "a BETWEEN 1 AND 10 AND s NOT IN ('x', 'y') AND s REGEXP '^a' AND coalesce(a, 0) >= -1",
    "`a` between 1 and 10 and `s` not in ('x','y') and `s` regexp '^a' and coalesce(`a`,0) >= -1",
  ],
  [
    "s = 'it''s' AND s <> 'back\\\\slash' AND a * 2 + 1 < 100 AND a % 2 = 0 AND (a + b) * 2 > 0",
    "`s` = 'it\\'s' and `s` <> 'back\\\\slash' and `a` * 2 + 1 < 100 and `a` MOD 2 = 0 and (`a` + `b`) * 2 > 0",
  ],
  [
    'CASE WHEN a > 0 THEN 1 ELSE 0 END = 1 AND a = TRUE AND s = "dq" AND a <=> b',
    "case when `a` > 0 then 1 else 0 end = 1 and `a` = 1 and `s` = 'dq' and `a` <=> `b`",
  ],
  ["`my col` IS NULL OR a < 0", "`my col` is null or `a` < 0"],
  // MySQL 8 wraps the clause in parentheses and writes charset introducers.
  ["code <> 'x'", "(`code` <> _utf8mb4'x')"],
];

describe("normaliseMysqlExpression", () => {
  it.each(REPORTED)("%s reads the same as the server's %s", (written, reported) => {
    expect(normalise(written)).toBe(normalise(reported));
  });

  it("is idempotent", () => {
    for (const [written, reported] of REPORTED) {
      expect(normalise(normalise(written))).toBe(normalise(written));
      expect(normalise(normalise(reported))).toBe(normalise(reported));
    }
  });

  it("keeps the parentheses precedence needs", () => {
    expect(normalise("(a OR b) AND c")).toBe("(`a` or `b`) and `c`");
    expect(normalise("a - (b - c)")).toBe("`a` - (`b` - `c`)");
    expect(normalise("(a - b) - c")).toBe("`a` - `b` - `c`");
    expect(normalise("NOT (a AND b)")).toBe("not (`a` and `b`)");
    expect(normalise("- (-a)")).toBe("-(-`a`)");
  });

  it("writes valid SQL: backticked identifiers, lower-case keywords, single-quoted strings", () => {
    expect(normalise('"order" = `select` AND `we``ird` IS NULL')).toBe("'order' = `select` and `we``ird` is null");
    expect(normalise("CURRENT_DATE")).toBe("curdate()");
    expect(normalise("now(6)")).toBe("current_timestamp(6)");
    expect(normalise("x = X'0A'")).toBe("`x` = X'0a'");
  });

  it("gives back text it cannot read with whitespace collapsed", () => {
    expect(normalise("a  @@  b")).toBe("a @@ b");
  });
});
