import { MigError } from "../errors/mig-error";

/**
 * A token of SQL. `value` is a quoted identifier without its quotes (doubled quotes undone), a
 * string's decoded text, a blob's hex digits, or the text as written for everything else.
 * `start`/`end` are offsets into the source, so callers can slice expressions out verbatim.
 */
export interface SqlToken {
  readonly kind: "word" | "quoted" | "string" | "blob" | "number" | "op" | "punct";
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

/** How one dialect writes SQL: what {@link createSqlLexer} needs to know. */
export interface SqlLexerOptions {
  /** Identifier quotes, opening → closing character. Inside, a doubled closing character stands for one (except `]`). */
  readonly identifierQuotes: Readonly<Record<string, string>>;
  /** Characters that open a string literal. Inside, a doubled quote stands for one. Default `'`. */
  readonly stringQuotes?: readonly string[];
  /**
   * Backslash escapes inside strings: `read` decodes the character after a backslash (and throws
   * for one it refuses). With `prefix`, only strings written with that prefix (`E'…'`) have them.
   */
  readonly backslashEscapes?: { readonly prefix?: string; read(next: string): string };
  /** `x'…'` is a blob literal (hex digits). */
  readonly blobLiterals?: boolean;
  /** Hex numbers (`0x…`), as a sticky pattern (`/0[xX][0-9a-fA-F]+/y`). */
  readonly hexNumber?: RegExp;
  /** `$tag$ … $tag$` is a string. */
  readonly dollarQuotes?: boolean;
  /** Where a line comment starts, as a sticky pattern (`/--/y`; MySQL's `/--\s|#/y`). */
  readonly lineComment: RegExp;
  /** Comments are skipped, or refused (a reader that cannot keep them). */
  readonly comments: "skip" | "refuse";
  /** A bare word, as a sticky pattern (`/[A-Za-z_][A-Za-z0-9_$]*\/y`). */
  readonly word: RegExp;
  /**
   * Names may start with a digit: `word` matches digits first, and a number run into word
   * characters (`1abc`) is one word.
   */
  readonly wordsMayStartWithDigit?: boolean;
  /** Punctuation, longest first (`::` before `.`). */
  readonly punctuation: readonly string[];
  /** The operator at `at`, or `undefined`. Without it, any other character is a one-character `punct`. */
  readonly operator?: (sql: string, at: number) => string | undefined;
}

const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/y;
const DOLLAR_TAG = /\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y;

function unreadable(what: string, at: number): MigError {
  return new MigError("MIG_E_UNSUPPORTED", `mig cannot read this SQL: ${what} at offset ${at}`, { meta: { offset: at } });
}

function matchAt(pattern: RegExp, sql: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(sql)?.[0];
}

/** Reads a quoted run from `at` (after the opening character) to `close`; a doubled `close` stands for one unless `doubling` is off. */
function readQuoted(sql: string, at: number, close: string, doubling: boolean, escape: ((next: string) => string) | undefined): { value: string; end: number } {
  let value = "";
  let i = at;
  while (i < sql.length) {
    const ch = sql[i] as string;
    if (escape && ch === "\\" && i + 1 < sql.length) {
      value += escape(sql[i + 1] as string);
      i += 2;
    } else if (ch === close && doubling && sql[i + 1] === close) {
      value += close;
      i += 2;
    } else if (ch === close) {
      return { value, end: i + 1 };
    } else {
      value += ch;
      i += 1;
    }
  }
  throw unreadable(`an unterminated ${close === "'" ? "string" : "quoted name"}`, at - 1);
}

/**
 * A lexer for one dialect's SQL: whitespace and comments skipped (or refused), identifiers bare or
 * quoted, strings, numbers, operators and punctuation. What it cannot read is `MIG_E_UNSUPPORTED`.
 *
 * @example
 * ```ts
 * const lex = createSqlLexer({ identifierQuotes: { '"': '"' }, lineComment: /--/y, comments: "skip", word: /[A-Za-z_]\w*\/y, punctuation: ["(", ")", ","] });
 * lex(`"a ""b""" = 'it''s'`).map((t) => t.value); // ['a "b"', "=", "it's"]
 * ```
 */
export function createSqlLexer(options: SqlLexerOptions): (sql: string) => SqlToken[] {
  const stringQuotes = options.stringQuotes ?? ["'"];
  const escapes = options.backslashEscapes;
  const prefix = escapes?.prefix;
  return (sql) => {
    const tokens: SqlToken[] = [];
    let i = 0;
    const push = (kind: SqlToken["kind"], value: string, start: number, end: number) => {
      tokens.push({ kind, value, start, end });
      i = end;
    };
    while (i < sql.length) {
      const ch = sql[i] as string;
      const start = i;
      const next = sql[i + 1];
      if (/\s/.test(ch)) {
        i++;
      } else if (matchAt(options.lineComment, sql, i) !== undefined || (ch === "/" && next === "*")) {
        if (options.comments === "refuse") throw unreadable("a comment", i);
        const block = ch === "/" && next === "*";
        // An unterminated block comment runs to the end, as in SQLite.
        const end = sql.indexOf(block ? "*/" : "\n", i + (block ? 2 : 1));
        i = end < 0 ? sql.length : end + (block ? 2 : 1);
      } else if (ch in options.identifierQuotes) {
        const close = options.identifierQuotes[ch] as string;
        const read = readQuoted(sql, i + 1, close, close !== "]", undefined);
        push("quoted", read.value, start, read.end);
      } else if (options.blobLiterals && (ch === "x" || ch === "X") && next === "'") {
        const read = readQuoted(sql, i + 2, "'", true, undefined);
        push("blob", read.value, start, read.end);
      } else if (prefix !== undefined && ch.toUpperCase() === prefix && next === "'") {
        const read = readQuoted(sql, i + 2, "'", true, escapes?.read);
        push("string", read.value, start, read.end);
      } else if (stringQuotes.includes(ch)) {
        const read = readQuoted(sql, i + 1, ch, true, prefix === undefined ? escapes?.read : undefined);
        push("string", read.value, start, read.end);
      } else if (options.dollarQuotes && ch === "$" && matchAt(DOLLAR_TAG, sql, i) !== undefined) {
        const tag = matchAt(DOLLAR_TAG, sql, i) as string;
        const end = sql.indexOf(tag, i + tag.length);
        if (end < 0) throw unreadable("an unterminated dollar-quoted string", i);
        push("string", sql.slice(i + tag.length, end), start, end + tag.length);
      } else if (/[0-9]/.test(ch) || (ch === "." && /[0-9]/.test(next ?? ""))) {
        const text = (options.hexNumber ? matchAt(options.hexNumber, sql, i) : undefined) ?? (matchAt(NUMBER, sql, i) as string);
        const word = options.wordsMayStartWithDigit ? matchAt(options.word, sql, i) : undefined;
        if (word !== undefined && word.length > text.length) push("word", word, start, i + word.length);
        else push("number", text, start, i + text.length);
      } else if (matchAt(options.word, sql, i) !== undefined) {
        const word = matchAt(options.word, sql, i) as string;
        push("word", word, start, i + word.length);
      } else {
        const punct = options.punctuation.find((p) => sql.startsWith(p, i));
        if (punct !== undefined) {
          push("punct", punct, start, i + punct.length);
        } else if (options.operator) {
          const op = options.operator(sql, i);
          if (op === undefined) throw unreadable(`the character ${JSON.stringify(ch)}`, i);
          push("op", op, start, i + op.length);
        } else {
          push("punct", ch, start, i + 1);
        }
      }
    }
    return tokens;
  };
}
