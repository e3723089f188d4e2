import type { ColumnDefault, ColumnEntity, ColumnTypeSpec, EmitterHooks, JsonValue } from "@mig/core/dialect";

type QuoteLiteral = EmitterHooks["quoteLiteral"];
import { canonicalHex, unquoteString } from "./sqlite-literals";

/**
 * A random version 4 UUID in SQL. SQLite has no uuid function (only the loadable `uuid.c`
 * extension): this builds one from `randomblob()`, with the
 * version nibble `4` and a variant nibble from `89ab`. `random() & 3` instead of `abs(random()) % 4`,
 * because `abs()` of the smallest integer overflows.
 */
export const UUID_V4_SQL =
  "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || " +
  "substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || " +
  "substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))";

/**
 * The DEFAULT clause of a column. An expression must be in parentheses: raw SQL and the UUID expression are wrapped; `now` uses the
 * CURRENT_TIMESTAMP / CURRENT_DATE / CURRENT_TIME keywords (UTC text).
 */
export function renderSqliteDefault(quoteLiteral: QuoteLiteral, value: ColumnDefault, column: ColumnEntity): string {
  switch (value.kind) {
    case "value":
      return quoteLiteral(value.value, column);
    case "now":
      return column.type === "date" ? "CURRENT_DATE" : column.type === "time" ? "CURRENT_TIME" : "CURRENT_TIMESTAMP";
    case "random":
      return `(${UUID_V4_SQL})`;
    case "sql":
      return `(${value.sql})`;
  }
}

/** A DEFAULT clause as found in CREATE TABLE: the inner text of `( … )`, or the literal's text. */
export interface DefaultClause {
  readonly parenthesised: boolean;
  readonly text: string;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The {@link ColumnDefault} a DEFAULT clause means, the inverse of {@link renderSqliteDefault}:
 * literals become values (strings unescaped, `1`/`0` of a boolean column true/false, JSON text of
 * a json column parsed, blobs hex), CURRENT_* becomes `now`, the UUID expression `random`, and
 * anything else `sql`.
 */
export function parseSqliteDefault(clause: DefaultClause, column: ColumnTypeSpec): ColumnDefault {
  if (clause.parenthesised) {
    return clause.text === UUID_V4_SQL ? { kind: "random" } : { kind: "sql", sql: clause.text };
  }
  const text = clause.text.trim();
  const upper = text.toUpperCase();
  if (upper === "CURRENT_TIMESTAMP" || upper === "CURRENT_DATE" || upper === "CURRENT_TIME") return { kind: "now" };
  if (upper === "NULL") return { kind: "value", value: null };
  if (upper === "TRUE" || upper === "FALSE") return { kind: "value", value: upper === "TRUE" };
  if (NUMBER.test(text)) {
    const number = Number(text);
    if (column.type === "boolean" && (number === 0 || number === 1)) return { kind: "value", value: number === 1 };
    // An integer beyond 2^53 stays exact as a decimal string (mig's form for such bigint defaults).
    if (/^[+-]?\d+$/.test(text) && !Number.isSafeInteger(number)) return { kind: "value", value: text.replace(/^\+/, "") };
    return { kind: "value", value: number };
  }
  if (/^'(?:[^']|'')*'$/s.test(text)) {
    const string = unquoteString(text);
    return { kind: "value", value: column.type === "json" || column.type === "jsonb" ? parseJson(string) : string };
  }
  if (/^[xX]'(?:[0-9a-fA-F]{2})*'$/.test(text)) return { kind: "value", value: canonicalHex(text.slice(2, -1)) };
  return { kind: "sql", sql: text };
}

function parseJson(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}
