import { CheckSyntaxError, type Token, tokenise } from "./check-tokens";

/** The expression tree of a check constraint: the subset of PostgreSQL's grammar checks use. */
export type CheckNode =
  | { readonly k: "num"; readonly text: string }
  | { readonly k: "str"; readonly value: string }
  | { readonly k: "kw"; readonly word: string }
  | { readonly k: "id"; readonly parts: readonly string[] }
  | { readonly k: "call"; readonly name: readonly string[]; readonly args: readonly CheckNode[] }
  | { readonly k: "unary"; readonly op: string; readonly arg: CheckNode }
  | { readonly k: "bin"; readonly op: string; readonly prec: number; readonly left: CheckNode; readonly right: CheckNode }
  | { readonly k: "quant"; readonly op: string; readonly q: "ANY" | "ALL"; readonly left: CheckNode; readonly right: CheckNode }
  | { readonly k: "is"; readonly arg: CheckNode; readonly test: string }
  | { readonly k: "cast"; readonly arg: CheckNode; readonly type: string }
  | { readonly k: "array"; readonly items: readonly CheckNode[] }
  | { readonly k: "case"; readonly subject?: CheckNode; readonly whens: readonly (readonly [CheckNode, CheckNode])[]; readonly otherwise?: CheckNode };

/** Operator precedence, lowest first. */
export const PREC = { or: 1, and: 2, not: 3, is: 4, cmp: 5, like: 6, other: 7, add: 8, mul: 9, exp: 10, unary: 11, cast: 13, atom: 100 } as const;

const COMPARISONS = new Set(["<", ">", "=", "<=", ">=", "<>"]);
const VALUE_KEYWORDS = new Set(["true", "false", "null", "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp", "current_user", "session_user", "current_role"]);
const REFUSED = new Set(["select", "exists", "similar", "escape", "symmetric", "collate", "overlaps", "at", "distinct"]);
const TYPE_CONTINUATIONS = new Set(["varying", "precision", "with", "without", "time", "zone"]);
/** Type spellings as PostgreSQL prints them (`format_type`). */
const TYPE_ALIASES: Readonly<Record<string, string>> = {
  varchar: "character varying", int: "integer", int4: "integer", int8: "bigint", int2: "smallint", float8: "double precision",
  float4: "real", bool: "boolean", decimal: "numeric", timestamptz: "timestamp with time zone", timestamp: "timestamp without time zone",
  time: "time without time zone", timetz: "time with time zone", char: "character", bpchar: "character",
};

class Parser {
  #pos = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  parseAll(): CheckNode {
    const node = this.expr(0);
    if (this.#pos !== this.tokens.length) throw new CheckSyntaxError("unexpected trailing tokens");
    return node;
  }

  #peek(offset = 0): Token | undefined {
    return this.tokens[this.#pos + offset];
  }
  #isWord(word: string, offset = 0): boolean {
    const t = this.#peek(offset);
    return t?.kind === "word" && t.value === word;
  }
  #isPunct(p: string, offset = 0): boolean {
    const t = this.#peek(offset);
    return t?.kind === "punct" && t.value === p;
  }
  #next(): Token {
    const t = this.tokens[this.#pos++];
    if (!t) throw new CheckSyntaxError("unexpected end");
    return t;
  }
  #expectPunct(p: string): void {
    if (!this.#isPunct(p)) throw new CheckSyntaxError(`expected ${p}`);
    this.#pos++;
  }
  #expectWord(w: string): void {
    if (!this.#isWord(w)) throw new CheckSyntaxError(`expected ${w}`);
    this.#pos++;
  }

  /** The precedence of the infix or postfix construct at the cursor, or 0 when there is none. */
  #infixPrec(): number {
    const t = this.#peek();
    if (!t) return 0;
    if (t.kind === "punct") return t.value === "::" ? PREC.cast : 0;
    if (t.kind === "op") {
      if (COMPARISONS.has(t.value)) return PREC.cmp;
      if (t.value === "+" || t.value === "-") return PREC.add;
      if (t.value === "*" || t.value === "/" || t.value === "%") return PREC.mul;
      if (t.value === "^") return PREC.exp;
      return PREC.other;
    }
    if (t.kind !== "word") return 0;
    if (t.value === "or") return PREC.or;
    if (t.value === "and") return PREC.and;
    if (t.value === "is" || t.value === "isnull" || t.value === "notnull") return PREC.is;
    if (t.value === "like" || t.value === "ilike" || t.value === "in" || t.value === "between") return PREC.like;
    if (t.value === "not" && ["like", "ilike", "in", "between"].some((w) => this.#isWord(w, 1))) return PREC.like;
    if (REFUSED.has(t.value)) throw new CheckSyntaxError(`${t.value} is not normalised`);
    return 0;
  }

  expr(minPrec: number): CheckNode {
    let left = this.#prefix();
    for (;;) {
      const prec = this.#infixPrec();
      if (prec === 0 || prec <= minPrec) return left;
      left = this.#infix(left, prec);
    }
  }

  #infix(left: CheckNode, prec: number): CheckNode {
    const t = this.#next();
    if (t.kind === "punct") return { k: "cast", arg: left, type: this.#typeName() };
    if (t.kind === "op") {
      if (prec === PREC.cmp && ["any", "some", "all"].some((w) => this.#isWord(w)) && this.#isPunct("(", 1)) {
        const q = this.#next().value === "all" ? "ALL" : "ANY";
        this.#expectPunct("(");
        const right = this.expr(0);
        this.#expectPunct(")");
        return { k: "quant", op: t.value, q, left, right };
      }
      return { k: "bin", op: t.value, prec, left, right: this.expr(prec) };
    }
    const word = t.value;
    if (word === "or" || word === "and") return { k: "bin", op: word.toUpperCase(), prec, left, right: this.expr(prec) };
    if (word === "isnull") return { k: "is", arg: left, test: "NULL" };
    if (word === "notnull") return { k: "is", arg: left, test: "NOT NULL" };
    if (word === "is") {
      const not = this.#isWord("not") ? (this.#pos++, "NOT ") : "";
      const test = this.#next();
      if (test.kind !== "word" || !["null", "true", "false", "unknown"].includes(test.value)) throw new CheckSyntaxError("unsupported IS test");
      return { k: "is", arg: left, test: `${not}${test.value.toUpperCase()}` };
    }
    const negated = word === "not";
    const what = negated ? (this.#next() as { value: string }).value : word;
    if (what === "like" || what === "ilike") {
      // PostgreSQL stores LIKE as the ~~ operator family and prints it that way.
      const op = `${negated ? "!" : ""}~~${what === "ilike" ? "*" : ""}`;
      return { k: "bin", op, prec: PREC.other, left, right: this.expr(PREC.like) };
    }
    if (what === "between") {
      const low = this.expr(PREC.like);
      this.#expectWord("and");
      const high = this.expr(PREC.like);
      // x BETWEEN a AND b is stored as x >= a AND x <= b (NOT BETWEEN: x < a OR x > b).
      const cmp = (op: string, right: CheckNode): CheckNode => ({ k: "bin", op, prec: PREC.cmp, left, right });
      return negated
        ? { k: "bin", op: "OR", prec: PREC.or, left: cmp("<", low), right: cmp(">", high) }
        : { k: "bin", op: "AND", prec: PREC.and, left: cmp(">=", low), right: cmp("<=", high) };
    }
    // IN (list): stored as = ANY (ARRAY[...]) (NOT IN: <> ALL), a one-element list as = (or <>).
    this.#expectPunct("(");
    const items = this.#list(")");
    const op = negated ? "<>" : "=";
    if (items.length === 1) return { k: "bin", op, prec: PREC.cmp, left, right: items[0]! };
    return { k: "quant", op, q: negated ? "ALL" : "ANY", left, right: { k: "array", items } };
  }

  #list(close: ")" | "]"): CheckNode[] {
    const items: CheckNode[] = [];
    if (this.#isPunct(close)) {
      this.#pos++;
      return items;
    }
    for (;;) {
      items.push(this.expr(0));
      if (this.#isPunct(",")) this.#pos++;
      else break;
    }
    this.#expectPunct(close);
    return items;
  }

  #typeName(): string {
    const t = this.#next();
    let name: string;
    if (t.kind === "quoted") name = t.value;
    else if (t.kind === "word") {
      const words = [t.value];
      while (this.#peek()?.kind === "word" && TYPE_CONTINUATIONS.has((this.#peek() as { value: string }).value)) words.push(this.#next().value);
      name = words.join(" ");
    } else throw new CheckSyntaxError("expected a type name");
    name = TYPE_ALIASES[name] ?? name;
    if (this.#isPunct("(")) {
      this.#pos++;
      const args = this.#list(")").map((a) => (a.k === "num" ? a.text : (() => { throw new CheckSyntaxError("bad type modifier"); })()));
      name += `(${args.join(",")})`;
    }
    if (this.#isPunct("[") && this.#isPunct("]", 1)) {
      this.#pos += 2;
      name += "[]";
    }
    return name;
  }

  #prefix(): CheckNode {
    const t = this.#next();
    switch (t.kind) {
      case "number":
        return { k: "num", text: t.value };
      case "string":
        return { k: "str", value: t.value };
      case "quoted":
        return this.#name(t.value);
      case "op":
        if (t.value === "-" || t.value === "+") return { k: "unary", op: t.value, arg: this.expr(PREC.unary) };
        throw new CheckSyntaxError(`unexpected operator ${t.value}`);
      case "punct": {
        if (t.value !== "(") throw new CheckSyntaxError(`unexpected ${t.value}`);
        const inner = this.expr(0);
        this.#expectPunct(")");
        return inner;
      }
      case "word":
        return this.#word(t.value);
      default:
        throw new CheckSyntaxError(`unexpected ${t.kind}`);
    }
  }

  #word(word: string): CheckNode {
    if (word === "not") return { k: "unary", op: "NOT", arg: this.expr(PREC.not) };
    if (VALUE_KEYWORDS.has(word)) return { k: "kw", word: word.toUpperCase() };
    if (word === "array" && this.#isPunct("[")) {
      this.#pos++;
      return { k: "array", items: this.#list("]") };
    }
    if (word === "cast" && this.#isPunct("(")) {
      this.#pos++;
      const arg = this.expr(0);
      this.#expectWord("as");
      const type = this.#typeName();
      this.#expectPunct(")");
      return { k: "cast", arg, type };
    }
    if (word === "case") return this.#case();
    if (REFUSED.has(word)) throw new CheckSyntaxError(`${word} is not normalised`);
    // A typed literal (`date '2020-01-01'`) is a cast of the string.
    if (this.#peek()?.kind === "string" && !this.#isPunct(".", 1)) {
      const value = (this.#next() as { value: string }).value;
      return { k: "cast", arg: { k: "str", value }, type: TYPE_ALIASES[word] ?? word };
    }
    return this.#name(word);
  }

  #name(first: string): CheckNode {
    const parts = [first];
    while (this.#isPunct(".")) {
      this.#pos++;
      const t = this.#next();
      if (t.kind !== "word" && t.kind !== "quoted") throw new CheckSyntaxError("expected a name");
      parts.push(t.value);
    }
    if (this.#isPunct("(")) {
      this.#pos++;
      return { k: "call", name: parts, args: this.#list(")") };
    }
    return { k: "id", parts };
  }

  #case(): CheckNode {
    const subject = this.#isWord("when") ? undefined : this.expr(0);
    const whens: [CheckNode, CheckNode][] = [];
    while (this.#isWord("when")) {
      this.#pos++;
      const when = this.expr(0);
      this.#expectWord("then");
      whens.push([when, this.expr(0)]);
    }
    let otherwise: CheckNode | undefined;
    if (this.#isWord("else")) {
      this.#pos++;
      otherwise = this.expr(0);
    }
    this.#expectWord("end");
    return { k: "case", ...(subject ? { subject } : {}), whens, ...(otherwise ? { otherwise } : {}) };
  }
}

/** Parses a check expression; throws {@link CheckSyntaxError} for what it does not know. */
export function parseCheck(sql: string): CheckNode {
  return new Parser(tokenise(sql)).parseAll();
}
