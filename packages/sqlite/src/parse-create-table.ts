import type { MigrationForeignKey } from "@mig/core";
import { FOREIGN_KEY_ACTIONS, type ForeignKeyAction } from "@mig/core/dialect";
import type { DefaultClause } from "./sqlite-defaults";
import { type Token, isKeyword, isName, tokenize } from "./sql-tokenizer";

/** A constraint found in CREATE TABLE, table-level or on a column (then `columns` is that column). */
export type ParsedConstraint =
  | { readonly kind: "primary_key"; readonly name?: string; readonly columns: readonly string[] }
  | { readonly kind: "unique"; readonly name?: string; readonly columns: readonly string[] }
  | { readonly kind: "check"; readonly name?: string; readonly sql: string }
  // A foreign key clause is a migration file's foreign key whose name may be left out (and whose target columns, too: then the key).
  | ({ readonly kind: "foreign_key"; readonly name?: string } & Omit<MigrationForeignKey, "name">);

export interface ParsedColumn {
  readonly name: string;
  /** The column's own unnamed CHECK expressions (also listed in `constraints`), when it has any. */
  readonly checks?: readonly string[];
  readonly default?: DefaultClause;
  readonly autoIncrement: boolean;
}

export interface ParsedTable {
  readonly columns: readonly ParsedColumn[];
  /** Table-level and column-level constraints, in the order they are written. */
  readonly constraints: readonly ParsedConstraint[];
}

const COLUMN_CONSTRAINT_START = new Set(["CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK", "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS"]);
const TABLE_CONSTRAINT_START = new Set(["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"]);

/**
 * Reads what `PRAGMA table_xinfo` does not tell from the CREATE TABLE text SQLite stores in
 * `sqlite_master.sql`: constraint names, CHECK
 * expressions (verbatim), DEFAULT clauses (verbatim: the pragma drops the parentheses of an
 * expression) and AUTOINCREMENT.
 *
 * @example
 * ```ts
 * parseCreateTable(`CREATE TABLE "t" ("a" INTEGER, CONSTRAINT "a>0" CHECK (a > 0))`).constraints;
 * // [{ kind: "check", name: "a>0", sql: "a > 0" }]
 * ```
 */
export function parseCreateTable(sql: string): ParsedTable {
  const tokens = tokenize(sql);
  const open = tokens.findIndex((t) => t.kind === "punct" && t.value === "(");
  const columns: ParsedColumn[] = [];
  const constraints: ParsedConstraint[] = [];
  if (open === -1) return { columns, constraints };
  for (const definition of splitTopLevel(tokens, open + 1)) {
    const first = definition[0];
    if (!first) continue;
    if (first.kind === "word" && TABLE_CONSTRAINT_START.has(first.value.toUpperCase())) {
      constraints.push(...parseConstraints(sql, definition, []));
      continue;
    }
    const name = first.value;
    let i = 1;
    while (i < definition.length && !(definition[i]?.kind === "word" && COLUMN_CONSTRAINT_START.has((definition[i] as Token).value.toUpperCase()))) {
      i = skip(definition, i);
    }
    const rest = definition.slice(i);
    const defaultClause = parseDefault(sql, rest);
    const own = parseConstraints(sql, rest, [name]);
    const checks = own.flatMap((c) => (c.kind === "check" && c.name === undefined ? [c.sql] : []));
    columns.push({
      name,
      ...(checks.length > 0 ? { checks } : {}),
      ...(defaultClause ? { default: defaultClause } : {}),
      autoIncrement: rest.some((t) => isKeyword(t, "AUTOINCREMENT")),
    });
    constraints.push(...own);
  }
  return { columns, constraints };
}

/** The comma-separated definitions between the parentheses that start at `from`. */
function splitTopLevel(tokens: readonly Token[], from: number): Token[][] {
  const parts: Token[][] = [[]];
  let depth = 0;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === "punct" && t.value === "(") depth++;
    if (t.kind === "punct" && t.value === ")") {
      if (depth === 0) break;
      depth--;
    }
    if (depth === 0 && t.kind === "punct" && t.value === ",") parts.push([]);
    else parts[parts.length - 1]?.push(t);
  }
  return parts;
}

/** The index after the token at `i`, or after the whole parenthesised group it opens. */
function skip(tokens: readonly Token[], i: number): number {
  return tokens[i]?.kind === "punct" && tokens[i]?.value === "(" ? closing(tokens, i) + 1 : i + 1;
}

/** The index of the `)` matching the `(` at `open` (or the last index). */
function closing(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === "punct" && t.value === "(") depth++;
    if (t.kind === "punct" && t.value === ")" && --depth === 0) return i;
  }
  return tokens.length - 1;
}

/** The source text strictly between the parentheses at `open`. */
function inner(sql: string, tokens: readonly Token[], open: number): string {
  const close = closing(tokens, open);
  return sql.slice((tokens[open] as Token).end, (tokens[close] as Token).start);
}

/** Column names of `( a COLLATE x DESC, "b" )`: the first token of each item. */
function nameList(tokens: readonly Token[], open: number): string[] {
  if (tokens[open]?.value !== "(") return [];
  return splitTopLevel(tokens, open + 1).flatMap((item) => (item[0] && isName(item[0]) ? [item[0].value] : []));
}

function parseDefault(sql: string, tokens: readonly Token[]): DefaultClause | undefined {
  const at = tokens.findIndex((t) => isKeyword(t, "DEFAULT"));
  if (at === -1) return undefined;
  const next = tokens[at + 1];
  if (!next) return undefined;
  if (next.kind === "punct" && next.value === "(") return { parenthesised: true, text: inner(sql, tokens, at + 1) };
  // A signed number is two tokens: the sign and the number.
  const sign = next.kind === "punct" && (next.value === "-" || next.value === "+");
  const last = sign ? tokens[at + 2] ?? next : next;
  return { parenthesised: false, text: sql.slice(next.start, last.end) };
}

/** Every constraint in `tokens` (a table constraint, or the constraints of column `column`). */
function parseConstraints(sql: string, tokens: readonly Token[], column: readonly string[]): ParsedConstraint[] {
  const found: ParsedConstraint[] = [];
  let name: string | undefined;
  let i = 0;
  const named = () => (name === undefined ? {} : { name });
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    const word = t.kind === "word" ? t.value.toUpperCase() : "";
    if (word === "CONSTRAINT" && isName(tokens[i + 1])) {
      name = (tokens[i + 1] as Token).value;
      i += 2;
      continue;
    }
    if (word === "PRIMARY" || word === "UNIQUE") {
      const open = word === "PRIMARY" ? i + 2 : i + 1;
      const columns = column.length > 0 ? column : nameList(tokens, open);
      found.push(word === "PRIMARY" ? { kind: "primary_key", ...named(), columns } : { kind: "unique", ...named(), columns });
      name = undefined;
      i = column.length > 0 ? open : skip(tokens, open);
      continue;
    }
    if (word === "CHECK" && tokens[i + 1]?.value === "(") {
      found.push({ kind: "check", ...named(), sql: inner(sql, tokens, i + 1) });
      name = undefined;
      i = skip(tokens, i + 1);
      continue;
    }
    if (word === "FOREIGN" || word === "REFERENCES") {
      const columns = word === "FOREIGN" ? nameList(tokens, i + 2) : column;
      let at = word === "FOREIGN" ? skip(tokens, i + 2) : i;
      if (!isKeyword(tokens[at], "REFERENCES") || !isName(tokens[at + 1])) {
        i = at + 1;
        continue;
      }
      const table = (tokens[at + 1] as Token).value;
      at += 2;
      const targetColumns = nameList(tokens, at);
      if (targetColumns.length > 0) at = skip(tokens, at);
      const actions: { onDelete?: ForeignKeyAction; onUpdate?: ForeignKeyAction } = {};
      while (isKeyword(tokens[at], "ON") || isKeyword(tokens[at], "MATCH")) {
        if (isKeyword(tokens[at], "MATCH")) {
          at += 2;
          continue;
        }
        const event = tokens[at + 1]?.value.toUpperCase();
        const action = readAction(tokens, at + 2);
        if (event === "DELETE" && action.words) actions.onDelete = action.words;
        if (event === "UPDATE" && action.words) actions.onUpdate = action.words;
        at = action.next;
      }
      found.push({ kind: "foreign_key", ...named(), columns, references: { table, columns: targetColumns }, ...actions });
      name = undefined;
      i = at;
      continue;
    }
    if (word === "DEFAULT" || word === "AS" || word === "COLLATE") {
      // Skip the operand so that a word inside it is not taken for a constraint keyword.
      i = skip(tokens, i + 1);
      continue;
    }
    i = skip(tokens, i);
  }
  return found;
}

/** `SET NULL`, `SET DEFAULT`, `CASCADE`, `RESTRICT`, `NO ACTION` as a foreign key action (undefined for another word). */
function readAction(tokens: readonly Token[], at: number): { words: ForeignKeyAction | undefined; next: number } {
  const first = tokens[at]?.value.toUpperCase() ?? "";
  const two = first === "SET" || first === "NO";
  const words = (two ? `${first} ${tokens[at + 1]?.value.toUpperCase() ?? ""}` : first).toLowerCase();
  return { words: FOREIGN_KEY_ACTIONS.find((action) => action === words), next: at + (two ? 2 : 1) };
}
