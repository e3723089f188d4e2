import { type Operation, tableOf } from "../operations/operation";
import type { Snapshot } from "../snapshot/snapshot";

/** Where one operation of a plan works: the existing table (by its name before the plan) and its columns. */
export interface OperationPlace {
  /** The table's name before the plan; `undefined` for a table the plan creates, or no table. */
  readonly table: string | undefined;
  /** A column name valid when the operation runs → the column's name before the plan's renames. */
  column(name: string): string;
}

const NOWHERE: OperationPlace = { table: undefined, column: (name) => name };

/**
 * Follows table and column renames through a plan, so that each operation can be traced back to
 * the table of the starting snapshot it changes. Call `place` for each operation, in plan order.
 */
export class TableNameTracker {
  readonly #from: Snapshot;
  /** Current table name → name before the plan (`undefined`: created by the plan, or gone). */
  readonly #origins = new Map<string, string | undefined>();
  /** Per original table: current column name → name before the plan. */
  readonly #columns = new Map<string, Map<string, string>>();

  constructor(from: Snapshot) {
    this.#from = from;
  }

  place(operation: Operation): OperationPlace {
    switch (operation.kind) {
      case "rename_table":
        this.#origins.set(operation.to, this.#origin(operation.from));
        this.#origins.set(operation.from, undefined);
        return NOWHERE;
      case "create_table":
      case "drop_table":
        this.#origins.set(operation.schema.table.name, undefined);
        return NOWHERE;
      case "rename_column": {
        const origin = this.#origin(operation.table);
        if (origin === undefined) return NOWHERE;
        const columns = this.#columns.get(origin) ?? new Map<string, string>();
        columns.set(operation.to, columns.get(operation.from) ?? operation.from);
        columns.delete(operation.from);
        this.#columns.set(origin, columns);
        return NOWHERE;
      }
      case "raw":
      case "rebuild_table":
        return NOWHERE;
      default: {
        const origin = this.#origin(tableOf(operation));
        if (origin === undefined) return NOWHERE;
        const renamed = new Map(this.#columns.get(origin) ?? []);
        return { table: origin, column: (name) => renamed.get(name) ?? name };
      }
    }
  }

  #origin(name: string): string | undefined {
    if (this.#origins.has(name)) return this.#origins.get(name);
    return this.#from.table(name) ? name : undefined;
  }
}
