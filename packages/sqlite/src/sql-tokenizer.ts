import { type SqlToken, createSqlLexer } from "@mig/core/dialect";

export type Token = SqlToken;

/**
 * Splits SQLite SQL into tokens, skipping whitespace and comments. Identifiers may be bare,
 * `"quoted"`, `` `quoted` `` or `[quoted]`; strings use `''` for a quote; `x'…'` is a blob.
 * Quoted names may contain anything: quotes, spaces, `;`, unicode. Any other character is
 * a one-character `punct` token.
 *
 * @example
 * ```ts
 * tokenize(`"a ""b""" = 'it''s'`).map((t) => t.value); // ['a "b"', "=", "it's"]
 * ```
 */
export const tokenize: (sql: string) => Token[] = createSqlLexer({
  identifierQuotes: { '"': '"', "`": "`", "[": "]" },
  blobLiterals: true,
  hexNumber: /0[xX][0-9a-fA-F]+/y,
  lineComment: /--/y,
  comments: "skip",
  word: /[A-Za-z_$\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/y,
  punctuation: [],
});

/** True when `token` is the bare keyword `word` (case-insensitive). */
export function isKeyword(token: Token | undefined, word: string): boolean {
  return token?.kind === "word" && token.value.toUpperCase() === word;
}

/** A name token: an identifier, bare or quoted (SQLite also accepts a string literal as a name). */
export function isName(token: Token | undefined): boolean {
  return token?.kind === "word" || token?.kind === "quoted" || token?.kind === "string";
}
