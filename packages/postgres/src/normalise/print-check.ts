import { quotePostgresString } from "../emitter/quote-literal";
import { type CheckNode, PREC } from "./check-parser";

/** Words PostgreSQL quotes when it prints a name (`pg_get_keywords()` where catcode <> 'U', PostgreSQL 15). */
const KEYWORDS = new Set(
  ("all analyse analyze and any array as asc asymmetric authorization between bigint binary bit boolean both case cast char " +
    "character check coalesce collate collation column concurrently constraint create cross current_catalog current_date " +
    "current_role current_schema current_time current_timestamp current_user dec decimal default deferrable desc distinct do " +
    "else end except exists extract false fetch float for foreign freeze from full grant greatest group grouping having ilike " +
    "in initially inner inout int integer intersect interval into is isnull join lateral leading least left like limit " +
    "localtime localtimestamp national natural nchar none normalize not notnull null nullif numeric offset on only or order " +
    "out outer overlaps overlay placing position precision primary real references returning right row select session_user " +
    "setof similar smallint some substring symmetric table tablesample then time timestamp to trailing treat trim true union " +
    "unique user using values varchar variadic verbose when where window with xmlattributes xmlconcat xmlelement xmlexists " +
    "xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable").split(" "),
);

/** A name as PostgreSQL prints it: bare when it is a plain lower-case word, quoted otherwise. */
export function printName(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) && !KEYWORDS.has(name) ? name : `"${name.split('"').join('""')}"`;
}

function precOf(node: CheckNode): number {
  switch (node.k) {
    case "bin":
      return node.prec;
    case "quant":
      return PREC.cmp;
    case "is":
      return PREC.is;
    case "unary":
      return node.op === "NOT" ? PREC.not : PREC.unary;
    case "cast":
      return PREC.cast;
    case "num":
      return node.text.startsWith("-") ? PREC.unary : PREC.atom;
    default:
      return PREC.atom;
  }
}

/** `node` printed inside a parent of precedence `prec`: in parentheses when it binds less tightly. */
function wrap(node: CheckNode, prec: number, strict: boolean): string {
  const inner = printCheck(node);
  const p = precOf(node);
  return p < prec || (strict && p === prec) ? `(${inner})` : inner;
}

/** Prints a check tree with the fewest parentheses that keep its meaning (left-associative operators). */
export function printCheck(node: CheckNode): string {
  switch (node.k) {
    case "num":
      return node.text;
    case "str":
      return quotePostgresString(node.value);
    case "kw":
      return node.word;
    case "id":
      return node.parts.map(printName).join(".");
    case "call":
      return `${node.name.map(printName).join(".")}(${node.args.map(printCheck).join(", ")})`;
    case "unary":
      return node.op === "NOT" ? `NOT ${wrap(node.arg, PREC.not, false)}` : `${node.op}${wrap(node.arg, PREC.unary, false)}`;
    case "bin":
      return `${wrap(node.left, node.prec, false)} ${node.op} ${wrap(node.right, node.prec, true)}`;
    case "quant":
      return `${wrap(node.left, PREC.cmp, true)} ${node.op} ${node.q} (${printCheck(node.right)})`;
    case "is":
      return `${wrap(node.arg, PREC.is, false)} IS ${node.test}`;
    case "cast":
      return `${wrap(node.arg, PREC.cast, true)}::${node.type}`;
    case "array":
      return `ARRAY[${node.items.map(printCheck).join(", ")}]`;
    case "case": {
      const whens = node.whens.map(([w, t]) => ` WHEN ${printCheck(w)} THEN ${printCheck(t)}`).join("");
      return `CASE${node.subject ? ` ${printCheck(node.subject)}` : ""}${whens}${node.otherwise ? ` ELSE ${printCheck(node.otherwise)}` : ""} END`;
    }
  }
}
