/**
 * A token of SQLite SQL. `value` is the identifier without its quotes (and with doubled quote
 * characters undone), the string without its quotes, or the text as written for everything else.
 * `start`/`end` are offsets into the source, so callers can slice expressions out verbatim.
 */
export interface Token {
  readonly kind: "word" | "quoted" | "string" | "blob" | "number" | "punct";
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

const CLOSING: Readonly<Record<string, string>> = { '"': '"', "`": "`", "[": "]" };

/**
 * Splits SQLite SQL into tokens, skipping whitespace and comments. Identifiers may be bare,
 * `"quoted"`, `` `quoted` `` or `[quoted]`; strings use `''` for a quote.
 * Quoted names may contain anything: quotes, spaces, `;`, unicode.
 *
 * @example
 * ```ts
 * tokenize(`"a ""b""" = 'it''s'`).map((t) => t.value); // ['a "b"', "=", "it's"]
 * ```
 */
export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i] as string;
    const start = i;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "-" && sql[i + 1] === "-") {
      const newline = sql.indexOf("\n", i);
      i = newline === -1 ? sql.length : newline + 1;
    } else if (ch === "/" && sql[i + 1] === "*") {
      const close = sql.indexOf("*/", i + 2);
      i = close === -1 ? sql.length : close + 2;
    } else if (ch in CLOSING) {
      const close = CLOSING[ch] as string;
      let value = "";
      i++;
      while (i < sql.length) {
        if (sql[i] === close) {
          // Inside "…" and `…` a doubled quote stands for one; [ … ] has no escape.
          if (close !== "]" && sql[i + 1] === close) {
            value += close;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += sql[i];
        i++;
      }
      tokens.push({ kind: "quoted", value, start, end: i });
    } else if (ch === "'" || ((ch === "x" || ch === "X") && sql[i + 1] === "'")) {
      const blob = ch !== "'";
      i += blob ? 2 : 1;
      let value = "";
      while (i < sql.length) {
        if (sql[i] === "'") {
          if (sql[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += sql[i];
        i++;
      }
      tokens.push({ kind: blob ? "blob" : "string", value, start, end: i });
    } else if (/[0-9]/.test(ch) || (ch === "." && /[0-9]/.test(sql[i + 1] ?? ""))) {
      const match = /^(?:0[xX][0-9a-fA-F]+|(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)/.exec(sql.slice(i));
      i += match ? match[0].length : 1;
      tokens.push({ kind: "number", value: sql.slice(start, i), start, end: i });
    } else if (isWordChar(ch)) {
      while (i < sql.length && (isWordChar(sql[i] as string) || /[0-9]/.test(sql[i] as string))) i++;
      tokens.push({ kind: "word", value: sql.slice(start, i), start, end: i });
    } else {
      i++;
      tokens.push({ kind: "punct", value: ch, start, end: i });
    }
  }
  return tokens;
}

function isWordChar(ch: string): boolean {
  return /[A-Za-z_$]/.test(ch) || ch.charCodeAt(0) >= 0x80;
}

/** True when `token` is the bare keyword `word` (case-insensitive). */
export function isKeyword(token: Token | undefined, word: string): boolean {
  return token?.kind === "word" && token.value.toUpperCase() === word;
}

/** A name token: an identifier, bare or quoted (SQLite also accepts a string literal as a name). */
export function isName(token: Token | undefined): boolean {
  return token?.kind === "word" || token?.kind === "quoted" || token?.kind === "string";
}
