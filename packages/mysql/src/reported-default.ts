import type { ColumnDefault, ColumnTypeSpec, JsonValue } from "@mig/core/dialect";
import { canonicalDefaultValue } from "./mysql-default";
import { mysqlTokens } from "./expression-tokens";
import { normaliseMysqlExpression } from "./normalise-expression";

function literal(spec: ColumnTypeSpec, value: JsonValue): ColumnDefault | null {
  if (value === null) return null;
  if ((spec.type === "json" || spec.type === "jsonb") && typeof value === "string") {
    try {
      return { kind: "value", value: JSON.parse(value) as JsonValue };
    } catch {
      return { kind: "sql", sql: normaliseMysqlExpression(`'${value.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`) };
    }
  }
  return { kind: "value", value: canonicalDefaultValue(spec, value) };
}

/**
 * A default expression (as MariaDB reports it in information_schema.COLUMNS.COLUMN_DEFAULT, or as a
 * user wrote it in `.defaultSql()`) → the kind of default it is. MariaDB 10.2.7+ reports literals
 * quoted (`'abc'`, with `''` and backslash escapes), numbers bare, `NULL` for no default, and
 * expressions as it prints them: `current_timestamp(6)`, `curdate()`, `curtime(6)`, `uuid()`.
 */
export function parseDefaultExpression(sql: string, spec: ColumnTypeSpec): ColumnDefault | null {
  const text = normaliseMysqlExpression(sql);
  if (/^null$/i.test(text)) return null;
  if (text.startsWith("'")) {
    const tokens = mysqlTokens(text);
    if (tokens?.length === 1 && tokens[0]!.kind === "string" && tokens[0]!.end === text.length) return literal(spec, tokens[0]!.value);
  }
  const hex = /^X'([0-9a-f]*)'$/.exec(text);
  if (hex) return spec.type === "bytea" ? { kind: "value", value: hex[1]! } : { kind: "sql", sql: text };
  if (/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(text)) return literal(spec, text);
  if (/^(current_timestamp|curdate|curtime)\(\d?\)$/.test(text)) return { kind: "now" };
  if (text === "uuid()") return { kind: "random" };
  return { kind: "sql", sql: text };
}

/**
 * A column's default as information_schema reports it → mig's form.
 *
 * MariaDB: every default is an expression (see {@link parseDefaultExpression}); SQL NULL means none.
 * MySQL 8 reports literals unquoted and marks expression defaults with `DEFAULT_GENERATED` in EXTRA,
 * writing string literals in
 * them as `_utf8mb4\'x\'`.
 */
export function parseReportedDefault(
  reported: string | null,
  spec: ColumnTypeSpec,
  server: { readonly mariadb: boolean; readonly extra: string },
): ColumnDefault | null {
  if (reported === null) return null;
  if (server.mariadb) return parseDefaultExpression(reported, spec);
  if (/DEFAULT_GENERATED/i.test(server.extra) || /^CURRENT_TIMESTAMP(\(\d?\))?$/i.test(reported)) {
    const unescaped = /^_[a-z0-9]+\\'.*\\'$/is.test(reported) ? reported.replace(/\\'/g, "'") : reported;
    return parseDefaultExpression(unescaped, spec);
  }
  return literal(spec, reported);
}
