import type { MigProblem } from "../errors/mig-error";
import type { JsonValue } from "../schema/types";
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
}
