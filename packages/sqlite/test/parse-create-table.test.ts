import { describe, expect, it } from "vitest";
import { parseCreateTable } from "../src/parse-create-table";
import { tokenize } from "../src/sql-tokenizer";

describe("tokenize", () => {
  it("keeps quoted names whole, undoes doubled quotes, and skips comments", () => {
    const tokens = tokenize(`"a ""b"" ; c" \`d\`\`e\` [f "g"] 'it''s' x'0A' -1.5e3 -- comment ( ,\n /* ( */ ünï_名 )`);
    expect(tokens.map((t) => [t.kind, t.value])).toEqual([
      ["quoted", `a "b" ; c`],
      ["quoted", "d`e"],
      ["quoted", `f "g"`],
      ["string", "it's"],
      ["blob", "0A"],
      ["punct", "-"],
      ["number", "1.5e3"],
      ["word", "ünï_名"],
      ["punct", ")"],
    ]);
  });
});

describe("parseCreateTable", () => {
  it("reads names, defaults, checks, uniques and foreign keys at table and column level", () => {
    const parsed = parseCreateTable(`CREATE TABLE IF NOT EXISTS "t (x)" (
      "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
      "a,b" VARCHAR(10, 2) DEFAULT 'x, ''y'')' CONSTRAINT "c1" CHECK (length("a,b") > 0) UNIQUE,
      n NUMERIC DEFAULT -3 REFERENCES other ON DELETE SET NULL,
      e TEXT DEFAULT ( lower('(') ) COLLATE NOCASE,
      g INTEGER GENERATED ALWAYS AS (n + 1) VIRTUAL,
      CONSTRAINT "pk, named" UNIQUE ("a,b" COLLATE NOCASE DESC, n),
      CHECK (n <> 0),
      CONSTRAINT [fk one] FOREIGN KEY (n, e) REFERENCES "p" ("x", "y") MATCH SIMPLE ON UPDATE NO ACTION ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
    ) STRICT`);
    expect(parsed.columns).toEqual([
      { name: "id", autoIncrement: true },
      { name: "a,b", default: { parenthesised: false, text: `'x, ''y'')'` }, autoIncrement: false },
      { name: "n", default: { parenthesised: false, text: "-3" }, autoIncrement: false },
      { name: "e", default: { parenthesised: true, text: ` lower('(') ` }, autoIncrement: false },
      { name: "g", autoIncrement: false },
    ]);
    expect(parsed.constraints).toEqual([
      { kind: "primary_key", columns: ["id"] },
      { kind: "check", name: "c1", sql: `length("a,b") > 0` },
      { kind: "unique", columns: ["a,b"] },
      { kind: "foreign_key", columns: ["n"], references: { table: "other", columns: [] }, onDelete: "set null" },
      { kind: "unique", name: "pk, named", columns: ["a,b", "n"] },
      { kind: "check", sql: "n <> 0" },
      { kind: "foreign_key", name: "fk one", columns: ["n", "e"], references: { table: "p", columns: ["x", "y"] }, onUpdate: "no action", onDelete: "cascade" },
    ]);
  });

  it("tolerates text that is not a table definition", () => {
    expect(parseCreateTable("")).toEqual({ columns: [], constraints: [] });
    expect(parseCreateTable("CREATE TABLE t (a")).toEqual({ columns: [{ name: "a", autoIncrement: false }], constraints: [] });
  });
});
