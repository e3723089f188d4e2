/** A token of a check expression. Words are lower-cased (unquoted names fold to lower case). */
export type Token =
  | { readonly t: "num"; readonly v: string }
  | { readonly t: "str"; readonly v: string }
  | { readonly t: "qid"; readonly v: string }
  | { readonly t: "word"; readonly v: string }
  | { readonly t: "op"; readonly v: string }
  | { readonly t: "punct"; readonly v: "(" | ")" | "," | "[" | "]" | "." | "::" };

export class CheckSyntaxError extends Error {}

const OP_CHARS = "+-*/<>=~!@#%^&|`?";

/** Reads a string literal's body (after the opening quote); `escapes` for E'...' strings. */
function readString(sql: string, start: number, escapes: boolean): [string, number] {
  let value = "";
  let i = start;
  for (;;) {
    const ch = sql[i];
    if (ch === undefined) throw new CheckSyntaxError("unterminated string");
    if (ch === "'" && sql[i + 1] === "'") {
      value += "'";
      i += 2;
    } else if (ch === "'") {
      return [value, i + 1];
    } else if (escapes && ch === "\\") {
      const next = sql[i + 1];
      if (next === undefined) throw new CheckSyntaxError("unterminated string");
      // Only the escapes mig itself writes (doubled backslash, quote) and the common ones; others fail the parse.
      const simple: Record<string, string> = { "\\": "\\", "'": "'", n: "\n", t: "\t", r: "\r", b: "\b", f: "\f" };
      if (simple[next] === undefined) throw new CheckSyntaxError("unsupported escape");
      value += simple[next];
      i += 2;
    } else {
      value += ch;
      i += 1;
    }
  }
}

/**
 * Splits a check expression into tokens. Plain string literals are read with
 * `standard_conforming_strings` on (backslashes are literal), as PostgreSQL reports them.
 */
export function tokenise(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    const rest = sql.slice(i);
    if (/\s/.test(ch)) {
      i++;
    } else if (rest.startsWith("--") || rest.startsWith("/*")) {
      throw new CheckSyntaxError("comments are not normalised");
    } else if (ch === "'" || ((ch === "e" || ch === "E") && sql[i + 1] === "'")) {
      const escapes = ch !== "'";
      const [value, end] = readString(sql, i + (escapes ? 2 : 1), escapes);
      tokens.push({ t: "str", v: value });
      i = end;
    } else if (ch === '"') {
      let j = i + 1;
      let name = "";
      for (;;) {
        const close = sql.indexOf('"', j);
        if (close < 0) throw new CheckSyntaxError("unterminated identifier");
        name += sql.slice(j, close);
        if (sql[close + 1] === '"') {
          name += '"';
          j = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      tokens.push({ t: "qid", v: name });
    } else if (/[0-9]/.test(ch) || (ch === "." && /[0-9]/.test(sql[i + 1] ?? ""))) {
      const m = /^(\d+\.?\d*|\.\d+)(e[-+]?\d+)?/i.exec(rest)!;
      tokens.push({ t: "num", v: m[0].toLowerCase() });
      i += m[0].length;
    } else if (/[\p{L}_]/u.test(ch)) {
      const m = /^[\p{L}_][\p{L}\p{N}_$]*/u.exec(rest)!;
      tokens.push({ t: "word", v: m[0].toLowerCase() });
      i += m[0].length;
    } else if (rest.startsWith("::")) {
      tokens.push({ t: "punct", v: "::" });
      i += 2;
    } else if ("(),[].".includes(ch)) {
      tokens.push({ t: "punct", v: ch as "(" });
      i++;
    } else if (OP_CHARS.includes(ch)) {
      let end = i;
      while (end < sql.length && OP_CHARS.includes(sql[end]!)) end++;
      let op = sql.slice(i, end);
      // A multi-character operator cannot end in + or - unless it holds one of ~!@#%^&|`?,
      // so `>-1` is `>` then `-1`.
      if (!/[~!@#%^&|`?]/.test(op)) while (op.length > 1 && /[+-]$/.test(op)) op = op.slice(0, -1);
      tokens.push({ t: "op", v: op === "!=" ? "<>" : op });
      i += op.length;
    } else {
      throw new CheckSyntaxError(`unexpected character ${ch}`);
    }
  }
  return tokens;
}
