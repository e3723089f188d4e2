import { readMysqlString } from "./mysql-literal";

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
const WORD_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/;

/** Splits `sql` into raw tokens, or `undefined` when it holds something this reader does not know. */
function scan(sql: string): RawToken[] | undefined {
  const tokens: RawToken[] = [];
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    const rest = sql.slice(i);
    if (/\s/.test(ch)) i += 1;
    else if (rest.startsWith("/*")) {
      const end = sql.indexOf("*/", i + 2);
      if (end < 0) return undefined;
      i = end + 2;
    } else if (/^(--\s|#)/.test(rest)) {
      const end = sql.indexOf("\n", i);
      i = end < 0 ? sql.length : end + 1;
    } else if (/^[xX]'[0-9a-fA-F]*'/.test(rest)) {
      const end = sql.indexOf("'", i + 2);
      tokens.push({ kind: "hex", value: sql.slice(i + 2, end).toLowerCase(), start: i });
      i = end + 1;
    } else if (/^0x[0-9a-fA-F]+(?![A-Za-z0-9_$])/.test(rest)) {
      const text = /^0x[0-9a-fA-F]+/.exec(rest)![0];
      tokens.push({ kind: "hex", value: text.slice(2).toLowerCase(), start: i });
      i += text.length;
    } else if (ch === "'" || ch === '"') {
      const read = readMysqlString(sql, i);
      if (!read) return undefined;
      tokens.push({ kind: "string", value: read.value, start: i });
      i = read.end;
    } else if (ch === "`") {
      let name = "";
      let j = i + 1;
      for (;;) {
        if (j >= sql.length) return undefined;
        if (sql[j] === "`") {
          if (sql[j + 1] !== "`") break;
          name += "`";
          j += 2;
        } else name += sql[j++];
      }
      tokens.push({ kind: "quoted", name, start: i });
      i = j + 1;
    } else if (/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?(?![A-Za-z_$\u0080-\uffff])/.test(rest)) {
      const text = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(rest)![0];
      tokens.push({ kind: "number", text: text.toLowerCase(), start: i });
      i += text.length;
    } else if (WORD_CHAR.test(ch)) {
      let j = i;
      while (j < sql.length && WORD_CHAR.test(sql[j]!)) j += 1;
      tokens.push({ kind: "bare", text: sql.slice(i, j), start: i, end: j });
      i = j;
    } else if (ch === "(" || ch === ")" || ch === "," || ch === ".") {
      tokens.push({ kind: "punct", text: ch, start: i });
      i += 1;
    } else {
      const op = OPERATORS.find((o) => rest.startsWith(o));
      if (!op) return undefined;
      tokens.push({ kind: "op", text: op, start: i });
      i += op.length;
    }
  }
  return tokens;
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
