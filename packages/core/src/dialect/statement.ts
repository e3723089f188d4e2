/** One SQL statement with its parameters. Emitters produce these; connections run them. */
export interface Statement {
  readonly sql: string;
  readonly params?: readonly unknown[];
  /**
   * Runs outside the migration's transaction: `"before"` it begins, `"after"` it ends (also when
   * it fails). For settings a transaction ignores, such as SQLite's `PRAGMA foreign_keys`
   * (a no-op inside a transaction, foreignkeys.html#fk_enable). The runner runs each distinct
   * statement once per migration, in plan order. Default: inside, in plan order.
   */
  readonly outsideTransaction?: "before" | "after";
}
