import { type ExpressionToken, tokenizeExpression } from "./expression-tokens";

/** Binary operator precedence, low to high. */
const BINARY: Readonly<Record<string, number>> = {
  ":=": 1, or: 2, xor: 3, and: 4, between: 6,
  "=": 7, "<=>": 7, ">=": 7, ">": 7, "<=": 7, "<": 7, "<>": 7, is: 7, like: 7, regexp: 7, rlike: 7, in: 7, sounds: 7,
  "|": 8, "&": 9, "<<": 10, ">>": 10, "-": 11, "+": 11, "*": 12, "/": 12, div: 12, mod: 12, "^": 13,
  collate: 16,
};
const PREFIX: Readonly<Record<string, number>> = { not: 5, "-": 14, "+": 14, "~": 14, "!": 15, binary: 16 };
const UNARY_CANDIDATES = new Set(["-", "+", "~", "!"]);

function text(token: ExpressionToken | undefined): string | undefined {
  return token?.kind === "op" || token?.kind === "word" ? token.text : undefined;
}

/** True when the token at `i` is a prefix operator (not / unary minus) rather than a binary one. */
function isPrefix(tokens: readonly ExpressionToken[], i: number): boolean {
  const t = text(tokens[i]);
  if (t === "not" || t === "binary") return true;
  if (t === undefined || !UNARY_CANDIDATES.has(t) || tokens[i]!.kind !== "op") return false;
  const before = tokens[i - 1];
  if (!before) return true;
  if (before.kind === "punct") return before.text === "(" || before.text === ",";
  return before.kind === "op" || (before.kind === "word" && before.text !== "null" && before.text !== "end");
}

/** Precedence of the operator at `i` in its role (prefix or binary), 0 for anything else. */
function precedence(tokens: readonly ExpressionToken[], i: number): number {
  const t = text(tokens[i]);
  if (t === undefined) return 0;
  return (isPrefix(tokens, i) ? PREFIX[t] : BINARY[t]) ?? 0;
}

function matching(tokens: readonly ExpressionToken[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === "punct" && t.text === "(") depth += 1;
    if (t.kind === "punct" && t.text === ")" && --depth === 0) return i;
  }
  return -1;
}

/** The lowest operator precedence at the top level of tokens (from, to); -1 when a comma makes it a list. */
function innerPrecedence(tokens: readonly ExpressionToken[], from: number, to: number): number {
  let lowest = Infinity;
  let afterBetween = false;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind === "punct" && t.text === "(") i = matching(tokens, i);
    else if (t.kind === "punct" && t.text === ",") return -1;
    else if (t.kind === "word" && t.text === "case") {
      for (let depth = 1; depth > 0 && i < to; ) {
        const w = text(tokens[++i]);
        if (w === "case") depth += 1;
        if (w === "end") depth -= 1;
      }
    } else if (t.kind === "word" && t.text === "and" && afterBetween) afterBetween = false;
    else {
      const p = precedence(tokens, i);
      if (t.kind === "word" && t.text === "between") afterBetween = true;
      if (p > 0) lowest = Math.min(lowest, p);
    }
  }
  return lowest;
}

/** Removes one pair of parentheses the operators around it make redundant; false when none is left. */
function dropRedundantParentheses(tokens: ExpressionToken[]): boolean {
  for (let open = 0; open < tokens.length; open++) {
    const t = tokens[open]!;
    if (t.kind !== "punct" || t.text !== "(") continue;
    const before = tokens[open - 1];
    // Call parentheses and lists: f(x), IN (...), CAST(x AS DECIMAL(5,2)).
    if (before?.kind === "func" || text(before) === "in" || text(before) === "exists") continue;
    const close = matching(tokens, open);
    if (close < 0) return false;
    const inner = innerPrecedence(tokens, open + 1, close);
    if (inner < 0 || close === open + 1) continue;
    const left = before ? precedence(tokens, open - 1) : 0;
    const right = tokens[close + 1] ? precedence(tokens, close + 1) : 0;
    if (inner > left && inner >= right) {
      tokens.splice(close, 1);
      tokens.splice(open, 1);
      return true;
    }
  }
  return false;
}

function render(token: ExpressionToken): string {
  switch (token.kind) {
    case "string":
      return `'${token.value.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
    case "hex":
      return `X'${token.value}'`;
    case "number":
      return token.text;
    case "ident":
      return "`" + token.name.replace(/`/g, "``") + "`";
    case "word":
    case "op":
    case "punct":
      return token.text;
    case "func":
      return token.name;
  }
}

function print(tokens: readonly ExpressionToken[]): string {
  let out = "";
  tokens.forEach((token, i) => {
    const before = tokens[i - 1];
    const tight =
      !before ||
      (token.kind === "punct" && token.text !== "(") ||
      (before.kind === "punct" && before.text !== ")") ||
      (token.kind === "punct" && before.kind === "func") ||
      (before.kind === "op" && isPrefix(tokens, i - 1));
    out += (tight ? "" : " ") + render(token);
  });
  return out;
}

/**
 * An SQL expression (a CHECK or an expression default) in one canonical spelling, so that what the
 * user wrote and what MariaDB / MySQL report for it compare equal: MariaDB reports
 * `\`popularity\` >= 0` for `popularity >= 0`, lower-cases keywords, drops redundant parentheses and
 * prints `lower()` as `lcase()`. The result is valid SQL: identifiers backticked, keywords lower case,
 * strings single-quoted. Text this reader cannot tokenise comes back with its whitespace collapsed.
 *
 * @example
 * normaliseMysqlExpression("(popularity >= 0) AND name != ''") // "`popularity` >= 0 and `name` <> ''"
 */
export function normaliseMysqlExpression(sql: string): string {
  const tokens = tokenizeExpression(sql);
  if (!tokens) return sql.trim().replace(/\s+/g, " ");
  while (dropRedundantParentheses(tokens));
  return print(tokens);
}
