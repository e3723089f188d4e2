import { MigError, planForDialect, resolveCapabilities, type Dialect, type MigProblem, type Operation, type Snapshot } from "@mig/core";
import { describeOperation } from "../../output/describe-operation";

/**
 * Every operation the dialect's emitter refuses (a quirk that no capability flag names, such as
 * SQLite adding a NOT NULL column without a default): emitting needs no connection, so `new`
 * finds them before it writes anything.
 */
function emitProblems(operations: readonly Operation[], dialect: Dialect): MigProblem[] {
  const problems: MigProblem[] = [];
  for (const operation of operations) {
    if (operation.kind === "raw") continue;
    try {
      dialect.emitter.emit(operation);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      problems.push({ message: `${describeOperation(operation)}: ${message}` });
    }
  }
  return problems;
}

/**
 * Fits the diff's operations to what the dialect can do (core's `planForDialect`): unchanged when
 * it can do them all, lowered to table rebuilds when the user allowed it and the dialect offers
 * them, else refused with `MIG_E_UNSUPPORTED` naming each operation. Then every operation is
 * emitted once, without a connection, so that a refusal of the dialect's emitter is also found
 * before anything is written.
 */
export function planOperations(operations: readonly Operation[], dialect: Dialect, from: Snapshot, allowRebuild: boolean): readonly Operation[] {
  const capabilities = resolveCapabilities(dialect.capabilities);
  const planned = planForDialect(operations, capabilities, { allowRebuild, from });
  const problems = emitProblems(planned, dialect);
  if (problems.length > 0) {
    throw new MigError("MIG_E_UNSUPPORTED", `${dialect.name} cannot run ${problems.length === 1 ? "an operation" : `${problems.length} operations`} of this migration; nothing was written`, {
      problems,
      hint: "Change the tables so that the dialect can make the change (a default, or a nullable column)",
      // Found by emitting: a table rebuild would not help (the planner had nothing to lower).
      meta: { dialect: dialect.name, emitter: true },
    });
  }
  return planned;
}
