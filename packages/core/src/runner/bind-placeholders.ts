import { MigError } from "../errors/mig-error";

/**
 * Replaces each `{}` in `sql` with the dialect's placeholder for the next parameter
 * (`?` or `$1`, `$2`, ...). `{}` inside quoted strings and quoted identifiers ('…', "…", `…`) is
 * left alone, so `'{}'::jsonb` stays a literal. Values are never spliced into the SQL.
 *
 * Throws `MIG_E_USAGE` when the number of `{}` differs from the number of parameters.
 *
 * @example
 * ```ts
 * bindPlaceholders("UPDATE band SET popularity = {} WHERE name = {}", 2, (i) => `$${i}`);
 * // "UPDATE band SET popularity = $1 WHERE name = $2"
 * ```
 */
export function bindPlaceholders(sql: string, paramCount: number, placeholder: (index: number) => string): string {
  let out = "";
  let quote: string | undefined;
  let count = 0;
  for (let i = 0; i < sql.length; i++) {
    const char = sql[i] as string;
    if (quote) {
      out += char;
      // A doubled quote inside a quoted string is an escaped quote: it toggles twice.
      if (char === quote) quote = undefined;
      continue;
    }
    if (char === "'" || char === '"' || char === "`") {
      quote = char;
      out += char;
      continue;
    }
    if (char === "{" && sql[i + 1] === "}") {
      count++;
      out += placeholder(count);
      i++;
      continue;
    }
    out += char;
  }
  if (count !== paramCount) {
    throw new MigError("MIG_E_USAGE", `db.raw() got ${paramCount} parameter(s) for ${count} {} placeholder(s)`, {
      hint: "Pass exactly one value per {} in the SQL.",
      meta: { placeholders: count, params: paramCount },
    });
  }
  return out;
}
