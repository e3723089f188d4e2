import { resolveCapabilities } from "../dialect/capabilities";
import type { Dialect } from "../dialect/dialect";
import { MigError, type MigProblem } from "../errors/mig-error";
import { type Operation, tableOf, takesConsent } from "../operations/operation";
import type { Snapshot } from "../snapshot/snapshot";
import { type PlanProblem, planOperations } from "./plan-operations";

/** An operation one target cannot run as it is, named with the target. */
export interface TargetProblem {
  readonly target: Dialect;
  readonly problem: PlanProblem;
}

function asProblem({ target, problem }: TargetProblem): MigProblem {
  return { message: `${target.name}: ${problem.reason}`, table: problem.table, ...(problem.column !== undefined ? { column: problem.column } : {}) };
}

/**
 * Every operation the dialect's emitter refuses (a quirk that no capability flag names): emitting
 * needs no connection, so `new` finds them before it writes anything. The planner's refusals
 * come first; this is the backstop.
 */
function emitProblems(operations: readonly Operation[], dialect: Dialect): MigProblem[] {
  const problems: MigProblem[] = [];
  for (const operation of operations) {
    if (operation.kind === "raw") continue;
    try {
      dialect.emitter.emit(operation);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      problems.push({ message: `${dialect.name}: ${operation.kind}: ${message}` });
    }
  }
  return problems;
}

/** The planner's verdict on `operations` for every target (consent as the operations carry it). */
function planEveryTarget(operations: readonly Operation[], targets: readonly Dialect[], from: Snapshot) {
  // Consent to the locking form is recorded on the operations (`withLockingConsent`), never given for all here.
  const refusals: TargetProblem[] = [];
  const questions: TargetProblem[] = [];
  const emitted: MigProblem[] = [];
  for (const target of targets) {
    const online = target.online?.refusal ? { onlineRefusal: target.online.refusal.bind(target.online) } : {};
    const result = planOperations({ operations, capabilities: resolveCapabilities(target.capabilities), schemaBefore: from, checkReverse: true, ...online });
    if (result.ok) emitted.push(...emitProblems(result.operations, target));
    else {
      for (const problem of result.refusals) refusals.push({ target, problem });
      for (const problem of result.questions) questions.push({ target, problem });
    }
  }
  return { refusals, questions, emitted };
}

/**
 * The operations that consent concerns: the ones a target asked about, found in the diff's list
 * (the planner may have folded some into others: then every in-table operation of that table
 * and kind).
 */
function withConsent(operations: readonly Operation[], questions: readonly TargetProblem[]): readonly Operation[] {
  const asked = new Set(questions.map((q) => q.problem.operation));
  const loose = questions.filter((q) => !operations.includes(q.problem.operation)).map((q) => `${q.problem.operation.kind}\u0000${q.problem.table}`);
  return operations.map((operation) => {
    if (!takesConsent(operation)) return operation;
    const table = tableOf(operation);
    return asked.has(operation) || loose.includes(`${operation.kind}\u0000${table}`) ? { ...operation, allowRebuild: true } : operation;
  });
}


/** `operations` with the ones a target refuses online marked `allowLocking: true` (`mig new --allow-locking`). */
function withLockingConsent(operations: readonly Operation[], refused: readonly TargetProblem[]): readonly Operation[] {
  const asked = new Set(refused.map((r) => r.problem.operation));
  return operations.map((operation) => (takesConsent(operation) && asked.has(operation) ? { ...operation, allowLocking: true } : operation));
}

/**
 * Checks the diff's logical operations against every target with core's planner (the same one
 * `forwards` runs): what a target refuses is a `MIG_E_UNSUPPORTED` naming the target and each
 * operation; what a target can only do by a table rebuild needs consent (`allowRebuild`: the
 * flag, or a question on a TTY), which is then recorded on those operations. A change marked
 * online that a target can only make by blocking writes is `MIG_E_NOT_ONLINE`, unless
 * `allowLocking` (`--allow-locking`) consents: then `allowLocking: true` is recorded on it. The operations stay
 * logical: no lowering is ever written into a file. What `mig new` runs after the diff.
 *
 * @example
 * ```ts
 * const operations = await planForTargets(diff(before, after), [sqliteDialect, postgresDialect], before, async () => true);
 * // the diff's operations, those SQLite can only do by a rebuild marked `allowRebuild: true`
 * ```
 */
export async function planForTargets(
  operations: readonly Operation[],
  targets: readonly Dialect[],
  from: Snapshot,
  allowRebuild: (problems: readonly MigProblem[]) => Promise<boolean>,
  allowLocking = false,
): Promise<readonly Operation[]> {
  let checked = planEveryTarget(operations, targets, from);
  let planned = operations;
  let offline = checked.refusals.filter((r) => r.problem.onlineHint !== undefined);
  if (offline.length > 0 && allowLocking && offline.every((r) => planned.includes(r.problem.operation))) {
    planned = withLockingConsent(planned, offline);
    checked = planEveryTarget(planned, targets, from);
    offline = checked.refusals.filter((r) => r.problem.onlineHint !== undefined);
  }
  if (offline.length > 0) {
    throw new MigError("MIG_E_NOT_ONLINE", `${offline.length === 1 ? "A change marked online cannot be made" : `${offline.length} changes marked online cannot be made`} without blocking writes; nothing was written`, {
      problems: offline.map(asProblem),
      hint: [...new Set(offline.map((r) => r.problem.onlineHint))].join(" "),
      meta: { targets: targets.map((t) => t.name), online: true },
    });
  }
  if (checked.refusals.length === 0 && checked.questions.length > 0) {
    const problems = checked.questions.map(asProblem);
    if (!(await allowRebuild(problems))) {
      throw new MigError("MIG_E_UNSUPPORTED", `${problems.length === 1 ? "A change needs" : `${problems.length} changes need`} a table rebuild; nothing was written`, {
        problems,
        hint: "Allow it with --allow-rebuild (recorded on those operations in the file; databases that can ALTER ignore it), or change the tables",
        meta: { targets: targets.map((t) => t.name), needsRebuild: true },
      });
    }
    planned = withConsent(planned, checked.questions);
    checked = planEveryTarget(planned, targets, from);
  }
  const refused = [...checked.refusals, ...checked.questions].map(asProblem);
  if (refused.length > 0) {
    throw new MigError("MIG_E_UNSUPPORTED", `${refused.length === 1 ? "A change cannot run" : `${refused.length} changes cannot run`} on ${targets.length === 1 ? (targets[0] as Dialect).name : "every target"}; nothing was written`, {
      problems: refused,
      hint: "Write these changes by hand in a raw migration, or change the tables so that they are not needed",
      meta: { targets: targets.map((t) => t.name) },
    });
  }
  if (checked.emitted.length > 0) {
    throw new MigError("MIG_E_UNSUPPORTED", `${checked.emitted.length === 1 ? "An operation" : `${checked.emitted.length} operations`} of this migration cannot be written for a target; nothing was written`, {
      problems: checked.emitted,
      hint: "Change the tables so that every target can make the change (a default, or a nullable column)",
      meta: { targets: targets.map((t) => t.name), emitter: true },
    });
  }
  return planned;
}
