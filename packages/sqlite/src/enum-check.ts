import { type ColumnEntity, type EmitterHooks, standardQuoteLiteral } from "@mig/core/dialect";
import { isKeyword, isName, tokenize } from "./sql-tokenizer";

/**
 * How SQLite keeps an enum (`capabilities.enums: "check"`): a TEXT column with the column
 * constraint `CHECK ("column" IN ('label', ...))`. SQLite enforces it on every write
 * and rewrites it when the column is renamed.
 */
export function enumCheck(hooks: Pick<EmitterHooks, "quoteIdentifier">, column: Pick<ColumnEntity, "name" | "values">): string {
  return `CHECK (${hooks.quoteIdentifier(column.name)} IN (${(column.values ?? []).map((v) => standardQuoteLiteral(v)).join(", ")}))`;
}

/**
 * The labels of a column CHECK of that form, `"column" IN ('a', 'b')` (on `column`, nothing
 * else), or undefined when the check says anything else.
 */
export function enumLabels(check: string, column: string): string[] | undefined {
  const tokens = tokenize(check);
  const [name, keyword, open] = tokens;
  if (!name || !isName(name) || name.value !== column || !isKeyword(keyword, "IN") || open?.value !== "(") return undefined;
  const labels: string[] = [];
  for (let i = 3; i < tokens.length; i += 2) {
    const label = tokens[i];
    const next = tokens[i + 1];
    if (label?.kind !== "string") return undefined;
    labels.push(label.value);
    if (next?.value === ")") return i + 2 === tokens.length && labels.length > 0 && new Set(labels).size === labels.length ? labels : undefined;
    if (next?.value !== ",") return undefined;
  }
  return undefined;
}
