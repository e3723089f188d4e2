import { type SqlToken, createSqlLexer, isMigError } from "@mig/core/dialect";
import { readMysqlEscape } from "./mysql-literal";

/** One token of a MySQL expression, classified for normalising. */
export type ExpressionToken =
  | { readonly kind: "string"; readonly value: string }
  | { readonly kind: "hex"; readonly value: string }
  | { readonly kind: "number"; readonly text: string }
  /** A column reference (bare or backticked). */
  | { readonly kind: "ident"; readonly name: string }
  /** A keyword or word operator, lower case (`and`, `is`, `null`, `case`, `mod`, ...). */
  | { readonly kind: "word"; readonly text: string }
  /** A function name, lower case; always followed by `(`. */
  | { readonly kind: "func"; readonly name: string }
  | { readonly kind: "op"; readonly text: string }
  | { readonly kind: "punct"; readonly text: "(" | ")" | "," | "." };

type RawToken =
  | { kind: "string"; value: string; start: number }
  | { kind: "hex"; value: string; start: number }
  | { kind: "number"; text: string; start: number }
  | { kind: "quoted"; name: string; start: number }
  | { kind: "bare"; text: string; start: number; end: number }
  | { kind: "op"; text: string; start: number }
  | { kind: "punct"; text: "(" | ")" | "," | "."; start: number };

const OPERATORS = ["<=>", "<>", "!=", "<=", ">=", "<<", ">>", "&&", "||", ":=", "=", "<", ">", "+", "-", "*", "/", "%", "^", "&", "|", "~", "!"];

/** MySQL's SQL as the lexer reads it: backticked names, '…' and "…" strings with backslash escapes, `-- ` and `#` comments. */
const lexMysql = createSqlLexer({
  identifierQuotes: { "`": "`" },
  stringQuotes: ["'", '"'],
  backslashEscapes: { read: readMysqlEscape },
  blobLiterals: true,
  hexNumber: /0x[0-9a-fA-F]+/y,
  lineComment: /--\s|#/y,
  comments: "skip",
  word: /[A-Za-z0-9_$\u0080-\uffff]+/y,
  wordsMayStartWithDigit: true,
  punctuation: ["(", ")", ",", "."],
  operator: (sql, at) => OPERATORS.find((o) => sql.startsWith(o, at)),
});

/** The tokens of MySQL `sql`, or `undefined` when it holds something the lexer cannot read. */
export function mysqlTokens(sql: string): SqlToken[] | undefined {
  try {
    return lexMysql(sql);
  } catch (error) {
    if (isMigError(error)) return undefined;
    throw error;
  }
}

/** Splits `sql` into raw tokens, or `undefined` when it holds something this reader does not know. */
function scan(sql: string): RawToken[] | undefined {
  return mysqlTokens(sql)?.map((token): RawToken => {
    const { value, start } = token;
    switch (token.kind) {
      case "blob":
        return { kind: "hex", value: value.toLowerCase(), start };
      case "number":
        return value.startsWith("0x") ? { kind: "hex", value: value.slice(2).toLowerCase(), start } : { kind: "number", text: value.toLowerCase(), start };
      case "quoted":
        return { kind: "quoted", name: value, start };
      case "word":
        return { kind: "bare", text: value, start, end: token.end };
      case "string":
        return { kind: "string", value, start };
      case "op":
        return { kind: "op", text: value, start };
      default:
        return { kind: "punct", text: value as "(", start };
    }
  });
}

/** Words that are never column references. */
const KEYWORDS = new Set([
  "and", "or", "xor", "not", "is", "null", "in", "like", "between", "regexp", "rlike", "escape",
  "case", "when", "then", "else", "end", "div", "mod", "true", "false", "unknown", "binary", "collate",
  "interval", "as", "distinct", "exists", "sounds", "current_timestamp", "current_date", "current_time",
  "localtime", "localtimestamp", "current_user", "utc_timestamp", "utc_date", "utc_time",
]);
/** Words that may stand before `(` without being a function call. */
const NOT_FUNCTIONS = new Set(["and", "or", "xor", "not", "in", "is", "like", "between", "regexp", "rlike", "when", "then", "else", "case", "div", "mod", "as", "escape", "exists", "interval"]);
/** Function names MariaDB prints differently from how they may be written. */
const FUNCTION_ALIASES: Readonly<Record<string, string>> = {
  lower: "lcase", upper: "ucase", substring: "substr", mid: "substr", length: "octet_length",
  character_length: "char_length", now: "current_timestamp", localtime: "current_timestamp",
  localtimestamp: "current_timestamp", current_date: "curdate", current_time: "curtime",
};
/** Keywords that are niladic functions (`CURRENT_DATE` = `curdate()`). */
const NILADIC = new Set(["current_timestamp", "current_date", "current_time", "localtime", "localtimestamp", "utc_timestamp", "utc_date", "utc_time", "current_user"]);
const SYMBOL_ALIASES: Readonly<Record<string, ExpressionToken>> = {
  "!=": { kind: "op", text: "<>" },
  "%": { kind: "word", text: "mod" },
  "&&": { kind: "word", text: "and" },
  "||": { kind: "word", text: "or" },
};

/**
 * Tokenises a MySQL expression into classified tokens, folding spellings the server treats as the
 * same (`!=` is `<>`, `lower()` is `lcase()`, `TRUE` is `1`, `CURRENT_DATE` is `curdate()`, string
 * introducers like `_utf8mb4'x'` are dropped). `undefined` when the text cannot be read.
 */
export function tokenizeExpression(sql: string): ExpressionToken[] | undefined {
  const raw = scan(sql);
  if (!raw) return undefined;
  const out: ExpressionToken[] = [];
  for (let i = 0; i < raw.length; i++) {
    const token = raw[i]!;
    const next = raw[i + 1];
    if (token.kind === "bare") {
      const lower = token.text.toLowerCase();
      // `_utf8mb4'x'` / `N'x'`: a character set introducer written right before a string.
      if (next?.kind === "string" && next.start === token.end && (/^_[a-z0-9]+$/.test(lower) || lower === "n")) continue;
      const previous = out[out.length - 1];
      if (next?.kind === "punct" && next.text === "(" && !NOT_FUNCTIONS.has(lower)) {
        out.push({ kind: "func", name: FUNCTION_ALIASES[lower] ?? lower });
      } else if (lower === "true" || lower === "false") {
        out.push({ kind: "number", text: lower === "true" ? "1" : "0" });
      } else if (NILADIC.has(lower)) {
        out.push({ kind: "func", name: FUNCTION_ALIASES[lower] ?? lower }, { kind: "punct", text: "(" }, { kind: "punct", text: ")" });
      } else if (KEYWORDS.has(lower) || (previous?.kind === "word" && (previous.text === "as" || previous.text === "collate"))) {
        out.push({ kind: "word", text: lower });
      } else {
        out.push({ kind: "ident", name: token.text });
      }
    } else if (token.kind === "quoted") out.push({ kind: "ident", name: token.name });
    else if (token.kind === "op") out.push(SYMBOL_ALIASES[token.text] ?? { kind: "op", text: token.text });
    else if (token.kind === "string") out.push({ kind: "string", value: token.value });
    else if (token.kind === "hex") out.push({ kind: "hex", value: token.value });
    else if (token.kind === "number") out.push({ kind: "number", text: token.text });
    else out.push({ kind: "punct", text: token.text });
  }
  return out;
}
