import type { TypeName } from "@mig/core/dialect";
import { type CheckNode, parseCheck } from "./check-parser";
import { printCheck } from "./print-check";

/** The casts PostgreSQL adds by itself to a column of each type to resolve an operator (implicit casts). */
const IMPLICIT_CASTS: Partial<Record<TypeName, readonly string[]>> = {
  varchar: ["text"],
  smallint: ["integer", "bigint", "numeric", "real", "double precision"],
  integer: ["bigint", "numeric", "real", "double precision"],
  serial: ["bigint", "numeric", "real", "double precision"],
  bigint: ["numeric", "real", "double precision"],
  bigserial: ["numeric", "real", "double precision"],
  real: ["double precision"],
  numeric: ["double precision"],
  date: ["timestamp without time zone", "timestamp with time zone"],
  timestamp: ["timestamp with time zone"],
};
const NUMERIC_TYPES = new Set(["integer", "bigint", "smallint", "numeric", "real", "double precision"]);

const isLiteral = (node: CheckNode): boolean =>
  node.k === "num" || node.k === "str" || (node.k === "array" && node.items.every(isLiteral));

type ColumnTypes = (column: string) => TypeName | undefined;

/**
 * Removes what PostgreSQL adds when it stores a check: casts of literals (`''::text`, `0::numeric`,
 * `'-1'::integer` → -1) and implicit casts of columns (`b::text` for a varchar `b`); folds `-1`.
 */
function simplify(node: CheckNode, types: ColumnTypes): CheckNode {
  const s = (n: CheckNode) => simplify(n, types);
  switch (node.k) {
    case "cast": {
      const arg = s(node.arg);
      const base = node.type.replace(/\(.*$/, "");
      if (isLiteral(arg)) {
        if (arg.k === "str" && NUMERIC_TYPES.has(base) && /^-?\d+(\.\d+)?$/.test(arg.value.trim())) return { k: "num", text: arg.value.trim() };
        return arg;
      }
      if (arg.k === "id" && arg.parts.length === 1 && IMPLICIT_CASTS[types(arg.parts[0]!) ?? "text"]?.includes(node.type)) return arg;
      return { ...node, arg };
    }
    case "unary": {
      const arg = s(node.arg);
      if (node.op === "-" && arg.k === "num" && !arg.text.startsWith("-")) return { k: "num", text: `-${arg.text}` };
      if (node.op === "+" && arg.k === "num") return arg;
      return { ...node, arg };
    }
    case "bin":
      return { ...node, left: s(node.left), right: s(node.right) };
    case "quant":
      return { ...node, left: s(node.left), right: s(node.right) };
    case "is":
      return { ...node, arg: s(node.arg) };
    case "call":
      return { ...node, args: node.args.map(s) };
    case "array":
      return { ...node, items: node.items.map(s) };
    case "case":
      return {
        k: "case",
        ...(node.subject ? { subject: s(node.subject) } : {}),
        whens: node.whens.map(([w, t]) => [s(w), s(t)] as const),
        ...(node.otherwise ? { otherwise: s(node.otherwise) } : {}),
      };
    default:
      return node;
  }
}

/** Collapses whitespace outside quotes and strips parentheses around the whole expression. */
function fallback(sql: string): string {
  let out = "";
  let quote: string | undefined;
  for (const ch of sql.trim()) {
    if (quote) {
      out += ch;
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (/\s/.test(ch)) {
      if (!out.endsWith(" ")) out += " ";
    } else out += ch;
  }
  for (;;) {
    if (!out.startsWith("(") || !out.endsWith(")")) return out;
    let depth = 0;
    for (let i = 0; i < out.length - 1; i++) {
      if (out[i] === "(") depth++;
      else if (out[i] === ")") depth--;
      if (depth === 0) return out; // the first parenthesis closes before the end: not a wrapper
    }
    out = out.slice(1, -1).trim();
  }
}

/**
 * A check expression in one canonical form, so that what the user wrote (`popularity >= 0`) and
 * what PostgreSQL reports (`(popularity >= 0)`, `b::text <> ''::text`, `a = ANY (ARRAY[1, 2])`)
 * compare equal. Both sides are parsed and printed back with minimal parentheses, keywords in
 * upper case, names quoted only where needed, LIKE / IN / BETWEEN in the form PostgreSQL stores,
 * and the casts PostgreSQL adds removed. `columnType` tells which casts of a column are implicit.
 *
 * Limits: an expression outside the parsed subset (subqueries, SIMILAR TO, COLLATE, comments,
 * unusual escapes) is only whitespace-normalised, so it may not match PostgreSQL's text; casts of
 * literals are dropped, so two checks that differ only in such a cast compare equal.
 *
 * @example
 * ```ts
 * normalisePostgresCheck("(((c)::text <> ''::text))", () => "varchar"); // "c <> ''"
 * ```
 */
export function normalisePostgresCheck(sql: string, columnType: ColumnTypes = () => undefined): string {
  try {
    return printCheck(simplify(parseCheck(sql), columnType));
  } catch {
    return fallback(sql);
  }
}
