import type { MigProblem } from "../errors/mig-error";
import type { JsonValue } from "../snapshot/types";
import type { BackfillQuestion } from "./backfill-questions";
import type { PlannedOperation } from "./phases";
import type { SchemaMatch } from "./schema-match";

/** What the parts of one diff share while planning. Internal. */
export interface DiffContext {
  readonly match: SchemaMatch;
  readonly backfill: Readonly<Record<string, JsonValue>>;
  readonly planned: PlannedOperation[];
  /** Changes the diff refuses to plan (`MIG_E_DIFF`). */
  readonly refusals: MigProblem[];
  /** Required backfill values nobody gave (`MIG_E_NEEDS_INPUT`). */
  readonly missing: BackfillQuestion[];
  /**
   * What existing tables gain or lose in this diff that a foreign key may point at, as
   * `targetKey`s: columns added (new names), uniques added (new names), uniques dropped (old
   * names). A new table's FK to them waits for them; a dropped table's FK goes before them.
   */
  readonly targets: { readonly added: Set<string>; readonly dropped: Set<string> };
}

/** The key of a set of columns of a table, in any order. */
export function targetKey(table: string, columns: readonly string[]): string {
  return [table, ...[...columns].sort()].join("\0");
}
