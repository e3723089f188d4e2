import type { MigProblem } from "../errors/mig-error";
import type { ColumnEntity, TableSchema } from "../snapshot/entities";
import type { Snapshot } from "../snapshot/snapshot";
import type { RenameDecisions } from "./rename-decisions";

/** A column present on both sides; `position` is its index in the new table. */
export interface ColumnPair {
  readonly from: ColumnEntity;
  readonly to: ColumnEntity;
  readonly position: number;
}

/** A table present on both sides (same name, or renamed by a decision), with its columns matched. */
export interface TablePair {
  readonly from: TableSchema;
  readonly to: TableSchema;
  readonly columns: readonly ColumnPair[];
  /** New columns with their index in the new table. */
  readonly added: readonly { readonly column: ColumnEntity; readonly position: number }[];
  /** Old columns with no counterpart, in the old table's order. */
  readonly dropped: readonly ColumnEntity[];
  /** Old column name → new column name, for every matched column. */
  readonly columnNames: ColumnNames;
}

/** Old column name → new column name (`undefined`: the column was dropped). */
export interface ColumnNames {
  get(oldName: string): string | undefined;
}

/** The common case, no column renamed or dropped: every name stays. */
export const SAME_NAMES: ColumnNames = { get: (name) => name };

const NO_COLUMNS: readonly never[] = Object.freeze([]);

/**
 * A table whose columns have the same names in the same order on both sides (most tables of a
 * diff): the column pairs are only made if asked for; the diff walks both column lists itself.
 */
class SameColumnsPair implements TablePair {
  readonly added = NO_COLUMNS;
  readonly dropped = NO_COLUMNS;
  readonly columnNames = SAME_NAMES;
  #columns: readonly ColumnPair[] | undefined;

  constructor(
    readonly from: TableSchema,
    readonly to: TableSchema,
  ) {}

  get columns(): readonly ColumnPair[] {
    this.#columns ??= this.to.columns.map((column, position) => ({ from: this.from.columns[position] as ColumnEntity, to: column, position }));
    return this.#columns;
  }
}

/** How two snapshots line up once rename decisions are applied. Internal to the diff. */
export interface SchemaMatch {
  /** Sorted by new table name. */
  readonly pairs: readonly TablePair[];
  /** Tables only in `to`, sorted by name. */
  readonly created: readonly TableSchema[];
  /** Tables only in `from`, sorted by name. */
  readonly dropped: readonly TableSchema[];
  /** Old table name → new table name, for every matched table. */
  readonly tableNames: ReadonlyMap<string, string>;
  /** Pairs by new table name. */
  readonly pairsByName: ReadonlyMap<string, TablePair>;
  /** Decisions that name something that is not there. */
  readonly problems: readonly MigProblem[];
  /** Whether any table or column is renamed: if not, every old name is its new name. */
  readonly renamed: boolean;
}

/** Lines up the tables and columns of two snapshots, following the rename decisions. */
export function matchSchemas(from: Snapshot, to: Snapshot, renames: RenameDecisions): SchemaMatch {
  const problems: MigProblem[] = [];
  const oldByNew = new Map<string, string>();
  for (const { from: old, to: name } of renames.tables) {
    if (!from.table(old) || to.table(old) || !to.table(name) || from.table(name) || oldByNew.has(name)) {
      problems.push({ message: `Table rename ${old} -> ${name} does not match the schemas`, table: name });
      continue;
    }
    oldByNew.set(name, old);
  }
  const columnRenames = new Map<string, Map<string, string>>();
  for (const rename of renames.columns) {
    const perTable = columnRenames.get(rename.table) ?? new Map<string, string>();
    perTable.set(rename.to, rename.from);
    columnRenames.set(rename.table, perTable);
  }

  const pairs: TablePair[] = [];
  const created: TableSchema[] = [];
  const tableNames = new Map<string, string>();
  for (const target of to.tables()) {
    const name = target.table.name;
    const oldName = oldByNew.get(name) ?? name;
    const source = from.table(oldName);
    if (!source) {
      created.push(target);
      continue;
    }
    tableNames.set(oldName, name);
    pairs.push(matchColumns(source, target, columnRenames.get(name), problems));
    columnRenames.delete(name);
  }
  for (const [table, perTable] of columnRenames) {
    for (const [newName, oldName] of perTable) {
      problems.push({ message: `Column rename ${table}.${oldName} -> ${table}.${newName}: no such table on both sides`, table, column: newName });
    }
  }
  const dropped = from.tables().filter((schema) => !tableNames.has(schema.table.name));
  const renamed = renames.tables.length > 0 || renames.columns.length > 0;
  return { pairs, created, dropped, tableNames, pairsByName: new Map(pairs.map((pair) => [pair.to.table.name, pair])), problems, renamed };
}

function matchColumns(source: TableSchema, target: TableSchema, renames: ReadonlyMap<string, string> | undefined, problems: MigProblem[]): TablePair {
  if (!renames && sameColumnNames(source, target)) return new SameColumnsPair(source, target);
  const table = target.table.name;
  const oldColumns = new Map(source.columns.map((column) => [column.name, column]));
  const newColumns = new Set(target.columns.map((column) => column.name));
  for (const [newName, oldName] of renames ?? []) {
    if (!oldColumns.has(oldName) || newColumns.has(oldName) || !newColumns.has(newName) || oldColumns.has(newName)) {
      problems.push({ message: `Column rename ${table}.${oldName} -> ${table}.${newName} does not match the schemas`, table, column: newName });
    }
  }
  const columns: ColumnPair[] = [];
  const added: { column: ColumnEntity; position: number }[] = [];
  const columnNames = new Map<string, string>();
  target.columns.forEach((column, position) => {
    const renamedFrom = renames?.get(column.name);
    const oldName = renamedFrom !== undefined && oldColumns.has(renamedFrom) && !newColumns.has(renamedFrom) ? renamedFrom : column.name;
    const old = oldColumns.get(oldName);
    if (!old || columnNames.has(oldName)) {
      added.push({ column, position });
      return;
    }
    columnNames.set(oldName, column.name);
    columns.push({ from: old, to: column, position });
  });
  const dropped = source.columns.filter((column) => !columnNames.has(column.name));
  return { from: source, to: target, columns, added, dropped, columnNames };
}

/** The common case: the same columns, in the same order, no renames. */
function sameColumnNames(source: TableSchema, target: TableSchema): boolean {
  if (source.columns.length !== target.columns.length) return false;
  for (let i = 0; i < source.columns.length; i++) if (source.columns[i]?.name !== target.columns[i]?.name) return false;
  return true;
}
