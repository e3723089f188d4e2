import type { SchemaOperation } from "../operations/operation";

/** A change online mode is judged on (the table of write stalls), with the label reports use. */
export interface OnlineChange {
  readonly change: "index" | "foreign key" | "unique" | "not null" | "check";
  /** How a report names it: "add an index", "set a column NOT NULL"… */
  readonly title: string;
  readonly operation: SchemaOperation;
}

export interface OnlineChangesOptions {
  /** The referenced table of the foreign key (its key column is `id`). Default `parent`. */
  readonly parent?: string;
  /** The check's expression. Default `n >= 0`; a slower one makes the check's scan measurable. */
  readonly checkSql?: string;
}

const integer = (table: string, name: string, nullable: boolean) => ({ kind: "column", table, name, type: "integer", nullable, default: null }) as const;

/**
 * The changes of a write-load trial, on a hot table `table` of columns id (key), n and p
 * (integers, p referencing the parent's id) and m (a nullable integer, every row set): an index
 * on n, a foreign key from p, a unique m, m made NOT NULL, and a check on n, each its own
 * operation and named after `table`. Which of them a dialect can make online is its own
 * business; a trial picks by `change`.
 */
export function onlineChanges(table: string, options: OnlineChangesOptions = {}): OnlineChange[] {
  const t = table;
  return [
    { change: "index", title: "add an index", operation: { kind: "add_index", index: { kind: "index", table: t, name: `${t}_n_idx`, columns: ["n"], method: "btree" } } },
    {
      change: "foreign key",
      title: "add a foreign key (the table is the child)",
      operation: {
        kind: "add_foreign_key",
        foreignKey: { kind: "foreign_key", table: t, name: `${t}_p_fkey`, columns: ["p"], references: { table: options.parent ?? "parent", columns: ["id"] }, onDelete: "no action", onUpdate: "no action" },
      },
    },
    { change: "unique", title: "add a unique constraint", operation: { kind: "add_unique", unique: { kind: "unique", table: t, name: `${t}_m_key`, columns: ["m"] } } },
    { change: "not null", title: "set a column NOT NULL", operation: { kind: "alter_column", table: t, from: integer(t, "m", true), to: integer(t, "m", false) } },
    { change: "check", title: "add a check", operation: { kind: "add_check", check: { kind: "check", table: t, name: `${t}_n_check`, sql: options.checkSql ?? "n >= 0" } } },
  ];
}
