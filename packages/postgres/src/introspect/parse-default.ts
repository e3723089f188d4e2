import type { ColumnDefault, ColumnTypeSpec, JsonValue, TypeName } from "@mig/core/dialect";
import { normaliseHex } from "../emitter/quote-literal";

const INTEGERS: ReadonlySet<TypeName> = new Set(["integer", "bigint", "smallint", "serial", "bigserial"]);
const FLOATS: ReadonlySet<TypeName> = new Set(["real", "doublePrecision"]);

/** `::type` suffixes as `pg_get_expr` writes them (`::character varying`, `::timestamp without time zone`, `::numeric(5,2)`, `::billing.state` for an enum of another schema). */
const CASTS = String.raw`(?:\s*::\s*(?:(?:"[^"]+"|[a-z_][a-z0-9_]*)\.)?(?:"[^"]+"|[a-z_][a-z0-9_ ]*?)(?:\(\s*\d+(?:\s*,\s*\d+)?\s*\))?(?:\[\])?)*`;
const STRING_LITERAL = new RegExp(String.raw`^([eE])?'((?:[^']|'')*)'${CASTS}$`, "i");
const NUMBER = new RegExp(String.raw`^\(?\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*\)?${CASTS}$`, "i");
const NULL_DEFAULT = new RegExp(String.raw`^NULL${CASTS}$`, "i");
const NOW = /^(?:\(\s*)?(CURRENT_TIMESTAMP|CURRENT_DATE|CURRENT_TIME|LOCALTIMESTAMP|LOCALTIME|now\(\)|transaction_timestamp\(\))(?:\s*\))?(?:\s*::\s*[a-z ]+)?$/i;
const RANDOM = /^(gen_random_uuid|uuid_generate_v4)\(\)$/i;

/** The spellings PostgreSQL reads as NaN and the infinities, in core's words. */
const NON_FINITE: Readonly<Record<string, string>> = { nan: "NaN", infinity: "Infinity", "+infinity": "Infinity", "-infinity": "-Infinity", inf: "Infinity", "+inf": "Infinity", "-inf": "-Infinity" };

/** Reads an escape string's body: `\\`, `\n`, `\t`, octal, hex and unicode escapes. */
function unescapeE(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|.)/gs, (_, e: string) => {
    if (e.length > 1 && (e[0] === "x" || e[0] === "u" || e[0] === "U")) return String.fromCodePoint(parseInt(e.slice(1), 16));
    if (/^[0-7]+$/.test(e)) return String.fromCodePoint(parseInt(e, 8));
    return ({ b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" } as Record<string, string>)[e] ?? e;
  });
}

/** The literal's text read as a value of the column's type, or `undefined` when it is not one. */
function valueOf(text: string, column: ColumnTypeSpec): JsonValue | undefined {
  const type = column.type;
  if (INTEGERS.has(type)) {
    if (!/^-?\d+$/.test(text.trim())) return undefined;
    // A number while exact; beyond 2^53 (bigint only) the exact decimal text, as core writes them.
    const n = BigInt(text.trim());
    return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();
  }
  if (FLOATS.has(type) || type === "numeric") {
    // NaN and the infinities, as core keeps them (PostgreSQL prints 'NaN', 'Infinity', '-Infinity').
    const word = NON_FINITE[text.trim().toLowerCase()];
    if (word !== undefined) return word;
  }
  if (FLOATS.has(type)) {
    const n = Number(text);
    return text.trim() !== "" && Number.isFinite(n) ? n : undefined;
  }
  if (type === "boolean") {
    const t = text.trim().toLowerCase();
    if (["true", "t", "yes", "y", "on", "1"].includes(t)) return true;
    if (["false", "f", "no", "n", "off", "0"].includes(t)) return false;
    return undefined;
  }
  if (type === "json" || type === "jsonb") {
    try {
      return JSON.parse(text) as JsonValue;
    } catch {
      return undefined;
    }
  }
  if (type === "bytea") return normaliseHex(text);
  // numeric stays text (exact, "12.50"); so do strings, dates, times and uuids.
  return text;
}

/**
 * A column default as PostgreSQL reports it (`pg_get_expr` of `pg_attrdef.adbin`, the same text as
 * `information_schema.columns.column_default`) read back as a {@link ColumnDefault}:
 * `'it''s'::character varying` → value "it's", `'-1'::integer` → -1, `CURRENT_TIMESTAMP` / `now()`
 * → now, `gen_random_uuid()` → random, `'{"a": 1}'::jsonb` → value {a: 1}, anything else → sql.
 * `NULL` (or no default) → `null`. Serial `nextval(...)` defaults are handled by the caller.
 *
 * @example
 * ```ts
 * parsePostgresDefault("'it''s'::text", { type: "text" }); // { kind: "value", value: "it's" }
 * ```
 */
export function parsePostgresDefault(expression: string | null | undefined, column: ColumnTypeSpec): ColumnDefault | null {
  if (expression == null) return null;
  const sql = expression.trim();
  if (sql === "" || NULL_DEFAULT.test(sql)) return null;
  if (NOW.test(sql)) return { kind: "now" };
  if (RANDOM.test(sql)) return { kind: "random" };
  const string = STRING_LITERAL.exec(sql);
  if (string) {
    const body = string[2]!.split("''").join("'");
    const value = valueOf(string[1] ? unescapeE(body) : body, column);
    if (value !== undefined) return { kind: "value", value };
  }
  const number = NUMBER.exec(sql);
  if (number) {
    const value = ["varchar", "text", "numeric"].includes(column.type) ? number[1]! : valueOf(number[1]!, column);
    if (value !== undefined) return { kind: "value", value };
  }
  if (/^(true|false)$/i.test(sql) && column.type === "boolean") return { kind: "value", value: sql.toLowerCase() === "true" };
  return { kind: "sql", sql };
}
