import { MigError, type MigProblem } from "../errors/mig-error";
import { type Snapshot, compareStrings } from "../snapshot/snapshot";
import type { ExplicitRenames } from "./explicit-renames";
import { type RenameCandidate, findColumnRenameCandidates, findTableRenameCandidates } from "./rename-candidates";
import type { ColumnRename, RenameDecisions, TableRename } from "./rename-decisions";
import type { RenameResolver } from "./rename-resolver";

const NONE: ExplicitRenames = { tables: [], columns: [] };

/**
 * Decides every rename question between two snapshots: tables first, then the columns of the
 * tables present on both sides (which depend on the table decisions). Explicit renames win,
 * then renames decided without asking (same export name), then `resolver` answers the rest in
 * candidate order. A candidate whose old or new name is already taken by an accepted rename is
 * not asked.
 *
 * Fails closed: when the resolver leaves questions unanswered, throws `MIG_E_NEEDS_INPUT`
 * listing every open question (`problems`, and `meta.questions` as strings). Explicit renames
 * that name no possible rename throw `MIG_E_USAGE`.
 *
 * @example
 * ```ts
 * const renames = await resolveRenames(before, after, autoInputResolver("n"), explicitRenames(["band=group"]));
 * const operations = diff(before, after, { renames });
 * ```
 */
export async function resolveRenames(from: Snapshot, to: Snapshot, resolver: RenameResolver, explicit: ExplicitRenames = NONE): Promise<RenameDecisions> {
  const open: RenameCandidate[] = [];

  // Tables.
  const tableCandidates = findTableRenameCandidates(from, to);
  const tableProblems = explicit.tables
    .filter((rename) => !from.table(rename.from) || to.table(rename.from) || !to.table(rename.to) || from.table(rename.to))
    .map((rename): MigProblem => ({ message: `--rename ${rename.from}=${rename.to}: no table ${rename.from} was dropped and ${rename.to} added`, table: rename.to }));
  if (tableProblems.length > 0) throw usage(tableProblems);
  const tables = new Decided<TableRename>();
  for (const rename of explicit.tables) tables.accept(rename.from, rename.to, rename);
  for (const candidate of tableCandidates) {
    if (candidate.automatic && tables.free(candidate.from, candidate.to)) tables.accept(candidate.from, candidate.to, { from: candidate.from, to: candidate.to });
  }
  for (const candidate of tableCandidates) {
    if (!tables.free(candidate.from, candidate.to)) continue;
    const answer = await resolver.decide(candidate);
    if (answer === true) tables.accept(candidate.from, candidate.to, { from: candidate.from, to: candidate.to });
    else if (answer === undefined) open.push(candidate);
  }

  // Columns of the tables on both sides, after the table renames.
  const tableRenames = tables.list().sort((a, b) => compareStrings(a.from, b.from));
  const columnCandidates = findColumnRenameCandidates(from, to, tableRenames);
  const known = new Set(columnCandidates.map((c) => `${c.table}\0${c.from}\0${c.to}`));
  const oldNames = new Map(tableRenames.map((rename) => [rename.to, rename.from]));
  const columnProblems: MigProblem[] = [];
  const columns = new Decided<ColumnRename>();
  for (const rename of explicit.columns) {
    const tableOk = rename.fromTable === rename.table || oldNames.get(rename.table) === rename.fromTable;
    if (!tableOk || !known.has(`${rename.table}\0${rename.from}\0${rename.to}`)) {
      columnProblems.push({
        message: `--rename ${rename.fromTable}.${rename.from}=${rename.table}.${rename.to}: no column ${rename.from} was dropped and ${rename.to} added in table ${rename.table}`,
        table: rename.table,
        column: rename.to,
      });
      continue;
    }
    columns.accept(`${rename.table}.${rename.from}`, `${rename.table}.${rename.to}`, { table: rename.table, from: rename.from, to: rename.to });
  }
  // An unanswered table question can explain an unknown column: ask for the answers first.
  if (columnProblems.length > 0 && open.length === 0) throw usage(columnProblems);
  for (const candidate of columnCandidates) {
    const fromKey = `${candidate.table}.${candidate.from}`;
    const toKey = `${candidate.table}.${candidate.to}`;
    if (!columns.free(fromKey, toKey)) continue;
    const answer = await resolver.decide(candidate);
    if (answer === true) columns.accept(fromKey, toKey, { table: candidate.table, from: candidate.from, to: candidate.to });
    else if (answer === undefined) open.push(candidate);
  }

  if (open.length > 0) {
    throw new MigError("MIG_E_NEEDS_INPUT", `${open.length} rename question${open.length > 1 ? "s need" : " needs"} an answer`, {
      problems: open.map((candidate) =>
        candidate.kind === "table" ? { message: candidate.question, table: candidate.to } : { message: candidate.question, table: candidate.table, column: candidate.to },
      ),
      meta: { questions: open.map((candidate) => candidate.question), candidates: open },
      hint: "Answer on a terminal, or pass --rename OLD=NEW for each rename and --auto-input n for the rest",
    });
  }
  return {
    tables: tableRenames,
    columns: columns.list().sort((a, b) => compareStrings(a.table, b.table) || compareStrings(a.from, b.from)),
  };
}

/** Accepted renames, with the old and new names they have taken. */
class Decided<T> {
  readonly #from = new Set<string>();
  readonly #to = new Set<string>();
  readonly #list: T[] = [];

  free(from: string, to: string): boolean {
    return !this.#from.has(from) && !this.#to.has(to);
  }

  accept(from: string, to: string, value: T): void {
    this.#from.add(from);
    this.#to.add(to);
    this.#list.push(value);
  }

  list(): T[] {
    return [...this.#list];
  }
}

function usage(problems: readonly MigProblem[]): MigError {
  return new MigError("MIG_E_USAGE", `--rename names ${problems.length > 1 ? "renames that are" : "a rename that is"} not possible`, {
    problems,
    hint: "A rename needs a dropped and an added table (or a dropped and an added column of one table)",
  });
}
