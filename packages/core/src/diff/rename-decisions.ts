/** A table rename the user accepted: `from` is the old name, `to` the new one. */
export interface TableRename {
  readonly from: string;
  readonly to: string;
}

/** A column rename the user accepted. `table` is the table's new name (after table renames). */
export interface ColumnRename {
  readonly table: string;
  readonly from: string;
  readonly to: string;
}

/**
 * The answers to every rename question, as plain data: what `resolveRenames` returns and what
 * `diff` takes. Sorted (tables by `from`; columns by table, then `from`) so equal decisions
 * are deep-equal.
 */
export interface RenameDecisions {
  readonly tables: readonly TableRename[];
  readonly columns: readonly ColumnRename[];
}

export const NO_RENAMES: RenameDecisions = Object.freeze({ tables: Object.freeze([]), columns: Object.freeze([]) });
