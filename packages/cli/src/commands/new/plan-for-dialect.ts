import * as core from "@mig/core";
import { assertSupported, MigError, resolveCapabilities, type Dialect, type MigProblem, type Operation, type SchemaOperation } from "@mig/core";
import { describeOperation } from "../../output/describe-operation";

type PlanForDialect = (operations: readonly Operation[], capabilities: ReturnType<typeof resolveCapabilities>, options: { allowRebuild: boolean }) => readonly Operation[];

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
 * Fits the diff's operations to what the dialect can do: unchanged when it can do them all,
 * lowered to table rebuilds when the user allowed it and the dialect offers them (core's
 * `planForDialect`, when present), else refused with `MIG_E_UNSUPPORTED` naming each operation.
 */
export function planForDialect(operations: readonly Operation[], dialect: Dialect, allowRebuild: boolean): readonly Operation[] {
  const plan = (core as unknown as Record<string, unknown>).planForDialect as PlanForDialect | undefined;
  const planned =
    typeof plan === "function"
      ? plan(operations, resolveCapabilities(dialect.capabilities), { allowRebuild })
      : (assertSupported(operations.filter((op): op is SchemaOperation => op.kind !== "raw"), dialect, "This migration"), operations);
  const problems = emitProblems(planned, dialect);
  if (problems.length > 0) {
    throw new MigError("MIG_E_UNSUPPORTED", `${dialect.name} cannot run ${problems.length === 1 ? "an operation" : `${problems.length} operations`} of this migration; nothing was written`, {
      problems,
      hint: resolveCapabilities(dialect.capabilities).rebuildTable
        ? "Allow a table rebuild (--allow-rebuild), or change the tables (a default, or a nullable column)"
        : "Change the tables so that the dialect can make the change (a default, or a nullable column)",
      meta: { dialect: dialect.name },
    });
  }
  return planned;
}
