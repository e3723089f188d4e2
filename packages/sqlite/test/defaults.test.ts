import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import type { ColumnDefault, ColumnEntity, ColumnTypeSpec } from "@mig/core/dialect";
import { UUID_V4_SQL, parseSqliteDefault, renderSqliteDefault } from "../src/sqlite-defaults";
import { quoteSqliteLiteral } from "../src/sqlite-literals";
import { column } from "./fixtures";

/** What the introspector sees for a rendered default: the inner text of ( … ), or the literal. */
function clauseOf(rendered: string) {
  return rendered.startsWith("(") ? { parenthesised: true, text: rendered.slice(1, -1) } : { parenthesised: false, text: rendered };
}

const cases: [ColumnTypeSpec["type"], ColumnDefault][] = [
  ["text", { kind: "value", value: "it's \\ \"x\"\n\r\t ; -- /* */" }],
  ["text", { kind: "value", value: "" }],
  ["text", { kind: "value", value: "NULL" }],
  ["text", { kind: "value", value: "CURRENT_TIMESTAMP" }],
  ["text", { kind: "value", value: null }],
  ["integer", { kind: "value", value: 0 }],
  ["integer", { kind: "value", value: -12 }],
  ["bigint", { kind: "value", value: "9007199254740993" }],
  ["doublePrecision", { kind: "value", value: 1.25e-7 }],
  ["doublePrecision", { kind: "value", value: 1e21 }],
  ["numeric", { kind: "value", value: "12.50" }],
  ["boolean", { kind: "value", value: true }],
  ["boolean", { kind: "value", value: false }],
  ["json", { kind: "value", value: { "it's": ["a", 1, null, true, { n: "\n" }] } }],
  ["json", { kind: "value", value: "a string" }],
  ["jsonb", { kind: "value", value: 3 }],
  ["bytea", { kind: "value", value: "00ff10" }],
  ["timestamp", { kind: "now" }],
  ["date", { kind: "now" }],
  ["time", { kind: "now" }],
  ["uuid", { kind: "random" }],
  ["integer", { kind: "sql", sql: "1 + 2" }],
  ["text", { kind: "sql", sql: "'x'" }],
  ["text", { kind: "sql", sql: "(lower('A') || ')')" }],
];

describe("defaults", () => {
  it("parse(render(d)) is d for every kind", () => {
    for (const [type, value] of cases) {
      const c: ColumnEntity = column("t", { name: "c", type, nullable: true, default: value });
      const rendered = renderSqliteDefault(quoteSqliteLiteral, value, c);
      expect(parseSqliteDefault(clauseOf(rendered), c), rendered).toEqual(value);
    }
  });

  it("every rendered default is accepted by SQLite and stored as intended", () => {
    const db = new Database(":memory:");
    for (const [i, [type, value]] of cases.entries()) {
      const c = column("t", { name: "c", type, nullable: true, default: value });
      db.exec(`CREATE TABLE t${i} (id INTEGER PRIMARY KEY, c ${type === "bytea" ? "BLOB" : "ANY"} DEFAULT ${renderSqliteDefault(quoteSqliteLiteral, value, c)})`);
      db.exec(`INSERT INTO t${i} DEFAULT VALUES`);
      const stored = (db.prepare(`SELECT c FROM t${i}`).get() as { c: unknown }).c;
      if (value.kind === "value" && type === "text") expect(stored).toBe(value.value);
      if (value.kind === "value" && type === "boolean") expect(stored).toBe(value.value ? 1 : 0);
      if (value.kind === "value" && type === "bytea") expect(Buffer.from(stored as Uint8Array).toString("hex")).toBe(value.value);
    }
    db.close();
  });

  it("the random default makes distinct version 4 UUIDs", () => {
    const db = new Database(":memory:");
    const statement = db.prepare(`SELECT ${UUID_V4_SQL} AS u`);
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const { u } = statement.get() as { u: string };
      expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      seen.add(u);
    }
    expect(seen.size).toBe(500);
    db.close();
  });

  it("reads defaults written by other tools", () => {
    const text = column("t", { name: "c", type: "text" });
    expect(parseSqliteDefault({ parenthesised: false, text: "current_timestamp" }, text)).toEqual({ kind: "now" });
    expect(parseSqliteDefault({ parenthesised: false, text: "TRUE" }, column("t", { name: "b", type: "boolean" }))).toEqual({ kind: "value", value: true });
    expect(parseSqliteDefault({ parenthesised: false, text: "+5" }, text)).toEqual({ kind: "value", value: 5 });
    expect(parseSqliteDefault({ parenthesised: false, text: "-9223372036854775808" }, text)).toEqual({ kind: "value", value: "-9223372036854775808" });
    expect(parseSqliteDefault({ parenthesised: false, text: "X'AB'" }, column("t", { name: "b", type: "bytea" }))).toEqual({ kind: "value", value: "ab" });
    expect(parseSqliteDefault({ parenthesised: false, text: "'{broken'" }, column("t", { name: "j", type: "json" }))).toEqual({ kind: "value", value: "{broken" });
  });

  it("refuses values it cannot write", () => {
    expect(() => quoteSqliteLiteral("nope", { type: "bytea" })).toThrow(expect.objectContaining({ code: "MIG_E_SCHEMA_INVALID" }));
    expect(() => quoteSqliteLiteral("a\0b")).toThrow(expect.objectContaining({ code: "MIG_E_SCHEMA_INVALID" }));
    expect(() => quoteSqliteLiteral(Number.NaN)).toThrow(expect.objectContaining({ code: "MIG_E_SCHEMA_INVALID" }));
  });
});
