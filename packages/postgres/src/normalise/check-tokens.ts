import { MigError, type SqlToken, createSqlLexer } from "@mig/core/dialect";

/**
 * A token of a check expression: core's token, with words and numbers in lower case (unquoted
 * names fold to lower case) and `!=` spelled `<>`.
 */
export type Token = SqlToken;

export class CheckSyntaxError extends Error {}

const OP_CHARS = "+-*/<>=~!@#%^&|`?";

/**
 * An operator: a run of operator characters. A multi-character operator cannot end in + or -
 * unless it holds one of ~!@#%^&|`?, so `>-1` is `>` then `-1`.
 */
function readOperator(sql: string, at: number): string | undefined {
  let end = at;
  while (end < sql.length && OP_CHARS.includes(sql[end] as string)) end++;
  let op = sql.slice(at, end);
  if (!/[~!@#%^&|`?]/.test(op)) while (op.length > 1 && /[+-]$/.test(op)) op = op.slice(0, -1);
  return op === "" ? undefined : op;
}

/** Escapes of `E'…'` strings: only those mig itself writes (doubled backslash, quote) and the common ones. */
const ESCAPES: Readonly<Record<string, string>> = { "\\": "\\", "'": "'", n: "\n", t: "\t", r: "\r", b: "\b", f: "\f" };

const lexPostgres = createSqlLexer({
  identifierQuotes: { '"': '"' },
  backslashEscapes: {
    prefix: "E",
    read: (next) => {
      const decoded = ESCAPES[next];
      if (decoded === undefined) throw new MigError("MIG_E_UNSUPPORTED", `The escape \\${next} is not normalised`);
      return decoded;
    },
  },
  dollarQuotes: true,
  lineComment: /--/y,
  comments: "refuse",
  word: /[\p{L}_][\p{L}\p{N}_$]*/uy,
  punctuation: ["::", "(", ")", ",", "[", "]", "."],
  operator: readOperator,
});

/**
 * Splits a check expression into tokens. Plain string literals are read with
 * `standard_conforming_strings` on (backslashes are literal), as PostgreSQL reports them.
 */
export function tokenise(sql: string): Token[] {
  return lexPostgres(sql).map((token) => {
    if (token.kind === "word" || token.kind === "number") return { ...token, value: token.value.toLowerCase() };
    if (token.kind === "op" && token.value === "!=") return { ...token, value: "<>" };
    return token;
  });
}
