export { diff, type DiffDecisions } from "./diff";
export { NO_RENAMES, type ColumnRename, type RenameDecisions, type TableRename } from "./rename-decisions";
export {
  findColumnRenameCandidates,
  findTableRenameCandidates,
  type ColumnRenameCandidate,
  type RenameCandidate,
  type TableRenameCandidate,
} from "./rename-candidates";
export { autoInputResolver, failClosedResolver, promptResolver, type RenameResolver } from "./rename-resolver";
export { explicitRenames, type ExplicitColumnRename, type ExplicitRenames, type ExplicitTableRename } from "./explicit-renames";
export { resolveRenames } from "./resolve-renames";
export { findBackfillQuestions, type BackfillQuestion } from "./backfill-questions";
export { parseBackfillValue } from "./parse-backfill-value";
export { parseBackfillArguments } from "./parse-backfill-arguments";
export { OPERATION_PHASES } from "./phases";
export { planForDialect, planError, type PlanOptions } from "./plan-for-dialect";
export {
  planOperations,
  refusedOperations,
  type PlanInput,
  type PlanProblem,
  type PlanResult,
  type RebuildLowering,
  type RebuildRequest,
  type RefusedOperation,
} from "./plan-operations";
export { rebuildAsChanges } from "./rebuild-as-changes";
export { planForTargets, type TargetProblem } from "./plan-for-targets";
export { lowerToRebuild } from "./lower-to-rebuild";
export { changesType, wrapForeignKeyColumnAlters } from "./wrap-foreign-key-alters";
