import type { ResolvedCapabilities } from "../dialect/capabilities";
import { MigError, type MigProblem } from "../errors/mig-error";
import type { Operation } from "../operations/operation";
import type { Snapshot } from "../snapshot/snapshot";
import { type PlanProblem, type PlanResult, type RebuildLowering, planOperations } from "./plan-operations";

export interface PlanOptions {
  /** Consent to table rebuilds for every operation (`--allow-rebuild`). Default is `false`. */
  readonly allowRebuild?: boolean;
  /** The schema the plan starts from: what a rebuild copies. Required for rebuilds. */
  readonly from?: Snapshot | (() => Snapshot);
  /** The lowering to use when rebuilds are allowed and the dialect offers them. Default: `lowerToRebuild`. */
  readonly rebuild?: RebuildLowering;
  /** Also refuse drops whose reverse the dialect could not run (what `mig new` checks). Default `false`. */
  readonly checkReverse?: boolean;
}

/**
 * {@link planOperations} for callers that want an error: the planned operations, or one
 * `MIG_E_UNSUPPORTED` whose problems name every refused operation (table, column) and every
 * rebuild that waits for consent.
 *
 * @example
 * ```ts
 * const plan = planForDialect(diff(before, after), resolveCapabilities(dialect.capabilities), { from: before });
 * ```
 */
export function planForDialect(operations: readonly Operation[], capabilities: ResolvedCapabilities, options: PlanOptions = {}): readonly Operation[] {
  const result = planOperations({
    operations,
    capabilities,
    ...(options.allowRebuild !== undefined ? { allowRebuild: options.allowRebuild } : {}),
    ...(options.from !== undefined ? { schemaBefore: options.from } : {}),
    ...(options.rebuild !== undefined ? { rebuild: options.rebuild } : {}),
    checkReverse: options.checkReverse ?? true,
  });
  if (result.ok) return result.operations;
  if (result.needsSchema) {
    throw new MigError("MIG_E_UNSUPPORTED", "This plan needs the schema it starts from (a table rebuild, or a foreign key in the way of a change)", {
      hint: "Pass `from`: the snapshot before the operations",
    });
  }
  throw planError(result, "The database cannot do {n} in place");
}

/** The error for a refused plan: `{n}` in `message` becomes "this change" or "N of these changes". */
export function planError(result: Extract<PlanResult, { ok: false }>, message: string, meta: Readonly<Record<string, unknown>> = {}): MigError {
  const all = [...result.refusals, ...result.questions].sort((a, b) => a.index - b.index);
  const n = all.length === 1 ? "this change" : `${all.length} of these changes`;
  const hints: string[] = [];
  if (result.refusals.length > 0) hints.push("Write what the database cannot do by hand in a raw migration, or change the tables so that it is not needed");
  if (result.questions.length > 0) {
    hints.push("The database can rebuild the tables instead (it copies each table into a new one): allow it with --allow-rebuild, or with `allowRebuild` in the config");
  }
  const online = all.filter((problem) => problem.onlineHint !== undefined);
  if (online.length === all.length) {
    return new MigError("MIG_E_NOT_ONLINE", message.replace(/cannot (run|do) \{n\}( in place)?/, "cannot make {n} online").replace("{n}", n), {
      problems: all.map(problemOf),
      meta: { ...meta, operations: all.map(({ operation, index, table }) => ({ kind: operation.kind, index, table })), online: true },
      hint: [...new Set(online.map((problem) => problem.onlineHint))].join(" "),
    });
  }
  const hint = hints.join(". ");
  return new MigError("MIG_E_UNSUPPORTED", message.replace("{n}", n), {
    problems: all.map(problemOf),
    meta: {
      ...meta,
      operations: all.map(({ operation, index, table, column }) => ({ kind: operation.kind, index, table, ...(column !== undefined ? { column } : {}) })),
      needsRebuild: result.refusals.length === 0,
    },
    hint,
  });
}

function problemOf({ table, column, reason }: PlanProblem): MigProblem {
  return { message: reason, table, ...(column !== undefined ? { column } : {}) };
}
