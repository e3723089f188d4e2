import { MigError, type MigProblem } from "../errors/mig-error";

/** One `--rename band=group`. */
export interface ExplicitTableRename {
  readonly from: string;
  readonly to: string;
}

/**
 * One `--rename band.title=band.name`. `fromTable` is the table as written left of `=` (its old
 * or new name); `table` is the one right of `=`, the table's new name.
 */
export interface ExplicitColumnRename {
  readonly fromTable: string;
  readonly table: string;
  readonly from: string;
  readonly to: string;
}

/** Renames given on the command line; they take precedence over every other answer. */
export interface ExplicitRenames {
  readonly tables: readonly ExplicitTableRename[];
  readonly columns: readonly ExplicitColumnRename[];
}

/**
 * Parses `OLD=NEW` rename arguments: `band=group` (table) or `band.title=band.name` (column).
 * Throws `MIG_E_USAGE` listing every malformed or conflicting argument. Whether each one names
 * a real candidate is checked by `resolveRenames`.
 *
 * @example
 * ```ts
 * explicitRenames(["band=group", "group.title=group.name"]);
 * ```
 */
export function explicitRenames(args: readonly string[]): ExplicitRenames {
  const problems: MigProblem[] = [];
  const tables: ExplicitTableRename[] = [];
  const columns: ExplicitColumnRename[] = [];
  const seen = new Set<string>();
  const once = (key: string, arg: string) => {
    if (seen.has(key)) problems.push({ message: `--rename ${arg}: renames the same thing twice` });
    seen.add(key);
  };
  for (const arg of args) {
    const sides = arg.split("=");
    const left = sides[0]?.split(".") ?? [];
    const right = sides[1]?.split(".") ?? [];
    const malformed = sides.length !== 2 || left.length !== right.length || left.length > 2 || [...left, ...right].some((part) => part.trim() === "");
    if (malformed) {
      problems.push({ message: `--rename ${arg}: expected OLD=NEW, as in band=group or band.title=band.name` });
      continue;
    }
    if (left.length === 1) {
      const [from = "", to = ""] = [left[0], right[0]];
      if (from === to) problems.push({ message: `--rename ${arg}: old and new names are the same`, table: from });
      once(`table-from:${from}`, arg);
      once(`table-to:${to}`, arg);
      tables.push({ from, to });
    } else {
      const [fromTable = "", from = ""] = left;
      const [table = "", to = ""] = right;
      if (from === to) problems.push({ message: `--rename ${arg}: old and new names are the same`, table, column: from });
      once(`column-from:${table}.${from}`, arg);
      once(`column-to:${table}.${to}`, arg);
      columns.push({ fromTable, table, from, to });
    }
  }
  if (problems.length > 0) {
    throw new MigError("MIG_E_USAGE", `Invalid --rename argument${problems.length > 1 ? "s" : ""}`, {
      problems,
      hint: "Write --rename OLD=NEW, e.g. --rename band=group or --rename band.title=band.name",
    });
  }
  return { tables, columns };
}
