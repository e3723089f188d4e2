import type { TableSchema } from "../snapshot/entities";
import { type Snapshot, compareStrings } from "../snapshot/snapshot";
import { NO_RENAMES, type RenameDecisions, type TableRename } from "./rename-decisions";
import { matchSchemas } from "./schema-match";

/** A dropped and an added table that could be one table renamed. */
export interface TableRenameCandidate {
  readonly kind: "table";
  readonly from: string;
  readonly to: string;
  /** `Did you rename table band to group? (y/N)` */
  readonly question: string;
  /** Both tables have the same export name (`className`): a rename, decided without asking. */
  readonly automatic: boolean;
}

/** A dropped and an added column of one table that could be one column renamed. */
export interface ColumnRenameCandidate {
  readonly kind: "column";
  /** The table's new name (after table renames). */
  readonly table: string;
  readonly from: string;
  readonly to: string;
  /** `Did you rename column band.title to band.name? (y/N)` */
  readonly question: string;
}

export type RenameCandidate = TableRenameCandidate | ColumnRenameCandidate;

/**
 * Every dropped × added table pair that could be a rename, in a deterministic order (by old
 * name, then new name). A pair is a candidate when the tables share at least one column name
 * outside the primary key, or when both are only their key and the keys have the same columns
 * (Band → Performer with nothing but `id`); a pair with the same `className` is a rename decided without asking
 * (`automatic`), and the other pairs involving either of its tables are left out.
 *
 * @example
 * ```ts
 * findTableRenameCandidates(before, after);
 * // [{ kind: "table", from: "band", to: "group", automatic: false,
 * //    question: "Did you rename table band to group? (y/N)" }]
 * ```
 */
export function findTableRenameCandidates(from: Snapshot, to: Snapshot): readonly TableRenameCandidate[] {
  const dropped = from.tables().filter((schema) => !to.table(schema.table.name));
  if (dropped.length === 0) return [];
  const added = to.tables().filter((schema) => !from.table(schema.table.name));
  if (added.length === 0) return [];

  const automatic = automaticRenames(dropped, added);
  const taken = new Set(automatic.flatMap((rename) => [`from:${rename.from}`, `to:${rename.to}`]));
  const addedByColumn = new Map<string, string[]>();
  for (const schema of added) {
    if (taken.has(`to:${schema.table.name}`)) continue;
    for (const name of nonKeyColumns(schema)) {
      const list = addedByColumn.get(name) ?? [];
      list.push(schema.table.name);
      addedByColumn.set(name, list);
    }
  }
  const candidates: TableRenameCandidate[] = automatic.map((rename) => tableCandidate(rename.from, rename.to, true));
  for (const schema of dropped) {
    const name = schema.table.name;
    if (taken.has(`from:${name}`)) continue;
    const targets = new Set<string>();
    for (const column of nonKeyColumns(schema)) for (const target of addedByColumn.get(column) ?? []) targets.add(target);
    if (nonKeyColumns(schema).length === 0) {
      for (const other of added) if (!taken.has(`to:${other.table.name}`) && sameKeyOnly(schema, other)) targets.add(other.table.name);
    }
    for (const target of targets) candidates.push(tableCandidate(name, target, false));
  }
  return candidates.sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to));
}

/**
 * Every dropped × added column pair of each table present on both sides (after the table
 * renames in `tableDecisions`, a list or the `tables` of `RenameDecisions`), ordered by table,
 * then old name, then new name.
 *
 * @example
 * ```ts
 * findColumnRenameCandidates(before, after, [{ from: "band", to: "group" }]);
 * // [{ kind: "column", table: "group", from: "title", to: "name",
 * //    question: "Did you rename column group.title to group.name? (y/N)" }]
 * ```
 */
export function findColumnRenameCandidates(from: Snapshot, to: Snapshot, tableDecisions: readonly TableRename[] | RenameDecisions = []): readonly ColumnRenameCandidate[] {
  const tables = "tables" in tableDecisions ? tableDecisions.tables : tableDecisions;
  const match = matchSchemas(from, to, { tables, columns: NO_RENAMES.columns });
  const candidates: ColumnRenameCandidate[] = [];
  for (const pair of match.pairs) {
    const table = pair.to.table.name;
    const dropped = pair.dropped.map((column) => column.name).sort(compareStrings);
    const added = pair.added.map(({ column }) => column.name).sort(compareStrings);
    for (const old of dropped) {
      for (const name of added) {
        candidates.push({ kind: "column", table, from: old, to: name, question: `Did you rename column ${table}.${old} to ${table}.${name}? (y/N)` });
      }
    }
  }
  return candidates;
}

function tableCandidate(from: string, to: string, automatic: boolean): TableRenameCandidate {
  return { kind: "table", from, to, question: `Did you rename table ${from} to ${to}? (y/N)`, automatic };
}

function nonKeyColumns(schema: TableSchema): string[] {
  const key = new Set(schema.table.primaryKey);
  return schema.columns.map((column) => column.name).filter((name) => !key.has(name));
}

/** Both tables are nothing but their primary key, and the keys have the same column names. */
function sameKeyOnly(a: TableSchema, b: TableSchema): boolean {
  return nonKeyColumns(b).length === 0 && a.table.primaryKey.join("\u0000") === b.table.primaryKey.join("\u0000");
}

/** Pairs whose export name is the same on both sides, when that name is unambiguous on each side. */
function automaticRenames(dropped: readonly TableSchema[], added: readonly TableSchema[]): TableRename[] {
  const byClass = (list: readonly TableSchema[]) => {
    const map = new Map<string, string | null>();
    for (const { table } of list) {
      if (table.className === undefined) continue;
      map.set(table.className, map.has(table.className) ? null : table.name);
    }
    return map;
  };
  const addedByClass = byClass(added);
  const renames: TableRename[] = [];
  for (const [className, old] of byClass(dropped)) {
    const name = addedByClass.get(className);
    if (old !== null && name !== undefined && name !== null) renames.push({ from: old, to: name });
  }
  return renames;
}
