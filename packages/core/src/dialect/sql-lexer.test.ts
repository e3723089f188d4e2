import { describe, expect, it } from "vitest";
import { createSqlLexer } from "./sql-lexer";

const standard = createSqlLexer({
  identifierQuotes: { '"': '"', "[": "]" },
  lineComment: /--/y,
  comments: "skip",
  word: /[A-Za-z_][A-Za-z0-9_$]*/y,
  punctuation: ["::", "(", ")", ","],
  operator: (sql, at) => ["<>", "=", "-", "+"].find((op) => sql.startsWith(op, at)),
});

const pairs = (sql: string, lex = standard) => lex(sql).map((t) => [t.kind, t.value]);

describe("createSqlLexer", () => {
  it("reads quoted names, strings, numbers, operators and punctuation, skipping comments", () => {
    expect(pairs(`"a ""b""" <> 'it''s' -- note\n (x::int, [c "d"]) /* ( */ = -1.5e3`)).toEqual([
      ["quoted", 'a "b"'],
      ["op", "<>"],
      ["string", "it's"],
      ["punct", "("],
      ["word", "x"],
      ["punct", "::"],
      ["word", "int"],
      ["punct", ","],
      ["quoted", 'c "d"'],
      ["punct", ")"],
      ["op", "="],
      ["op", "-"],
      ["number", "1.5e3"],
    ]);
  });

  it("keeps each token's place in the source", () => {
    const [first, second] = standard(`  abc  'x'`);
    expect([first?.start, first?.end, second?.start, second?.end]).toEqual([2, 5, 7, 10]);
  });

  it("refuses what it cannot read with MIG_E_UNSUPPORTED", () => {
    for (const sql of [`'open`, `"open`, `a ? b`]) expect(() => standard(sql)).toThrowError(expect.objectContaining({ code: "MIG_E_UNSUPPORTED" }));
    const strict = createSqlLexer({ identifierQuotes: {}, lineComment: /--/y, comments: "refuse", word: /[a-z]+/y, punctuation: [] });
    expect(() => strict("a -- b")).toThrowError(expect.objectContaining({ code: "MIG_E_UNSUPPORTED" }));
  });

  it("reads escapes, prefixed strings, dollar quotes, blobs and names that start with a digit where the dialect has them", () => {
    const lex = createSqlLexer({
      identifierQuotes: { "`": "`" },
      stringQuotes: ["'", '"'],
      backslashEscapes: { prefix: "E", read: (next) => (next === "n" ? "\n" : next) },
      blobLiterals: true,
      hexNumber: /0x[0-9a-f]+/y,
      dollarQuotes: true,
      lineComment: /#/y,
      comments: "skip",
      word: /[A-Za-z0-9_]+/y,
      wordsMayStartWithDigit: true,
      punctuation: [],
    });
    expect(pairs(`E'a\\nb' 'a\\nb' $q$ it's $q$ x'0A' 0x1f 1abc 12 # rest`, lex)).toEqual([
      ["string", "a\nb"],
      ["string", "a\\nb"],
      ["string", " it's "],
      ["blob", "0A"],
      ["number", "0x1f"],
      ["word", "1abc"],
      ["number", "12"],
    ]);
  });
});
