import { isMigError } from "../errors/mig-error";
import { type RebuildTableOperation, type SchemaOperation, takesConsent } from "../operations/operation";
import type { JsonValue } from "../snapshot/types";
import { Snapshot, compareStrings, entitiesOf } from "../snapshot/snapshot";
import { diff } from "./diff";
import type { ColumnRename } from "./rename-decisions";

/**
 * The logical changes a `rebuild_table` stands for, each with the user's consent to a rebuild
 * (`allowRebuild: true`): how a migration file written before files held logical operations only
 * is read. A dialect that can ALTER runs the changes; one that cannot rebuilds the table again.
 *
 * The changes are the diff of the table before and after, with the column map's renames and
 * backfill values. `undefined` when the diff cannot express the rebuild (a hand-written one that
 * renames the table or changes its primary key): the rebuild then stays as it is.
 *
 * @example
 * ```ts
 * rebuildAsChanges({ kind: "rebuild_table", from, to, columnMap: { id: "id", title: "name" } });
 * // [{ kind: "rename_column", table: "band", from: "name", to: "title" }, { kind: "alter_column", …, allowRebuild: true }]
 * ```
 */
export function rebuildAsChanges(rebuild: RebuildTableOperation): readonly SchemaOperation[] | undefined {
  const table = rebuild.to.table.name;
  if (rebuild.from.table.name !== table) return undefined;
  const columns: ColumnRename[] = [];
  for (const [to, from] of Object.entries(rebuild.columnMap)) if (to !== from) columns.push({ table, from, to });
  columns.sort((a, b) => compareStrings(a.from, b.from));
  const backfill: Record<string, JsonValue> = Object.create(null);
  for (const [column, value] of Object.entries(rebuild.backfill ?? {})) backfill[`${table}.${column}`] = value;
  let changes: readonly SchemaOperation[];
  try {
    const before = Snapshot.fromEntities(entitiesOf(rebuild.from));
    const after = Snapshot.fromEntities(entitiesOf(rebuild.to));
    changes = diff(before, after, { renames: { tables: [], columns }, backfill }) as readonly SchemaOperation[];
  } catch (error) {
    if (isMigError(error)) return undefined;
    throw error;
  }
  if (changes.some((change) => change.kind === "create_table" || change.kind === "drop_table" || change.kind === "rename_table")) return undefined;
  return changes.map((change) => (takesConsent(change) ? Object.freeze({ ...change, allowRebuild: true }) : change));
}
