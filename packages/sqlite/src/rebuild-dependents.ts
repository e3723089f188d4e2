import { tokenize } from "./sql-tokenizer";

/** A view or trigger as `sqlite_master` lists it. */
export interface SchemaObject {
  readonly type: "view" | "trigger";
  readonly name: string;
  /** The table (or view) a trigger is on; a view's own name. */
  readonly tbl_name: string;
  readonly sql: string;
}

/**
 * The views and triggers a rebuild of `table` must drop and re-create, in `objects` order
 * (creation order, for re-creating them): triggers on the table, and every view or trigger whose
 * SQL names the table or such a view. After the old table is dropped, RENAME re-checks every view
 * and trigger of the schema and fails on one that names a missing table
 *; DROP TABLE takes the table's own triggers with it.
 * A name is matched as a whole identifier, case-insensitively: an extra match only costs a
 * harmless drop and re-create.
 *
 * @example
 * ```ts
 * dependentsOf("band", [{ type: "view", name: "v", tbl_name: "v", sql: "CREATE VIEW v AS SELECT * FROM band" }]);
 * // [the view]
 * ```
 */
export function dependentsOf(table: string, objects: readonly SchemaObject[]): SchemaObject[] {
  const names = new Set([table.toLowerCase()]);
  const found = new Set<SchemaObject>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const object of objects) {
      if (found.has(object)) continue;
      const on = object.type === "trigger" && names.has(object.tbl_name.toLowerCase());
      if (!on && !mentions(object.sql, names)) continue;
      found.add(object);
      grew = true;
      if (object.type === "view") names.add(object.name.toLowerCase());
    }
  }
  return objects.filter((object) => found.has(object));
}

function mentions(sql: string, names: ReadonlySet<string>): boolean {
  return tokenize(sql).some((token) => (token.kind === "word" || token.kind === "quoted" || token.kind === "string") && names.has(token.value.toLowerCase()));
}
